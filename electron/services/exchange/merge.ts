import type Database from 'better-sqlite3'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { ADAPTERS, adapterOf, type EntityAdapter } from './adapters'
import { BULK_THRESHOLD, suspendForBulk } from '../db/bulk'
import { openPackage, type OpenedPackage, type OpenPackageOptions } from './package'
import { requireIdentity } from './identity'
import { RefMaps, dataColumns, fromPortable, readRows, tableColumns, toPortable, type Portable } from './records'
import type { Manifest } from './manifest'
import { Ownership, type Refusal } from './ownership'
import { rowProblem } from './validate'
import { nextTurn, type Report } from '../jobs/runner'

import { fieldLabel, type ExchangeApplyResult, type ExchangeChoice, type ExchangeCounts, type ExchangePreview, type ExchangeRecordChange, type ExchangeRecordStatus } from '@contract'

type Row = Record<string, unknown>

// The preview and result shapes are the contract's: the exchange page shows exactly what this returns.
export type RecordStatus = ExchangeRecordStatus
export type Choice = ExchangeChoice
export type EntityCounts = ExchangeCounts
export type RecordChange = ExchangeRecordChange
type FieldChange = RecordChange['changes'][number]
export type Preview = ExchangePreview

export const UPDATE_LIST_LIMIT = 500

export interface Decisions {
  default?: Choice
  perRecord?: { entity: string; key: string; choice: Choice }[]
}

export type ApplyResult = ExchangeApplyResult

interface Classified {
  a: EntityAdapter
  incoming: Portable
  incomingRow: Row
  /** Local rowid. */
  local: { id: number; p: Portable } | null
  status: RecordStatus
  /** Sent only because another record refers to it: never updates ours, never moves the baseline. */
  refOnly: boolean
  /** Why it is not applied (status 'refused'). */
  refusal?: Refusal
}

const zero = (): EntityCounts => ({ new: 0, updated: 0, unchanged: 0, keptLocal: 0, conflicts: 0, refused: 0 })
const bump = (c: EntityCounts, s: RecordStatus) => {
  if (s === 'conflict') c.conflicts++
  else c[s]++
}

function hasTable(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)
}

/**
 * Walks the package record by record, entity by entity in dependency order,
 * comparing each with our copy and with what we last agreed with the sender.
 * `hooks.before`/`after` let apply refresh id maps between entities.
 *
 * Three rules beyond the three-way comparison, from who maintains what:
 * - an entity the sender does not maintain (e.g. a task a department's
 *   results refer to) travels only so references resolve: added when
 *   missing, never changing ours, never moving the baseline;
 * - an entity we do not maintain ourselves (a department's copy of a task)
 *   is the sender's: when both sides moved, theirs is taken (our moves are
 *   local progress such as 检查中, superseded by the maintainer's record);
 * - append-only records (draws, corrections) are never overwritten: a
 *   different record under the same key refuses the whole package.
 */
function* classify(ctx: Ctx, pkg: OpenedPackage, localRefs: RefMaps, hooks: EntityHooks = {}): Generator<Classified> {
  const sender = pkg.sender
  const peer = sender.code
  const myRole = requireIdentity(ctx).role
  const contentRefs = new RefMaps(pkg.content)
  const owners = new Ownership(ctx.sqlite, pkg.content, sender)
  const baseline = ctx.sqlite.prepare('SELECT hash FROM exchange_baseline WHERE peer_code = ? AND entity = ? AND key = ?').pluck()
  // Records this package adds: later entities may refer to them although they are not written yet (preview).
  const created = new Map<string, Set<string>>(ADAPTERS.map((a) => [a.entity, new Set()]))
  const checker = new Checker(ctx, new RefMaps(ctx.sqlite), created)
  for (const a of ADAPTERS) {
    if (!hasTable(pkg.content, a.table) || !hasTable(ctx.sqlite, a.table)) continue
    hooks.before?.(a)
    const cols = dataColumns(ctx.sqlite, a)
    // A first import into an empty table (a department's first county registry): nothing of ours to look up, row by row.
    const findLocal = ctx.sqlite.prepare(`SELECT 1 FROM "${a.table}" LIMIT 1`).get() ? localFinder(ctx.sqlite, a, localRefs) : () => undefined
    const refOnly = !a.sentBy.includes(sender.role)
    const replica = !a.sentBy.includes(myRole)
    for (const { row, p: incoming } of readRows(pkg.content, a, contentRefs)) {
      const localRow = findLocal(incoming)
      const local = localRow ? { id: localRow.__rowid as number, p: toPortable(a, localRow, cols, localRefs) } : null
      let status: RecordStatus
      let refusal: Refusal | undefined
      if (!local) status = 'new'
      else if (local.p.hash === incoming.hash) status = 'unchanged'
      else if (a.appendOnly) {
        refusal = owners.check(a, incoming, local.p) ?? (a.firstStands ? firstStandsRefusal(a, local.p, incoming) : undefined)
        if (!refusal) throw appendOnlyRefusal(pkg, a, local.p, incoming)
        status = 'refused'
      } else {
        const base = baseline.get(peer, a.entity, incoming.key) as string | undefined
        if (incoming.hash === base) status = 'keptLocal'
        else if (local.p.hash === base || replica) status = 'updated'
        else status = 'conflict'
      }
      if (status === 'new' || status === 'updated' || status === 'conflict') {
        refusal = checker.invalid(a, row, incoming) ?? owners.check(a, incoming, local?.p ?? null, () => owners.contentOwnerOfResult(row.result_id)) ?? undefined
        if (refusal) status = 'refused'
        else if (status === 'new') created.get(a.entity)!.add(incoming.key)
      }
      yield { a, incoming, incomingRow: row, local, status, refOnly, refusal }
    }
    hooks.after?.(a)
  }
}

/**
 * The same checks as local entry (validate.ts), and every reference must name
 * a record we have or this package adds: a dangling one refuses the row (it
 * is never stored as NULL).
 */
class Checker {
  private known: Pick<RefMaps, 'idOf'>
  private exists = new Map<string, Database.Statement>()

  constructor(
    private readonly ctx: Ctx,
    refs: RefMaps,
    private readonly created: Map<string, Set<string>>
  ) {
    this.known = { idOf: (entity, key) => refs.idOf(entity, key) ?? (created.get(entity)?.has(key) ? -1 : null) }
  }

  invalid(a: EntityAdapter, row: Row, incoming: Portable): Refusal | null {
    const bad = (why: string): Refusal => ({ reason: `${a.label}“${a.describe(incoming.fields)}”${why}`, unit: '' })
    const f = incoming.fields
    for (const col in a.refs) {
      if (row[col] !== null && row[col] !== undefined && (f[col] === null || f[col] === undefined)) return bad('引用了交换包中不存在的记录')
    }
    const problem = rowProblem(this.ctx.sqlite, a, f)
    if (problem) return bad(`不合规：${problem}`)
    if (a.decode) {
      try {
        fromPortable(a, { ...f }, this.known)
      } catch {
        return bad('引用的记录在本机不存在')
      }
    } else {
      for (const col in a.refs) {
        const k = f[col]
        if (k !== null && k !== undefined && this.known.idOf(a.refs[col]!, String(k)) === null) return bad('引用的记录在本机不存在')
      }
    }
    for (const col in a.keyRefs ?? {}) {
      const k = f[col]
      if (k !== null && k !== undefined && !this.keyExists(a.keyRefs![col]!, String(k))) return bad('引用的记录在本机不存在')
    }
    return null
  }

  private keyExists(entity: string, key: string): boolean {
    if (this.created.get(entity)!.has(key)) return true
    let st = this.exists.get(entity)
    if (!st) {
      const t = adapterOf(entity)
      this.exists.set(entity, (st = this.ctx.sqlite.prepare(`SELECT 1 FROM "${t.table}" WHERE "${t.key}" = ?`)))
    }
    return !!st.get(key)
  }
}

/** Our row with the incoming record's natural key, or undefined. */
function localFinder(sqlite: Database.Database, a: EntityAdapter, refs: RefMaps): (p: Portable) => Row | undefined {
  if (!a.keyFields) {
    const st = sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${a.table}" WHERE "${a.key}" = ?`)
    return (p) => st.get(p.key) as Row | undefined
  }
  const fields = a.keyFields
  const st = sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${a.table}" WHERE ${fields.map((f) => `"${f}" = ?`).join(' AND ')}`)
  return (p) => {
    const values: unknown[] = []
    for (const f of fields) {
      const target = a.refs[f]
      const v = p.fields[f]
      // A reference to a record we do not have yet: nothing of ours can match.
      const local = target && v !== null && v !== undefined ? refs.idOf(target, String(v)) : v
      if (local === null || local === undefined) return undefined
      values.push(local)
    }
    return st.get(...values) as Row | undefined
  }
}

/** The fields whose values differ between our record and theirs under the same key. */
function differingFields(ours: Portable, theirs: Portable): string[] {
  return Object.keys(theirs.fields).filter((f) => JSON.stringify(ours.fields[f] ?? null) !== JSON.stringify(theirs.fields[f] ?? null))
}

function appendOnlyRefusal(pkg: OpenedPackage, a: EntityAdapter, ours: Portable, theirs: Portable): UserError {
  const fields = differingFields(ours, theirs)
  return new UserError(
    `交换包中的${a.label}“${a.describe(theirs.fields)}”（编号 ${theirs.key}）与本机已有的同一编号记录内容不同（${fields.map((f) => fieldLabel(a.entity, f)).join('、')}）。${a.label}只能追加、不能改写，已拒绝整个交换包。请与${pkg.manifest.from.name}核对该记录。数据库未作任何改动。`,
    'append-only-conflict'
  )
}

function firstStandsRefusal(a: EntityAdapter, ours: Portable, theirs: Portable): Refusal {
  return { reason: `${a.label}“${a.describe(theirs.fields)}”与本机先登记的同一记录不同（${differingFields(ours, theirs).length} 处），以先登记的为准，未采用`, unit: '' }
}

interface EntityHooks {
  before?(a: EntityAdapter): void
  after?(a: EntityAdapter): void
}

function diff(c: Classified): FieldChange[] {
  if (!c.local) return []
  const out: FieldChange[] = []
  for (const [field, theirs] of Object.entries(c.incoming.fields)) {
    const ours = c.local.p.fields[field] ?? null
    if (JSON.stringify(ours) !== JSON.stringify(theirs ?? null)) out.push({ field, ours, theirs })
  }
  return out
}

function describe(c: Classified): RecordChange {
  return { entity: c.a.entity, entityLabel: c.a.label, key: c.incoming.key, label: c.a.describe(c.incoming.fields), status: c.status, changes: diff(c) }
}

function olderThanLast(ctx: Ctx, m: Manifest, sender: string): boolean {
  const r = ctx.sqlite
    .prepare(`SELECT max(package_created_at) AS t FROM exchange_log WHERE direction = 'received' AND peer_code = ? AND package_id <> ?`)
    .get(sender, m.packageId) as { t: string | null }
  return r.t !== null && r.t > m.createdAt
}

function buildPreview(ctx: Ctx, pkg: OpenedPackage, onRecord?: (c: Classified) => void, hooks: EntityHooks = {}, refs = new RefMaps(ctx.sqlite)): Preview {
  const m = pkg.manifest
  const per = new Map<string, EntityCounts>(ADAPTERS.map((a) => [a.entity, zero()]))
  const totals = zero()
  const conflicts: RecordChange[] = []
  const updates: RecordChange[] = []
  const refused: Preview['refused'] = []
  const refusals = new Map<string, { unit: string; count: number }>()
  for (const c of classify(ctx, pkg, refs, hooks)) {
    bump(per.get(c.a.entity)!, c.status)
    bump(totals, c.status)
    if (c.status === 'refused') {
      const r = refusals.get(c.refusal!.reason) ?? { unit: c.refusal!.unit, count: 0 }
      r.count++
      refusals.set(c.refusal!.reason, r)
      if (refused.length < UPDATE_LIST_LIMIT) refused.push({ ...describe(c), reason: c.refusal!.reason })
    } else if (c.status === 'conflict') conflicts.push(describe(c))
    else if (c.status === 'updated' && updates.length < UPDATE_LIST_LIMIT) updates.push(describe(c))
    onRecord?.(c)
  }
  return {
    token: pkg.manifestHash,
    packageId: m.packageId,
    from: { name: pkg.sender.name, code: pkg.sender.code, fingerprint: pkg.sender.fingerprint },
    to: m.to,
    createdAt: m.createdAt,
    kind: m.kind,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    upgradedFrom: pkg.upgradedFrom,
    alreadyImported: pkg.alreadyImported,
    olderThanLast: olderThanLast(ctx, m, pkg.sender.code),
    entities: ADAPTERS.filter((a) => (m.contents[a.entity] ?? 0) > 0).map((a) => ({ entity: a.entity, label: a.label, ...per.get(a.entity)! })),
    totals,
    conflicts,
    updates,
    refused,
    peerLogWarning: pkg.peerLogWarning,
    // Unit-less reasons name a single record already; counted ones read “… 3 户”.
    refusals: [...refusals].map(([reason, r]) => ({ reason, count: r.count, sentence: r.unit ? `${reason} ${r.count} ${r.unit}` : reason }))
  }
}

/** Checks the package and shows what importing it would change. Writes nothing. */
export function previewPackage(ctx: Ctx, file: string, opts: OpenPackageOptions = {}): Preview {
  const pkg = openPackage(ctx, file, opts)
  try {
    return buildPreview(ctx, pkg)
  } finally {
    pkg.close()
  }
}

function choiceFor(d: Decisions, perRecord: Map<string, Choice>, c: Classified): Choice | undefined {
  return perRecord.get(`${c.a.entity}\u0000${c.incoming.key}`) ?? d.default
}

/**
 * Applies a package in one transaction after the user has seen the preview.
 * Every conflict needs a decision (per record, or the default rule). Records
 * the package lacks are left alone; nothing is ever deleted.
 */
export function applyPackage(ctx: Ctx, file: string, decisions: Decisions, opts: OpenPackageOptions & { token?: string } = {}): ApplyResult {
  return applyOpened(ctx, openPackage(ctx, file, opts), decisions, opts)
}

/** What the import does first (the job's status says it before any work starts). */
export const APPLY_FIRST_PHASE = '校验签名并读取交换包'

/**
 * The same import, told stage by stage (校验签名, 合并<实体>, 重建搜索索引)
 * so that the page can show a bar. The program answers requests between
 * reading the package and merging it; the merge itself stays one transaction
 * (all or nothing), so the stages inside it are reported as they pass but
 * the page sees the one named before it starts. The database ends the same
 * as with `applyPackage`.
 */
export async function applyPackageInSteps(ctx: Ctx, file: string, decisions: Decisions, opts: OpenPackageOptions & { token?: string }, report: Report): Promise<ApplyResult> {
  report(APPLY_FIRST_PHASE, 0, 1)
  await nextTurn()
  const pkg = openPackage(ctx, file, opts)
  const contents = pkg.manifest.contents
  const merged = ADAPTERS.filter((a) => (contents[a.entity] ?? 0) > 0)
  const total = merged.length + 2
  const records = merged.reduce((n, a) => n + (contents[a.entity] ?? 0), 0)
  report(`合并记录（共 ${records} 条，全部成功才写入）`, 1, total)
  await nextTurn()
  const result = applyOpened(ctx, pkg, decisions, opts, (phase, k) => report(phase, 1 + k, total))
  report('完成', total, total)
  return result
}

/** Entity stage `k` (1-based over the entities the package carries), inside the transaction. */
type StageReport = (phase: string, k: number) => void

function applyOpened(ctx: Ctx, pkg: OpenedPackage, decisions: Decisions, opts: { token?: string }, stage?: StageReport): ApplyResult {
  try {
    if (opts.token && opts.token !== pkg.manifestHash) {
      throw new UserError('所选文件与刚才预览的交换包不是同一个。请重新预览后再导入。数据库未作任何改动。', 'stale-preview')
    }
    const m = pkg.manifest
    const perRecord = new Map((decisions.perRecord ?? []).map((d) => [`${d.entity}\u0000${d.key}`, d.choice]))
    if (pkg.alreadyImported) return { ...buildPreview(ctx, pkg), applied: false, decisions: [] }
    const taken: { entity: string; key: string; choice: Choice }[] = []
    const undecided: RecordChange[] = []
    // One pass; a conflict without a decision throws at the end, and the rollback leaves the database as it was.
    let entityStage = 0
    const result = withAttached(ctx, pkg, () => withLargeCache(ctx, () => ctx.sqlite.transaction(() => {
      const writer = new Writer(ctx, pkg)
      const refs = new RefMaps(ctx.sqlite)
      const preview = buildPreview(
        ctx,
        pkg,
        (c) => {
          if (c.status === 'refused') return
          let write = c.status === 'new' || c.status === 'updated'
          if (c.status === 'conflict') {
            const choice = choiceFor(decisions, perRecord, c)
            if (!choice) {
              undecided.push(describe(c))
              return
            }
            taken.push({ entity: c.a.entity, key: c.incoming.key, choice })
            audit(ctx, {
              action: choice === 'theirs' ? '交换冲突：采用对方' : '交换冲突：保留本方',
              entity: c.a.entity,
              entityId: c.incoming.key,
              detail: { package: m.packageId, from: pkg.sender.code, label: c.a.describe(c.incoming.fields), changes: diff(c), choice }
            })
            write = choice === 'theirs'
          } else if (c.status === 'updated') {
            audit(ctx, { action: '交换更新记录', entity: c.a.entity, entityId: c.incoming.key, detail: { package: m.packageId, from: pkg.sender.code, changes: diff(c) } })
          }
          if (write) writer.write(c, refs)
          if (!c.refOnly || c.status === 'new') writer.agree(c)
        },
        {
          before: (a) => {
            const n = m.contents[a.entity] ?? 0
            if (stage && n > 0) stage(`合并${a.label}（${n} 条）`, ++entityStage)
            writer.beginEntity(a)
          },
          after: (a) => {
            if (stage && writer.bulk) stage(`重建${a.label}的搜索索引`, entityStage)
            writer.endEntity(a)
            refs.forget(a.entity)
          }
        },
        refs
      )
      if (undecided.length > 0) {
        const first = undecided[0]!
        throw new UserError(
          `有 ${undecided.length} 处冲突尚未决定（例如${first.entityLabel}“${first.label}”）。请逐条选择采用对方或保留本方，或统一按一种规则处理后再导入。数据库未作任何改动。`,
          'undecided'
        )
      }
      writer.log(preview, taken)
      return preview
    })()))
    return { ...result, alreadyImported: false, applied: true, decisions: taken }
  } catch (e) {
    if (e instanceof UserError) throw e
    const err = e as Error & { code?: string }
    if (err.code?.startsWith('SQLITE_CONSTRAINT')) {
      throw new UserError(`交换包中的记录与本机已有记录冲突（${err.message}），例如名称相同但代码不同。请核对后再导入。数据库未作任何改动。`, 'constraint')
    }
    throw e
  } finally {
    pkg.close()
  }
}

/** The package's content as schema `pkgin` of our connection (ATTACH cannot run inside a transaction), for bulk inserts. */
function withAttached<T>(ctx: Ctx, pkg: OpenedPackage, fn: () => T): T {
  ctx.sqlite.exec(`ATTACH DATABASE '${pkg.contentFile.replace(/'/g, "''")}' AS pkgin`)
  try {
    return fn()
  } finally {
    ctx.sqlite.exec('DROP TABLE IF EXISTS temp.exchange_new')
    ctx.sqlite.exec('DETACH DATABASE pkgin')
  }
}

/** A county-sized merge touches every index of a table: keep their pages in memory while it runs. */
function withLargeCache<T>(ctx: Ctx, fn: () => T): T {
  const before = ctx.sqlite.pragma('cache_size', { simple: true }) as number
  ctx.sqlite.pragma('cache_size = -131072') // 128 MiB
  try {
    return fn()
  } finally {
    ctx.sqlite.pragma(`cache_size = ${before}`)
  }
}

/** Baselines and origins per statement: bounds the JSON text handed to SQLite. */
const FLUSH_ROWS = 20_000

/** The writes of one apply; all inside the caller's transaction. */
class Writer {
  private now = nowText()
  private baseline: Database.Statement
  private origin: Database.Statement
  private inserts = new Map<string, Database.Statement>()
  private updates = new Map<string, Database.Statement>()

  constructor(
    private readonly ctx: Ctx,
    private readonly pkg: OpenedPackage
  ) {
    // Fed a JSON array of [key, hash] per entity: one statement per batch instead of one call per record, in key order (index pages fill in sequence).
    const batch = `(SELECT json_extract(value, '$[0]') AS k, json_extract(value, '$[1]') AS h FROM json_each(@rows) ORDER BY 1)`
    this.baseline = ctx.sqlite.prepare(
      `INSERT INTO exchange_baseline (peer_code, entity, key, hash, at) SELECT @peer, @entity, k, h, @now FROM ${batch} WHERE true
       ON CONFLICT(peer_code, entity, key) DO UPDATE SET hash = excluded.hash, at = excluded.at`
    )
    this.origin = ctx.sqlite.prepare(
      `INSERT INTO record_origin (entity, key, agency_code, agency_name, hash, changed_at, package_id) SELECT @entity, k, @code, @name, h, @now, @package FROM ${batch} WHERE true
       ON CONFLICT(entity, key) DO UPDATE SET agency_code = excluded.agency_code, agency_name = excluded.agency_name, hash = excluded.hash, changed_at = excluded.changed_at, package_id = excluded.package_id`
    )
  }

  private agreed: [string, string][] = []
  private origins: [string, string][] = []

  /** Writes the buffered baselines and origins of the entity just merged. */
  private flush(a: EntityAdapter) {
    const s = this.pkg.sender
    for (let i = 0; i < this.agreed.length; i += FLUSH_ROWS) {
      this.baseline.run({ rows: JSON.stringify(this.agreed.slice(i, i + FLUSH_ROWS)), peer: s.code, entity: a.entity, now: this.now })
    }
    for (let i = 0; i < this.origins.length; i += FLUSH_ROWS) {
      this.origin.run({ rows: JSON.stringify(this.origins.slice(i, i + FLUSH_ROWS)), entity: a.entity, code: s.code, name: s.name, now: this.now, package: this.pkg.manifest.packageId })
    }
    this.agreed = []
    this.origins = []
  }

  private written = 0
  private suspended: ReturnType<typeof suspendForBulk> | null = null

  /** Indexes of the current entity are suspended: its end rebuilds them (the long part of a first import). */
  get bulk(): boolean {
    return this.suspended !== null
  }

  private writtenRows: Row[] = []

  /** Content rowids of new records left for one INSERT … SELECT at the end of the entity. */
  private pending: number[] = []

  /**
   * New records of a large batch, when their columns need no JavaScript
   * (no ids inside JSON, no local-only defaults, no follow-up): copied by
   * SQLite from the attached package, references looked up through the
   * referenced record's natural key, exactly as fromPortable would.
   */
  private insertPending(a: EntityAdapter) {
    if (this.pending.length === 0) return
    const db = this.ctx.sqlite
    db.exec('CREATE TEMP TABLE IF NOT EXISTS exchange_new (rid INTEGER PRIMARY KEY)')
    db.exec('DELETE FROM temp.exchange_new')
    db.prepare('INSERT INTO temp.exchange_new (rid) SELECT value FROM json_each(?)').run(JSON.stringify(this.pending))
    this.pending = []
    const mapped = (col: string) => {
      const t = adapterOf(a.refs[col]!)
      return `(SELECT m.id FROM main."${t.table}" m WHERE m."${t.key}" = (SELECT x."${t.key}" FROM pkgin."${t.table}" x WHERE x.id = c."${col}"))`
    }
    for (const col of Object.keys(a.refs)) {
      const lost = db.prepare(`SELECT c."${a.key}" AS k FROM pkgin."${a.table}" c WHERE c.rowid IN (SELECT rid FROM temp.exchange_new) AND c."${col}" IS NOT NULL AND EXISTS (SELECT 1 FROM pkgin."${adapterOf(a.refs[col]!).table}" x WHERE x.id = c."${col}") AND ${mapped(col)} IS NULL LIMIT 1`).get() as { k: string } | undefined
      if (lost) throw new Error(`reference ${a.entity}.${col} of ${lost.k} not found`)
    }
    const cols = dataColumns(db, a)
    const stamps = ['created_at', 'updated_at'].filter((c) => tableColumns(db, a.table).includes(c))
    const select = [
      ...cols.map((c) => (a.refs[c] ? mapped(c) : `c."${c}"`)),
      ...stamps.map((c) => (c === 'created_at' ? `coalesce(c.created_at, @now)` : '@now'))
    ]
    db.prepare(
      `INSERT INTO main."${a.table}" (${[...cols, ...stamps].map((c) => `"${c}"`).join(', ')}) SELECT ${select.join(', ')} FROM pkgin."${a.table}" c WHERE c.rowid IN (SELECT rid FROM temp.exchange_new) ORDER BY c.rowid`
    ).run({ now: this.now })
  }

  /** Large merges build the full-text index and the plain indexes once at the end of the entity instead of row by row. */
  endEntity(a: EntityAdapter) {
    this.insertPending(a)
    this.flush(a)
    this.suspended?.resume({ rebuild: true })
    this.suspended = null
    this.written = 0
    if (this.writtenRows.length > 0) a.afterApply?.(this.ctx, this.writtenRows)
    this.writtenRows = []
  }

  /** Every record of this entity will be new and there are many: bulk from the first one, not after the first 5 000. */
  private bulkFromStart = false

  beginEntity(a: EntityAdapter) {
    const db = this.ctx.sqlite
    this.bulkFromStart =
      !db.prepare(`SELECT 1 FROM main."${a.table}" LIMIT 1`).get() && (db.prepare(`SELECT count(*) FROM pkgin."${a.table}"`).pluck().get() as number) >= BULK_THRESHOLD
  }

  write(c: Classified, refs: RefMaps) {
    const a = c.a
    if (!this.suspended && (this.bulkFromStart || ++this.written === BULK_THRESHOLD)) this.suspended = suspendForBulk(this.ctx.sqlite, a.table)
    if (!c.local && this.suspended && !a.decode && !a.insertDefaults && !a.afterApply && a.localOnly.length === 0 && !a.keyFields) {
      this.pending.push(c.incomingRow.__rowid as number)
      this.noteOrigin(c)
      return
    }
    const values = fromPortable(a, c.incoming.fields, refs)
    const cols = Object.keys(values)
    if (a.afterApply) this.writtenRows.push(values)
    if (c.local) {
      const stamped = tableColumns(this.ctx.sqlite, a.table).includes('updated_at')
      let st = this.updates.get(a.entity)
      if (!st) {
        st = this.ctx.sqlite.prepare(`UPDATE "${a.table}" SET ${cols.map((k) => `"${k}" = ?`).join(', ')}${stamped ? ', updated_at = ?' : ''} WHERE rowid = ?`)
        this.updates.set(a.entity, st)
      }
      st.run(...cols.map((k) => values[k] ?? null), ...(stamped ? [this.now] : []), c.local.id)
    } else {
      const extra = a.insertDefaults?.(this.ctx.sqlite) ?? {}
      const all = { ...values, ...extra, created_at: c.incomingRow.created_at ?? this.now, updated_at: this.now }
      const allCols = tableColumns(this.ctx.sqlite, a.table).filter((k) => k in all)
      let st = this.inserts.get(a.entity)
      if (!st) {
        st = this.ctx.sqlite.prepare(`INSERT INTO "${a.table}" (${allCols.map((k) => `"${k}"`).join(', ')}) VALUES (${allCols.map(() => '?').join(', ')})`)
        this.inserts.set(a.entity, st)
      }
      st.run(...allCols.map((k) => (all as Row)[k] ?? null))
    }
    this.noteOrigin(c)
  }

  private noteOrigin(c: Classified) {
    // The verified signer, as registered here, at the time we applied it: whatever the package says about authorship is not believed.
    this.origins.push([c.incoming.key, c.incoming.hash])
  }

  /** Whatever was decided, we have now seen their version: later packages compare against it. */
  agree(c: Classified) {
    this.agreed.push([c.incoming.key, c.incoming.hash])
  }

  log(p: Preview, taken: { entity: string; key: string; choice: Choice }[]) {
    const m = this.pkg.manifest
    const counts = Object.fromEntries(p.entities.map(({ entity, label: _l, ...c }) => [entity, c]))
    this.ctx.sqlite
      .prepare(
        `INSERT INTO exchange_log (direction, package_id, peer_code, peer_name, kind, manifest_hash, package_created_at, at, counts, decisions) VALUES ('received', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(m.packageId, this.pkg.sender.code, this.pkg.sender.name, m.kind, p.token, m.createdAt, this.now, JSON.stringify(counts), JSON.stringify(taken))
    this.ctx.sqlite.prepare('UPDATE agency_peers SET last_seq = max(last_seq, ?) WHERE code = ?').run(m.seq ?? 0, this.pkg.sender.code)
    const head = this.pkg.peerHead
    if (head) this.ctx.sqlite.prepare('UPDATE agency_peers SET audit_head_seq = ?, audit_head_hash = ? WHERE code = ?').run(head.seq, head.hash, this.pkg.sender.code)
    if (this.pkg.peerLogWarning) {
      audit(this.ctx, { action: '对方操作日志被改写或截断', entity: 'agency', entityId: this.pkg.sender.code, detail: { package: m.packageId, warning: this.pkg.peerLogWarning } })
    }
    audit(this.ctx, {
      action: '导入交换包',
      entity: 'exchange',
      entityId: m.packageId,
      detail: { from: this.pkg.sender.code, fromName: this.pkg.sender.name, seq: m.seq ?? 0, kind: m.kind, createdAt: m.createdAt, manifestSha256: p.token, upgradedFrom: p.upgradedFrom, totals: p.totals, counts, refusals: p.refusals.map((r) => r.sentence) }
    })
  }
}
