import { createHash } from 'node:crypto'
import { desc, eq, and, type SQL } from 'drizzle-orm'
import { auditLog } from '../db/schema'
import type { Ctx } from '../context'
import { nowText } from '../time'
import { GENESIS_HASH, expectedHeadKey, headSignedBy, readHead, signHead } from './anchor'

export { GENESIS_HASH }

export interface AuditInput {
  action: string
  entity: string
  entityId?: string | number
  detail?: unknown
}

/** The exact bytes hashed for an entry; changing any field changes the hash. */
export function entryHash(prevHash: string, e: { at: string; actor: string; action: string; entity: string; entityId: string; detail: string }): string {
  const canonical = JSON.stringify([prevHash, e.at, e.actor, e.action, e.entity, e.entityId, e.detail])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * Appends one entry. Call it inside the same transaction as the change it
 * describes, so that a change and its trail commit or roll back together.
 */
export function audit(ctx: Ctx, input: AuditInput): void {
  const last = ctx.db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()
  const prevHash = last?.hash ?? GENESIS_HASH
  const entry = {
    at: nowText(),
    actor: ctx.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId === undefined ? '' : String(input.entityId),
    detail: JSON.stringify(input.detail ?? {})
  }
  const hash = entryHash(prevHash, entry)
  const r = ctx.db.insert(auditLog).values({ ...entry, prevHash, hash }).run()
  signHead(ctx.sqlite, Number(r.lastInsertRowid), hash)
}

export interface AuditQuery {
  entity?: string
  entityId?: string
  limit?: number
  offset?: number
}

export function listAudit(ctx: Ctx, q: AuditQuery = {}) {
  const where: SQL[] = []
  if (q.entity) where.push(eq(auditLog.entity, q.entity))
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId))
  return ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0)
    .all()
}

export interface ChainCheck {
  ok: boolean
  entries: number
  /** First entry whose stored hash or link does not match, with why. */
  brokenAt?: { id: number; reason: string }
}

/**
 * Walks the chain from the start (edited, inserted or deleted entries), then
 * holds its end against the signed head kept apart from the log: a log cut
 * short, emptied, rebuilt from some entry on, or extended by rows that were
 * not appended by the program no longer ends where the signature says.
 */
export function verifyAuditChain(ctx: Pick<Ctx, 'sqlite'>): ChainCheck {
  const walked = walkChain(ctx.sqlite)
  if (!walked.ok) return walked
  const { count, lastId, lastHash } = walked
  const head = readHead(ctx.sqlite)
  const at = (id: number, reason: string): ChainCheck => ({ ok: false, entries: count, brokenAt: { id, reason } })
  if (!head) return at(lastId, '日志的签名锚点缺失（被删除），无法证明日志未被改写或截断')
  if (!headSignedBy(expectedHeadKey(ctx.sqlite, head.publicKey), head)) return at(head.seq, '日志的签名锚点与本单位密钥不符（锚点被改动）')
  if (lastId < head.seq) return at(lastId + 1, `签名锚点记录的最后一条是第 ${head.seq} 条，现在只到第 ${lastId} 条：最后 ${head.seq - lastId} 条记录被删除（日志被截断或清空）`)
  if (lastId > head.seq) return at(head.seq + 1, `第 ${head.seq} 条之后的 ${lastId - head.seq} 条记录没有经过程序签名（在程序之外追加，可能是伪造的）`)
  if (lastHash !== head.hash) return at(lastId, '最后一条记录与签名锚点的哈希不符：日志被改写后重新计算了哈希链')
  // AUTOINCREMENT remembers the highest id ever used: a shorter chain means its tail was cut off.
  const seq = ctx.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined
  if (seq && seq.seq > lastId) return at(lastId + 1, `最后 ${seq.seq - lastId} 条记录被删除`)
  return { ok: true, entries: count }
}

type Walked = { ok: false; entries: number; brokenAt: { id: number; reason: string } } | { ok: true; count: number; lastId: number; lastHash: string }

/** The chain on its own: each entry's hash and its link to the one before. */
export function walkChain(sqlite: Pick<Ctx, 'sqlite'>['sqlite'], table = 'audit_log'): Walked {
  let prev = GENESIS_HASH
  let count = 0
  let lastId = 0
  const rows = sqlite
    .prepare(`SELECT id, at, actor, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash FROM "${table}" ORDER BY id`)
    .iterate() as IterableIterator<{ id: number; at: string; actor: string; action: string; entity: string; entityId: string; detail: string; prevHash: string; hash: string }>
  for (const row of rows) {
    count++
    if (row.id !== lastId + 1) return { ok: false, entries: count, brokenAt: { id: row.id, reason: `第 ${lastId + 1} 条记录缺失（被删除）` } }
    if (row.prevHash !== prev) return { ok: false, entries: count, brokenAt: { id: row.id, reason: '与前一条记录的链接不符（前一条被删除或修改）' } }
    if (entryHash(prev, row) !== row.hash) return { ok: false, entries: count, brokenAt: { id: row.id, reason: '记录内容与其哈希不符（被修改）' } }
    prev = row.hash
    lastId = row.id
  }
  return { ok: true, count, lastId, lastHash: prev }
}
