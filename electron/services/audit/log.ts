import { createHash } from 'node:crypto'
import { desc, eq, and, type SQL } from 'drizzle-orm'
import { auditLog } from '../db/schema'
import type { Ctx } from '../context'
import { nowText } from '../time'

export const GENESIS_HASH = '0'.repeat(64)

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
  ctx.db.insert(auditLog).values({ ...entry, prevHash, hash: entryHash(prevHash, entry) }).run()
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

/** Walks the chain from the start; detects edited, inserted or deleted entries. */
export function verifyAuditChain(ctx: Ctx): ChainCheck {
  let prev = GENESIS_HASH
  let count = 0
  let lastId = 0
  const rows = ctx.sqlite
    .prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<{ id: number; at: string; actor: string; action: string; entity: string; entityId: string; detail: string; prevHash: string; hash: string }>
  for (const row of rows) {
    count++
    if (row.id !== lastId + 1) return { ok: false, entries: count, brokenAt: { id: row.id, reason: `第 ${lastId + 1} 条记录缺失（被删除）` } }
    if (row.prevHash !== prev) return { ok: false, entries: count, brokenAt: { id: row.id, reason: '与前一条记录的链接不符（前一条被删除或修改）' } }
    if (entryHash(prev, row) !== row.hash) return { ok: false, entries: count, brokenAt: { id: row.id, reason: '记录内容与其哈希不符（被修改）' } }
    prev = row.hash
    lastId = row.id
  }
  // AUTOINCREMENT remembers the highest id ever used: a shorter chain means its tail was cut off.
  const seq = ctx.sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined
  if (seq && seq.seq > lastId) return { ok: false, entries: count, brokenAt: { id: lastId + 1, reason: `最后 ${seq.seq - lastId} 条记录被删除` } }
  return { ok: true, entries: count }
}
