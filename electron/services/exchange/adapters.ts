import type Database from 'better-sqlite3'

/**
 * One entry per kind of record that travels between agencies. Everything the
 * exchange does (export scope, hashing, merge) is driven by this table, so
 * plans, tasks, draws and results are one adapter each when they join.
 */
export interface EntityAdapter {
  entity: string
  /** 中文 name used in previews and messages. */
  label: string
  table: string
  /** Natural identifier, the same on every installation. */
  key: string
  /** Integer columns pointing at another entity's local id: exchanged as that entity's natural key. */
  refs: Record<string, string>
  /** Columns that describe this installation only (display order …): neither compared nor copied. */
  localOnly: string[]
  /** Department column naming who maintains the record: a department sends only its own rows. */
  ownerColumn: string | null
  /** Directions this entity travels in by default ('office' = office → departments). */
  sentBy: ('office' | 'department')[]
  describe(fields: Record<string, unknown>): string
  /** Values for local-only columns of a record inserted by an import. */
  insertDefaults?(sqlite: Database.Database): Record<string, unknown>
  /** For references inside JSON columns (e.g. a plan's joint departments): local ids ↔ natural keys. */
  encode?(fields: Record<string, unknown>, keyOf: (entity: string, id: number) => string | null): void
  decode?(fields: Record<string, unknown>, idOf: (entity: string, key: string) => number | null): void
}

/** Columns never exchanged: local row ids and local timestamps. */
export const LOCAL_COLUMNS = ['id', 'created_at', 'updated_at']

/** In dependency order: a record's references are merged before it. */
export const ADAPTERS: EntityAdapter[] = [
  {
    entity: 'departments',
    label: '成员单位',
    table: 'departments',
    key: 'code',
    refs: {},
    localOnly: ['sort_order'],
    ownerColumn: 'id',
    sentBy: ['office', 'department'],
    describe: (f) => `${f.name}（${f.code}）`,
    insertDefaults: (sqlite) => ({
      sort_order: (sqlite.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM departments').get() as { n: number }).n
    })
  },
  {
    entity: 'objects',
    label: '检查对象',
    table: 'objects',
    key: 'code',
    refs: { owner_dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'owner_dept_id',
    sentBy: ['office', 'department'],
    describe: (f) => `${f.name}（${f.code}）`
  },
  {
    entity: 'inspectors',
    label: '执法检查人员',
    table: 'inspectors',
    key: 'id_number',
    refs: { dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'dept_id',
    sentBy: ['office', 'department'],
    describe: (f) => `${f.name}（${String(f.id_number).slice(0, 6)}…${String(f.id_number).slice(-4)}）`
  },
  {
    entity: 'items',
    label: '抽查事项',
    table: 'items',
    key: 'uid',
    refs: { dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'dept_id',
    sentBy: ['office', 'department'],
    describe: (f) => `${f.category} · ${f.name}`
  }
]

export function adapterOf(entity: string): EntityAdapter {
  const a = ADAPTERS.find((x) => x.entity === entity)
  if (!a) throw new Error(`unknown exchange entity ${entity}`)
  return a
}
