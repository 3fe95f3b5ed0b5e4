import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Ctx } from '../context'
import { openDatabase } from '../db/open'
import { audit } from '../audit/log'
import { readHead, type AuditHead } from '../audit/anchor'
import { UserError } from '../errors'
import { nowText } from '../time'
import { APP_VERSION } from '../version'
import { ADAPTERS, adapterOf, type EntityAdapter } from './adapters'
import { writeFrame } from './container'
import { exchangeTempPrefix } from '../files/leftovers'
import { peerRow, requireIdentity } from './identity'
import { sha256Hex, signBytes } from './keys'
import { FORMAT_VERSION, ourSchemaVersion, type Manifest } from './manifest'
import { RefMaps, readRows, tableColumns, type Portable } from './records'
import { nextTurn, type Report } from '../jobs/runner'

type Row = Record<string, unknown>

export interface ExportOptions {
  /** Receiving agency code, or 'any' (no baseline is kept for 'any'). */
  to: string
  /** Everything in scope, not only what changed since the last package to this agency. */
  full?: boolean
  /** Limit to these entities (default: every entity this agency sends). */
  entities?: string[]
  /** Office → one department: include the county-wide registry (departments, objects, inspectors, items). */
  withRegistry?: boolean
  out: string
  migrationsDir?: string
}

export interface ExportResult {
  file: string
  bytes: number
  manifest: Manifest
}

interface Picked {
  row: Row
  p: Portable
}

/**
 * What goes into a package: the records this agency maintains (a department:
 * rows it owns; the office: the county-wide registry), for an incremental
 * package only those whose content differs from what that agency last got
 * from or sent to us, plus every record they refer to so that the embedded
 * database is whole.
 */
function pickRecords(ctx: Ctx, opts: ExportOptions, me: ReturnType<typeof requireIdentity>): Map<string, Map<string, Picked>> {
  const refs = new RefMaps(ctx.sqlite)
  const wanted = entitiesToSend(me.role, opts)
  const myDeptId = me.role === 'department' ? refs.idOf('departments', me.code) : null
  if (me.role === 'department' && myDeptId === null) {
    throw new UserError(`本单位代码“${me.code}”在成员单位中不存在（可能被修改）。请在“成员单位”中恢复该代码后再导出。`, 'not-found')
  }
  const recipientDeptId = me.role === 'office' && opts.to !== 'any' && peerRow(ctx, opts.to)?.role === 'department' ? refs.idOf('departments', opts.to) : null
  if (me.role === 'office' && opts.to !== 'any' && peerRow(ctx, opts.to)?.role === 'department' && recipientDeptId === null) {
    throw new UserError(`接收单位代码“${opts.to}”在成员单位中不存在，无法确定它参加的任务。请先在“成员单位”中核对该单位的代码。`, 'not-found')
  }
  const baseline = opts.to !== 'any' && !opts.full ? loadBaseline(ctx.sqlite, opts.to) : null
  const since = opts.to === 'any' && !opts.full ? lastSentAt(ctx.sqlite, 'any') : null

  const picked = new Map<string, Map<string, Picked>>()
  for (const a of ADAPTERS) picked.set(a.entity, new Map())
  for (const a of wanted) {
    if (!hasTable(ctx.sqlite, a.table)) continue
    const where: string[] = []
    const params: unknown[] = []
    if (myDeptId !== null && (a.ownedWhere || a.ownerColumn)) {
      where.push(a.ownedWhere ?? `"${a.ownerColumn}" = ?`)
      params.push(myDeptId)
    }
    if (me.role === 'office' && a.sendableWhere) where.push(a.sendableWhere)
    if (recipientDeptId !== null && a.recipientWhere) {
      where.push(a.recipientWhere)
      params.push(recipientDeptId)
    }
    if (since && tableColumns(ctx.sqlite, a.table).includes('updated_at')) {
      where.push(`updated_at >= ?`)
      params.push(since)
    }
    const into = picked.get(a.entity)!
    for (const r of readRows(ctx.sqlite, a, refs, where.map((w) => `(${w})`).join(' AND '), params)) {
      if (baseline && baseline.get(`${a.entity}\u0000${r.p.key}`) === r.p.hash) continue
      into.set(r.p.key, r)
    }
  }
  closeOverReferences(ctx.sqlite, refs, picked)
  return picked
}

/**
 * Default: what this role maintains. The office sends the county registry to
 * one department only when asked (withRegistry, or the entities named);
 * to "any" it is the county-wide broadcast and includes it.
 */
export function entitiesToSend(role: 'office' | 'department', opts: Pick<ExportOptions, 'entities' | 'withRegistry' | 'to'>): EntityAdapter[] {
  return ADAPTERS.filter((a) => {
    if (!a.sentBy.includes(role)) return false
    if (opts.entities) return opts.entities.includes(a.entity)
    if (a.registry && role === 'office' && opts.to !== 'any') return opts.withRegistry === true
    return true
  })
}

/** Every record an exported one refers to travels too, until nothing is missing (a referenced record may refer on). */
function closeOverReferences(sqlite: Database.Database, refs: RefMaps, picked: Map<string, Map<string, Picked>>) {
  const missing: [string, string][] = []
  const need = (target: string, k: unknown) => {
    if (k === null || k === undefined || picked.get(target)!.has(String(k))) return
    missing.push([target, String(k)])
  }
  const scan = (a: EntityAdapter, p: Portable) => {
    for (const [col, target] of Object.entries(a.refs)) need(target, p.fields[col])
    for (const [col, target] of Object.entries(a.keyRefs ?? {})) need(target, p.fields[col])
    for (const [target, k] of a.jsonRefs?.(p.fields) ?? []) need(target, k)
  }
  for (const a of ADAPTERS) for (const { p } of picked.get(a.entity)!.values()) scan(a, p)
  while (missing.length > 0) {
    const [target, k] = missing.pop()!
    if (picked.get(target)!.has(k)) continue
    const t = adapterOf(target)
    for (const r of readRows(sqlite, t, refs, `"${t.key}" = ?`, [k])) {
      picked.get(target)!.set(r.p.key, r)
      scan(t, r.p)
    }
  }
}

function hasTable(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)
}

function loadBaseline(sqlite: Database.Database, peer: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const [e, k, h] of sqlite.prepare('SELECT entity, key, hash FROM exchange_baseline WHERE peer_code = ?').raw().iterate(peer) as IterableIterator<[string, string, string]>) {
    m.set(`${e}\u0000${k}`, h)
  }
  return m
}

function lastSentAt(sqlite: Database.Database, peer: string): string | null {
  const r = sqlite.prepare(`SELECT max(package_created_at) AS t FROM exchange_log WHERE direction = 'sent' AND peer_code = ?`).get(peer) as { t: string | null }
  return r.t
}

/**
 * The embedded database: same schema as ours (made by the migration runner),
 * rows copied with their ids so references stay intact. The rows go across
 * inside SQLite (ATTACH, then INSERT … SELECT by rowid), never through
 * JavaScript objects; plain indexes and the full-text triggers of the
 * package are dropped meanwhile and created again once the rows are in
 * (the package's full-text index stays empty: it is never searched).
 */
function buildContent(local: Database.Database, file: string, picked: Map<string, Map<string, Picked>>, head: AuditHead | null, migrationsDir?: string): Record<string, number> {
  const counts: Record<string, number> = {}
  const content = openDatabase(file, migrationsDir ? { migrationsDir } : {})
  const present = new Map<string, string[]>()
  const deferred: string[] = []
  try {
    // One self-contained file: no -wal beside it, now and when it is attached below.
    content.sqlite.pragma('journal_mode = DELETE')
    for (const a of ADAPTERS) if (hasTable(content.sqlite, a.table)) present.set(a.table, tableColumns(content.sqlite, a.table))
    content.sqlite.transaction(() => {
      for (const table of present.keys()) {
        const s = content.sqlite
        const fts = (s.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%fts%'`).all(table) as { name: string; sql: string }[])
        const idx = (s.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { name: string; sql: string }[]).filter(
          (i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql)
        )
        for (const x of [...fts, ...idx]) {
          s.exec(`DROP ${fts.includes(x) ? 'TRIGGER' : 'INDEX'} "${x.name}"`)
          deferred.push(x.sql)
        }
      }
    })()
  } finally {
    content.sqlite.close()
  }

  local.exec(`ATTACH DATABASE '${file.replace(/'/g, "''")}' AS pkg`)
  try {
    local.pragma('pkg.synchronous = OFF')
    local.exec('CREATE TEMP TABLE IF NOT EXISTS exchange_pick (rid INTEGER PRIMARY KEY)')
    const pick = local.prepare('INSERT INTO temp.exchange_pick (rid) SELECT value FROM json_each(?)')
    local.transaction(() => {
      for (const a of ADAPTERS) {
        counts[a.entity] = 0
        // A package for an older program (fewer migrations) has no table for newer entities.
        const cols = present.get(a.table)
        if (!cols) continue
        const rows = picked.get(a.entity)!
        if (rows.size === 0) continue
        local.exec('DELETE FROM temp.exchange_pick')
        // The row ids as one JSON array: one call into SQLite instead of one per record.
        const ids: unknown[] = []
        for (const { row } of rows.values()) ids.push(row.__rowid)
        pick.run(JSON.stringify(ids))
        const list = cols.map((c) => `"${c}"`).join(', ')
        counts[a.entity] = local
          .prepare(`INSERT INTO pkg."${a.table}" (${list}) SELECT ${list} FROM main."${a.table}" WHERE rowid IN (SELECT rid FROM temp.exchange_pick) ORDER BY rowid`)
          .run().changes
      }
      copyOrigins(local, picked)
      copyAuditLog(local, head)
    })()
  } finally {
    local.exec('DROP TABLE IF EXISTS temp.exchange_pick')
    local.exec('DETACH DATABASE pkg')
  }

  const sqlite = new Database(file)
  try {
    sqlite.pragma('synchronous = OFF')
    sqlite.transaction(() => {
      for (const sql of deferred) sqlite.exec(sql)
    })()
  } finally {
    sqlite.close()
  }
  return counts
}

/**
 * Our audit log up to the signed head in the manifest: the receiver checks
 * that it is whole and that it extends the head it saw from us last time.
 * The package's own (empty) log and its throwaway anchor are replaced.
 */
function copyAuditLog(local: Database.Database, head: AuditHead | null) {
  if (!head) return
  for (const t of local.prepare(`SELECT name FROM pkg.sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).pluck().all() as string[]) local.exec(`DROP TRIGGER pkg."${t}"`)
  local.exec('DELETE FROM pkg.audit_log')
  if (local.prepare(`SELECT 1 FROM pkg.sqlite_master WHERE name = 'audit_anchor'`).get()) local.exec('DELETE FROM pkg.audit_anchor')
  local.prepare('INSERT INTO pkg.audit_log SELECT * FROM main.audit_log WHERE id <= ? ORDER BY id').run(head.seq)
}

/**
 * Who a forwarded record came from (e.g. the office passing on a department's
 * objects), as long as it has not been edited here since.
 */
function copyOrigins(local: Database.Database, picked: Map<string, Map<string, Picked>>) {
  if (!local.prepare(`SELECT 1 FROM pkg.sqlite_master WHERE name = 'record_origin'`).get()) return
  const put = local.prepare(
    'INSERT INTO pkg.record_origin (entity, key, agency_code, agency_name, hash, changed_at, package_id) VALUES (@entity, @key, @agency_code, @agency_name, @hash, @changed_at, @package_id)'
  )
  // Few records have an origin elsewhere: walk those rather than every exported record.
  for (const o of local.prepare('SELECT * FROM main.record_origin').all() as { entity: string; key: string; hash: string }[]) {
    const p = picked.get(o.entity)?.get(o.key)?.p
    if (p && o.hash === p.hash) put.run(o)
  }
}

export function exportPackage(ctx: Ctx, opts: ExportOptions): ExportResult {
  const steps = exportSteps(ctx, opts)
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value
}

/**
 * The same export with a pause after each stage, told as it goes (选出并写入
 * 记录, 签名, 写入文件), so that the page can show a bar while a large
 * package is built. Each stage runs whole; the package is the same.
 */
export async function exportPackageInSteps(ctx: Ctx, opts: ExportOptions, report: Report): Promise<ExportResult> {
  const steps = exportSteps(ctx, opts)
  for (let r = steps.next(), k = 0; ; r = steps.next(), k++) {
    if (r.done) {
      report('完成', EXPORT_STAGES, EXPORT_STAGES)
      return r.value
    }
    report(r.value, k, EXPORT_STAGES)
    await nextTurn()
  }
}

const EXPORT_STAGES = 3

/** The export as stages: yields what it is about to do, returns the package. */
function* exportSteps(ctx: Ctx, opts: ExportOptions): Generator<string, ExportResult> {
  const me = requireIdentity(ctx)
  const to = opts.to.trim()
  let toRef: Manifest['to'] = 'any'
  if (to !== 'any') {
    if (to === me.code) throw new UserError('不能给本单位自己导出交换包。请选择接收单位。', 'invalid')
    const peer = peerRow(ctx, to)
    if (!peer) throw new UserError(`尚未登记代码为“${to}”的交换单位。请先导入对方的密钥文件并核对指纹。`, 'unregistered')
    toRef = { name: peer.name, code: peer.code }
  }
  // picked and copied in one stage: nothing may change the rows between choosing and copying them
  yield '选出要发送的记录并写入交换包'
  const picked = pickRecords(ctx, { ...opts, to }, me)
  const sent = new Set(entitiesToSend(me.role, { ...opts, to }).map((a) => a.entity))
  const dir = mkdtempSync(join(tmpdir(), exchangeTempPrefix('out')))
  try {
    const contentFile = join(dir, 'content.db')
    const signed = readHead(ctx.sqlite)
    const head = signed ? { seq: signed.seq, hash: signed.hash, signature: signed.signature } : null
    const contents = buildContent(ctx.sqlite, contentFile, picked, head, opts.migrationsDir)
    yield '计算校验值并签名'
    const content = readFileSync(contentFile)
    const createdAt = nowText()
    const seq = nextPackageSeq(ctx)
    const manifest: Manifest = {
      format: 'sjbx',
      formatVersion: FORMAT_VERSION,
      packageId: randomUUID(),
      kind: opts.full ? 'full' : 'incremental',
      schemaVersion: ourSchemaVersion(opts.migrationsDir),
      appVersion: APP_VERSION,
      from: { name: me.name, code: me.code, role: me.role, fingerprint: me.fingerprint, publicKey: me.publicKey },
      to: toRef,
      createdAt,
      // What was asked for (even when empty) and whatever came along as references.
      contents: Object.fromEntries(Object.entries(contents).filter(([e, n]) => n > 0 || sent.has(e))),
      contentBytes: content.length,
      contentSha256: sha256Hex(content),
      seq,
      ...(head ? { auditHead: head } : {})
    }
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8')
    const file = writeFrame(manifestBytes, signBytes(me.privateKey, manifestBytes), content)
    yield `写入文件（${(file.length / 1048576).toFixed(1)} MB）`
    const tmpOut = `${opts.out}.${process.pid}.part`
    try {
      writeFileSync(tmpOut, file)
      renameSync(tmpOut, opts.out)
    } catch (e) {
      rmSync(tmpOut, { force: true })
      throw new UserError(`无法写入交换包“${opts.out}”：${(e as Error).message}。请检查文件夹是否存在、是否有写入权限。`, 'io')
    }
    recordSent(ctx, manifest, sha256Hex(manifestBytes), opts.out, picked)
    return { file: opts.out, bytes: file.length, manifest }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Numbers are never reused, even when writing the file then fails: a receiver
 * only needs them to grow. They follow the clock (milliseconds) as well, so
 * that an installation restored from an older backup does not hand out
 * numbers its peers have already seen.
 */
function nextPackageSeq(ctx: Ctx): number {
  return (
    ctx.sqlite.prepare('UPDATE agency_identity SET package_seq = max(package_seq + 1, ?) WHERE id = 1 RETURNING package_seq').get(Date.now()) as { package_seq: number }
  ).package_seq
}

/** Sending counts as agreeing: the receiver starts from these hashes, and so do we. */
function recordSent(ctx: Ctx, m: Manifest, manifestHash: string, file: string, picked: Map<string, Map<string, Picked>>) {
  const at = nowText()
  ctx.sqlite.transaction(() => {
    if (m.to !== 'any') {
      const up = ctx.sqlite.prepare(
        'INSERT INTO exchange_baseline (peer_code, entity, key, hash, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(peer_code, entity, key) DO UPDATE SET hash = excluded.hash, at = excluded.at'
      )
      for (const [entity, rows] of picked) for (const { p } of rows.values()) up.run(m.to.code, entity, p.key, p.hash, at)
    }
    ctx.sqlite
      .prepare(
        `INSERT INTO exchange_log (direction, package_id, peer_code, peer_name, kind, manifest_hash, package_created_at, at, file, counts) VALUES ('sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(m.packageId, m.to === 'any' ? 'any' : m.to.code, m.to === 'any' ? '' : m.to.name, m.kind, manifestHash, m.createdAt, at, file, JSON.stringify(m.contents))
    audit(ctx, {
      action: '导出交换包',
      entity: 'exchange',
      entityId: m.packageId,
      detail: { to: m.to === 'any' ? 'any' : m.to.code, kind: m.kind, contents: m.contents, file, manifestSha256: manifestHash }
    })
  })()
}
