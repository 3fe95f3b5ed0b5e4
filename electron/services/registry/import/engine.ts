import type Database from 'better-sqlite3'
import { basename } from 'node:path'
import { performance } from 'node:perf_hooks'
import { suspendIndexes } from '../../db/bulk'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { nowText } from '../../time'
import { readTable, checkAborted, type SheetHeader, type SheetRow } from '../spreadsheet/reader'
import { cellText, type RawCell } from '../spreadsheet/normalize'
import type { FieldSpec } from '../spreadsheet/headers'
import { assertUnchangedWhileRead, changedSincePreview, fingerprintFile, type FileFingerprint } from './fingerprint'
import type { ImportChange, ImportOptions, ImportReject, ImportResult, ImportWarning, Registry, SheetLayout } from './types'

export type SqlValue = string | number | null

/** A row that passed validation: its key and the columns the file gives a value for. */
export interface ParsedRow {
  key: string
  /** Human-readable key for duplicate messages, e.g. the code. */
  keyText: string
  /** DB column → value; only columns the file actually fills (a blank cell never erases). */
  values: Record<string, SqlValue>
  /** Identifying DB columns → value (the lookup key). */
  keyValues: Record<string, SqlValue>
  row: number
  sheet: string
}

export interface RowAccess {
  /** The raw cell of a field, null when the column is absent or empty. */
  get(key: string): RawCell
  has(key: string): boolean
  warn(key: string, raw: string, message: string): void
}

export interface Importer<S> {
  registry: Registry
  table: string
  auditAction: string
  fields: FieldSpec[]
  required: string[][]
  /** Per-sheet context (kind, department…); may throw a UserError. */
  sheet(h: SheetHeader): S
  parse(r: SheetRow, s: S, a: RowAccess): ParsedRow | { reason: string }
  /** Called inside the write transaction before the first row; the returned function runs after the last. */
  beginBulk?(sqlite: Database.Database): () => void
  /** Columns added only when a row is inserted (uid, order…). */
  onInsert?(p: ParsedRow): Record<string, SqlValue>
  /** DB column → caption, for the list of changed fields. */
  labels: Record<string, string>
}

/** The one RowAccess of a sheet, pointed at each row in turn (no objects made per row). */
class SheetAccess implements RowAccess {
  row: SheetRow | null = null

  constructor(
    private readonly h: SheetHeader,
    private readonly fields: FieldSpec[],
    private readonly warnings: ImportWarning[]
  ) {}

  get(key: string): RawCell {
    const c = this.h.columns[key]
    return c ? (this.row!.cells[c - 1] ?? null) : null
  }

  has(key: string): boolean {
    return key in this.h.columns
  }

  warn(key: string, raw: string, message: string): void {
    const h = this.h
    const c = h.columns[key]
    const field = c ? h.captions[c - 1] || key : this.fields.find((f) => f.key === key)?.label ?? key
    this.warnings.push({ row: this.row!.row, sheet: h.sheetName, field, raw, message })
  }
}

/**
 * Reads and validates the whole file first (streaming), then writes every
 * accepted row in ONE transaction together with one audit entry: a crash or
 * a cancel leaves the database exactly as it was.
 */
export async function runImport<S>(ctx: Ctx, file: string, imp: Importer<S>, opts: ImportOptions = {}): Promise<ImportResult> {
  const rejects: ImportReject[] = []
  const warningList: ImportWarning[] = []
  const accepted: ParsedRow[] = []
  const firstSeen = new Map<string, ParsedRow>()
  const sheets: SheetLayout[] = []
  const sheetCtx = new Map<SheetHeader, S>()
  const accessOf = new Map<SheetHeader, SheetAccess>()
  let read = 0

  // A file that cannot be opened is left to readTable, which says why in words.
  let fp: FileFingerprint | null = null
  try {
    fp = fingerprintFile(file)
  } catch {
    fp = null
  }
  if (opts.expectFingerprint !== undefined && fp && fp.digest !== opts.expectFingerprint) throw changedSincePreview(file)

  const summary = await readTable(file, {
    fields: imp.fields,
    required: imp.required,
    signal: opts.signal,
    onSheet: (h) => {
      const fieldOf: Record<number, string> = {}
      for (const [k, c] of Object.entries(h.columns)) fieldOf[c - 1] = k
      sheets.push({ sheet: h.sheetName, titleLines: h.titleLines, captions: h.captions.slice(0, h.width), fieldOf })
      sheetCtx.set(h, imp.sheet(h))
    },
    onProgress: (n) => opts.onProgress?.('read', n, 0),
    onRow: (r) => {
      read++
      const h = r.sheet
      let access = accessOf.get(h)
      if (!access) accessOf.set(h, (access = new SheetAccess(h, imp.fields, warningList)))
      access.row = r
      const out = imp.parse(r, sheetCtx.get(h)!, access)
      access.row = null
      let reason: string | null = null
      if ('reason' in out) reason = out.reason
      else {
        const first = firstSeen.get(out.key)
        if (first) {
          const where = first.sheet !== h.sheetName ? `工作表“${first.sheet}”` : ''
          reason = `${out.keyText}与${where}第 ${first.row} 行重复，已保留第 ${first.row} 行，本行未导入`
        } else {
          firstSeen.set(out.key, out)
          accepted.push(out)
        }
      }
      if (reason !== null) {
        const values: Record<string, string> = {}
        r.cells.forEach((c, i) => {
          const t = cellText(c)
          if (t) values[h.captions[i] || `第${i + 1}列`] = t
        })
        rejects.push({ row: r.row, sheet: h.sheetName, reason, values, cells: r.cells })
      }
    }
  })
  checkAborted(opts.signal)
  if (fp) assertUnchangedWhileRead(file, fp)

  const result: ImportResult = {
    registry: imp.registry,
    file: basename(file),
    read,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: rejects.length,
    warnings: warningList.length,
    rejects,
    warningList,
    sheets,
    changes: [],
    ...(summary.encoding ? { encoding: summary.encoding } : {}),
    ...(fp ? { fingerprint: fp.digest } : {})
  }
  if (opts.dryRun) {
    // The preview: the same comparison as the write, inside a read transaction, nothing written.
    ctx.sqlite.transaction(() => Object.assign(result, classifyAll(ctx, imp, accepted)))()
    result.dryRun = true
  } else {
    writeRows(ctx, imp, accepted, result, (done) => opts.onProgress?.('write', done, accepted.length), opts.timings)
    const t = performance.now()
    refreshStatistics(ctx, imp.table, result.imported + result.updated)
    if (opts.timings) opts.timings.statistics = performance.now() - t
  }
  opts.onProgress?.('done', accepted.length, accepted.length)
  return result
}

const text = (v: SqlValue | undefined) => (v === null || v === undefined ? '' : String(v))

/**
 * Compares one accepted row with the stored one by one keyed look-up in which
 * SQLite itself says whether every column the row carries is equal (binary
 * comparison): an unchanged row costs no stored text turned into strings. Only
 * a row that differs is read whole, for its field-by-field list of changes.
 * Statements are cached per column list.
 */
function classifier<S>(ctx: Ctx, imp: Importer<S>) {
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`
  const probes = new Map<string, { stmt: Database.Statement<unknown[]>; keyCols: string[]; cols: string[]; whole: Database.Statement<unknown[]> }>()
  return (p: ParsedRow): { existing?: Record<string, SqlValue>; changed: string[] } => {
    const sig = `${Object.keys(p.keyValues).join(',')}|${Object.keys(p.values).join(',')}`
    let probe = probes.get(sig)
    if (!probe) {
      const keyCols = Object.keys(p.keyValues)
      const cols = Object.keys(p.values).filter((c) => c !== 'id')
      const same = cols.length ? cols.map((c) => `${q(c)} IS ? COLLATE BINARY`).join(' AND ') : '1'
      const where = keyCols.map((c) => `${q(c)} = ?`).join(' AND ')
      const stmt = ctx.sqlite.prepare(`SELECT id, (${same}) FROM ${imp.table} WHERE ${where}`).raw(true)
      const whole = ctx.sqlite.prepare(`SELECT ${['id', ...cols].map(q).join(', ')} FROM ${imp.table} WHERE id = ?`)
      probes.set(sig, (probe = { stmt, keyCols, cols, whole }))
    }
    const args: SqlValue[] = new Array(probe.cols.length + probe.keyCols.length)
    let j = 0
    for (const c of probe.cols) args[j++] = p.values[c]!
    for (const c of probe.keyCols) args[j++] = p.keyValues[c]!
    const hit = probe.stmt.get(args) as [number, number] | undefined
    if (!hit) return NEW_ROW
    if (hit[1] === 1) return { existing: { id: hit[0] }, changed: NO_CHANGE }
    const existing = probe.whole.get(hit[0]) as Record<string, SqlValue>
    let changed: string[] = NO_CHANGE
    for (const c in p.values) if (existing[c] !== p.values[c]) (changed === NO_CHANGE ? (changed = []) : changed).push(c)
    return { existing, changed }
  }
}

const NO_CHANGE: string[] = []
const NEW_ROW = { changed: NO_CHANGE }

function changeOf<S>(imp: Importer<S>, p: ParsedRow, existing: Record<string, SqlValue>, changed: string[]): ImportChange {
  return {
    row: p.row,
    sheet: p.sheet,
    key: p.keyText.trim(),
    fields: changed.map((c) => ({ field: imp.labels[c] ?? c, old: text(existing[c]), new: text(p.values[c]) }))
  }
}

function classifyAll<S>(ctx: Ctx, imp: Importer<S>, rows: ParsedRow[]): Pick<ImportResult, 'imported' | 'updated' | 'unchanged' | 'changes'> {
  const classify = classifier(ctx, imp)
  const counts = { imported: 0, updated: 0, unchanged: 0 }
  const changes: ImportChange[] = []
  if (ctx.sqlite.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${imp.table})`).pluck().get() === 1) return { ...counts, imported: rows.length, changes }
  for (const p of rows) {
    const { existing, changed } = classify(p)
    if (!existing) counts.imported++
    else if (changed.length === 0) counts.unchanged++
    else {
      counts.updated++
      changes.push(changeOf(imp, p, existing, changed))
    }
  }
  return { ...counts, changes }
}

/**
 * After a large import the query planner's statistics are stale (or absent on a
 * new database); without them a filter on 乡镇 + 标签 walks 12 000 rows instead of
 * skip-scanning the covering index (measured 40 ms → 3 ms at 150 000 objects).
 * A full ANALYZE of the table (a sampled one was not enough for that plan) takes
 * a fraction of a second at that size.
 */
function refreshStatistics(ctx: Ctx, table: string, changed: number): void {
  if (changed < 1000) return
  try {
    ctx.sqlite.pragma('analysis_limit = 0')
    ctx.sqlite.exec(`ANALYZE "${table}"`)
  } catch {
    // Statistics only speed up queries; the import itself has already committed.
  }
}

/**
 * The page cache while an import writes: SQLite's default (2 MB) is far
 * smaller than the indexes a county's registry fills, and a transaction that
 * outgrows it spills and re-reads pages (measured: the 150 000-object insert
 * took twice as long). Pages are only allocated as they are used.
 */
const IMPORT_CACHE_KIB = 256 * 1024

/**
 * Inserting many rows into a table's secondary indexes one by one costs more
 * than building each index once afterwards (a sort). When an import adds at
 * least this many rows, and more than the table holds, those indexes are
 * dropped inside the write transaction and recreated from their own stored
 * SQL before it commits — so a crash or rollback leaves them as they were.
 * Unique indexes stay: they enforce keys and serve the look-ups.
 */
const REBUILD_INDEXES_FROM = 2000


/** Where an inserted column's value comes from. */
const enum Source {
  Key,
  Value,
  Extra,
  Now
}

/** Inserts new keys, updates changed ones, counts the rest as unchanged — all in one transaction. */
function writeRows<S>(ctx: Ctx, imp: Importer<S>, rows: ParsedRow[], result: ImportResult, tick: (done: number) => void, timings?: Record<string, number>): void {
  let mark = performance.now()
  /** Adds the time since the last mark to a part of the write (only when the caller measures). */
  const lap = (part: string) => {
    if (!timings) return
    const now = performance.now()
    timings[part] = (timings[part] ?? 0) + now - mark
    mark = now
  }
  const q = (c: string) => `"${c}"`
  const counts = { imported: 0, updated: 0, unchanged: 0 }
  const sqlite = ctx.sqlite
  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`)
  try {
    sqlite.transaction(() => {
      const now = nowText()
      let done = 0
      // First every comparison (reads only), so that the writes know how many rows are new.
      // Into an empty table every row is new (the file's own duplicates are already rejected): nothing to look up.
      const empty = sqlite.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${imp.table})`).pluck().get() === 1
      const classify = classifier(ctx, imp)
      const existing: (Record<string, SqlValue> | undefined)[] = new Array(rows.length)
      const changedOf: string[][] = new Array(rows.length)
      let inserts = empty ? rows.length : 0
      if (!empty) {
        for (let i = 0; i < rows.length; i++) {
          const c = classify(rows[i]!)
          existing[i] = c.existing
          changedOf[i] = c.changed
          if (!c.existing) inserts++
        }
      }
      lap('compare')
      const stored = inserts >= REBUILD_INDEXES_FROM ? (sqlite.prepare(`SELECT count(*) FROM ${imp.table}`).pluck().get() as number) : 0
      const endIndexes = inserts >= REBUILD_INDEXES_FROM && inserts > stored ? suspendIndexes(sqlite, imp.table) : null
      const endBulk = imp.beginBulk?.(sqlite)
      const insertStmts = new Map<string, { stmt: Database.Statement<unknown[]>; cols: string[]; from: Source[] }>()
      const updateStmts = new Map<string, Database.Statement<unknown[]>>()
      const changes: ImportChange[] = []
      for (let i = 0; i < rows.length; i++) {
        const p = rows[i]!
        const old = existing[i]
        if (!old) {
          // The row's columns: key, then values, then what onInsert adds (a later source wins), then the times.
          const extra = imp.onInsert?.(p)
          let sig = ''
          for (const k in p.keyValues) sig += `${k},`
          sig += '|'
          for (const k in p.values) sig += `${k},`
          if (extra) {
            sig += '|'
            for (const k in extra) sig += `${k},`
          }
          let ins = insertStmts.get(sig)
          if (!ins) {
            const source = new Map<string, Source>()
            for (const k in p.keyValues) source.set(k, Source.Key)
            for (const k in p.values) source.set(k, Source.Value)
            if (extra) for (const k in extra) source.set(k, Source.Extra)
            source.set('created_at', Source.Now).set('updated_at', Source.Now)
            const cols = [...source.keys()]
            const stmt = sqlite.prepare(`INSERT INTO ${imp.table} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
            insertStmts.set(sig, (ins = { stmt, cols, from: [...source.values()] }))
          }
          const { cols, from } = ins
          const args = new Array<SqlValue>(cols.length)
          for (let j = 0; j < cols.length; j++) {
            const c = cols[j]!
            const f = from[j]
            args[j] = f === Source.Value ? p.values[c]! : f === Source.Key ? p.keyValues[c]! : f === Source.Extra ? extra![c]! : now
          }
          ins.stmt.run(args)
          counts.imported++
        } else {
          const changed = changedOf[i]!
          if (changed.length === 0) counts.unchanged++
          else {
            const sig = changed.join(',')
            let upd = updateStmts.get(sig)
            if (!upd) updateStmts.set(sig, (upd = sqlite.prepare(`UPDATE ${imp.table} SET ${changed.map((c) => `${q(c)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)))
            upd.run(...changed.map((c) => p.values[c]), now, old.id)
            counts.updated++
            changes.push(changeOf(imp, p, old, changed))
          }
        }
        done++
        if (done % 1000 === 0) tick(done)
      }
      lap('rows')
      endBulk?.()
      lap('search')
      endIndexes?.resume()
      lap('indexes')
      tick(done)
      Object.assign(result, counts, { changes })
      audit(ctx, {
        action: imp.auditAction,
        entity: imp.registry,
        detail: { file: result.file, read: result.read, ...counts, rejected: result.rejected, warnings: result.warnings }
      })
      lap('rows')
    })()
    lap('commit')
  } finally {
    sqlite.pragma(`cache_size = ${cacheBefore}`)
    // Give back what the larger cache took.
    sqlite.pragma('shrink_memory')
  }
}
