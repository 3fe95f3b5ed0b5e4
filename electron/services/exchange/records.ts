import type Database from 'better-sqlite3'
import * as cryptoNs from 'node:crypto'
import { createHash } from 'node:crypto'
import { ADAPTERS, LOCAL_COLUMNS, adapterOf, type EntityAdapter } from './adapters'

type Row = Record<string, unknown>

/** A record as it travels: natural key, comparable fields (references as natural keys) and their hash. */
export interface Portable {
  key: string
  fields: Row
  hash: string
}

const columnCache = new WeakMap<Database.Database, Map<string, string[]>>()

/** Column names of a table; cached per connection (a schema only changes when a file is opened and migrated). */
export function tableColumns(sqlite: Database.Database, table: string): string[] {
  let m = columnCache.get(sqlite)
  if (!m) columnCache.set(sqlite, (m = new Map()))
  let cols = m.get(table)
  if (!cols) {
    cols = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name)
    m.set(table, cols)
  }
  return cols
}

export function dataColumns(sqlite: Database.Database, a: EntityAdapter): string[] {
  return tableColumns(sqlite, a.table).filter((c) => !LOCAL_COLUMNS.includes(c) && !a.localOnly.includes(c))
}

/**
 * Canonical: sorted column names, JSON values; the same record hashes the
 * same on every installation. The bytes are exactly
 * JSON.stringify(sorted [name, value] pairs) — the form every stored
 * baseline was made with. One stringify of the pairs is cheaper than one per
 * value; the sorted column list is computed once per set of columns.
 */
export function hashFields(fields: Row): string {
  const names = Object.keys(fields)
  const sig = names.join('\u0000')
  let sorted = sortedNames.get(sig)
  if (!sorted) sortedNames.set(sig, (sorted = [...names].sort()))
  const pairs = new Array<[string, unknown]>(sorted.length)
  for (let i = 0; i < sorted.length; i++) pairs[i] = [sorted[i]!, fields[sorted[i]!] ?? null]
  return sha256Text(JSON.stringify(pairs))
}

const sortedNames = new Map<string, string[]>()

/** One-shot crypto.hash where the runtime has it (Node ≥ 20.12), else createHash. */
const sha256Text: (s: string) => string =
  typeof (cryptoNs as { hash?: unknown }).hash === 'function'
    ? (s) => (cryptoNs as unknown as { hash(alg: string, data: string, enc: string): string }).hash('sha256', s, 'hex')
    : (s) => createHash('sha256').update(s).digest('hex')

/** id ↔ natural key of every entity some adapter refers to, for one database. */
export class RefMaps {
  private byId = new Map<string, Map<number, string>>()
  private byKey = new Map<string, Map<string, number>>()

  constructor(private readonly sqlite: Database.Database) {}

  private load(entity: string) {
    const a = adapterOf(entity)
    const ids = new Map<number, string>()
    const keys = new Map<string, number>()
    for (const r of this.sqlite.prepare(`SELECT id, "${a.key}" AS k FROM "${a.table}"`).raw().iterate() as IterableIterator<[number, string]>) {
      ids.set(r[0], r[1])
      keys.set(r[1], r[0])
    }
    this.byId.set(entity, ids)
    this.byKey.set(entity, keys)
  }

  keyOf = (entity: string, id: number): string | null => {
    if (!this.byId.has(entity)) this.load(entity)
    return this.byId.get(entity)!.get(id) ?? null
  }

  idOf = (entity: string, key: string): number | null => {
    if (!this.byKey.has(entity)) this.load(entity)
    return this.byKey.get(entity)!.get(key) ?? null
  }

  /** After inserting rows of an entity its maps must be reloaded. */
  forget(entity: string) {
    this.byId.delete(entity)
    this.byKey.delete(entity)
  }
}

/** The natural key of a record from its portable fields. */
export function keyOf(a: EntityAdapter, fields: Row): string {
  return a.keyFields ? a.keyFields.map((f) => String(fields[f] ?? '')).join('|') : String(fields[a.key])
}

export function toPortable(a: EntityAdapter, row: Row, cols: string[], refs: RefMaps): Portable {
  const fields: Row = {}
  for (const c of cols) {
    const target = a.refs[c]
    const v = row[c] ?? null
    fields[c] = target && v !== null ? refs.keyOf(target, v as number) : v
  }
  a.encode?.(fields, refs.keyOf)
  return { key: keyOf(a, fields), fields, hash: hashFields(fields) }
}

/** Back from portable fields to column values of this database (references as local ids). */
export function fromPortable(a: EntityAdapter, fields: Row, refs: Pick<RefMaps, 'idOf'>): Row {
  const out: Row = { ...fields }
  for (const [c, target] of Object.entries(a.refs)) {
    const k = out[c]
    if (k === null || k === undefined) continue
    const id = refs.idOf(target, String(k))
    if (id === null) throw new Error(`reference ${a.entity}.${c} → ${target} ${String(k)} not found`)
    out[c] = id
  }
  a.decode?.(out, refs.idOf)
  return out
}

/**
 * Every row of an entity (optionally filtered), with its raw row and portable
 * form. Rows carry their rowid as `__rowid` (some tables, e.g. task_pool, have no id column).
 */
export function* readRows(sqlite: Database.Database, a: EntityAdapter, refs: RefMaps, where = '', params: unknown[] = []): Generator<{ row: Row; p: Portable }> {
  const cols = dataColumns(sqlite, a)
  for (const row of sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${a.table}" ${where ? `WHERE ${where}` : ''} ORDER BY rowid`).iterate(...params) as IterableIterator<Row>) {
    yield { row, p: toPortable(a, row, cols, refs) }
  }
}

export { ADAPTERS }
