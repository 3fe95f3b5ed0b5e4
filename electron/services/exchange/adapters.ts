import type Database from 'better-sqlite3'
import type { Ctx } from '../context'
import { refreshOutcome } from '../results/progress'
import { dropSupersededInspections } from '../draws/records/perform'

type Fields = Record<string, unknown>
type KeyOf = (entity: string, id: number) => string | null
type IdOf = (entity: string, key: string) => number | null

/**
 * One entry per kind of record that travels between agencies. Everything the
 * exchange does (export scope, hashing, merge) is driven by this table.
 */
export interface EntityAdapter {
  entity: string
  /** 中文 name used in previews and messages. */
  label: string
  table: string
  /** Natural identifier column, the same on every installation (for keyed lookups and references). */
  key: string
  /**
   * When no single column is the natural key: portable fields (references
   * already as natural keys) joined with `|` form it, e.g. task uid | object code.
   */
  keyFields?: string[]
  /** Integer columns pointing at another entity's local id: exchanged as that entity's natural key. */
  refs: Record<string, string>
  /** Text columns already holding another entity's natural key: that record travels too (so the content stays whole). */
  keyRefs?: Record<string, string>
  /** Columns that describe this installation only (display order …): neither compared nor copied. */
  localOnly: string[]
  /** Department column naming who maintains the record: a department sends only its own rows. */
  ownerColumn: string | null
  /** Instead of ownerColumn: SQL condition with one `?` (the sending department's id). */
  ownedWhere?: string
  /** Office → one department: only rows that department takes part in (SQL with one `?`, its id). */
  recipientWhere?: string
  /** Rows the office never sends (e.g. tasks still being drafted). */
  sendableWhere?: string
  /** Directions this entity travels in by default ('office' = office → departments). */
  sentBy: ('office' | 'department')[]
  /** Part of the county registry: office → department only when asked. */
  registry?: boolean
  /**
   * Append-only records (draws, corrections): added when missing, identical
   * when present; a different record under the same key refuses the package.
   */
  appendOnly?: boolean
  /**
   * With appendOnly: a different record under a key we already have is not a
   * reason to refuse the whole package — the first one recorded stands and
   * the later one is refused on its own (both sides may record it
   * independently, e.g. 停止公示 at the office and at the department).
   */
  firstStands?: boolean
  describe(fields: Fields): string
  /** Values for local-only columns of a record inserted by an import. */
  insertDefaults?(sqlite: Database.Database): Record<string, unknown>
  /** For references inside JSON columns (e.g. a plan's joint departments): local ids ↔ natural keys. */
  encode?(fields: Fields, keyOf: KeyOf): void
  decode?(fields: Fields, idOf: IdOf): void
  /** Records named inside JSON columns (portable form), brought along like refs. */
  jsonRefs?(fields: Fields): [entity: string, key: string][]
  /** After an import wrote records of this entity (inside its transaction). */
  afterApply?(ctx: Ctx, written: Fields[]): void
}

/** Columns never exchanged: local row ids and local timestamps. */
export const LOCAL_COLUMNS = ['id', 'created_at', 'updated_at']

// ── references inside JSON columns ──

function parse(v: unknown, fallback: unknown): unknown {
  if (typeof v !== 'string') return v ?? fallback
  try {
    return JSON.parse(v)
  } catch {
    return fallback
  }
}

/** Department code for an id; an id with no department stays a number (visible in a preview, refused on decode). */
const deptCode = (keyOf: KeyOf) => (id: unknown) => (typeof id === 'number' ? (keyOf('departments', id) ?? id) : id)

function deptIdOf(idOf: IdOf, what: string) {
  return (code: unknown) => {
    // A number here is an id the sender could not name (a dangling reference): never taken as one of ours.
    if (typeof code !== 'string') throw new Error(`reference ${what} → departments ${String(code)} not named`)
    const id = idOf('departments', code)
    if (id === null) throw new Error(`reference ${what} → departments ${code} not found`)
    return id
  }
}

/** Replaces values in place so the key order (and so the stored JSON text) stays the same. */
function mapScopeOwners(scope: unknown, f: (v: unknown) => unknown): unknown {
  if (scope && typeof scope === 'object' && Array.isArray((scope as Fields).ownerDeptIds)) {
    const s = scope as Fields
    s.ownerDeptIds = (s.ownerDeptIds as unknown[]).map(f)
  }
  return scope
}

const codesIn = (json: unknown, pick: (v: unknown) => unknown[]): [string, string][] =>
  pick(parse(json, null))
    .filter((c): c is string => typeof c === 'string')
    .map((c) => ['departments', c])

/** Items named by uid travel along so the receiver can show their names. */
const itemsIn = (json: unknown, pick: (v: unknown) => unknown[]): [string, string][] =>
  pick(parse(json, null))
    .filter((c): c is string => typeof c === 'string')
    .map((c) => ['items', c])

const scopeOwners = (v: unknown): unknown[] => ((v as Fields | null)?.ownerDeptIds as unknown[]) ?? []

/** Tasks a department takes part in (tasks.departments is JSON TaskDepartmentSpec[]). */
const TASK_OF_DEPT = `SELECT t.id FROM tasks t WHERE t.status <> '草稿' AND EXISTS (SELECT 1 FROM json_each(t.departments) j WHERE json_extract(j.value, '$.deptId') = ?)`

const registry = { registry: true }

/** Records about one object of a task (停止公示, 回访) that a department has results for: the ones it sends (one `?`, its id). */
const INSPECTED_BY_DEPT = (table: string) =>
  `EXISTS (SELECT 1 FROM inspection_results r WHERE r.task_id = "${table}".task_id AND r.object_code = "${table}".object_code AND r.dept_id = ?)`

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
    ...registry,
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
    ...registry,
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
    ...registry,
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
    ...registry,
    describe: (f) => `${f.category} · ${f.name}`
  },
  {
    // Department → office: its own entries; office → departments: the county plan (every entry).
    entity: 'plan_entries',
    label: '年度计划条目',
    table: 'plan_entries',
    key: 'uid',
    refs: { initiator_dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'initiator_dept_id',
    sentBy: ['office', 'department'],
    describe: (f) => `${f.year}年 · ${f.task_name}`,
    encode(f, keyOf) {
      f.joint_dept_ids = JSON.stringify((parse(f.joint_dept_ids, []) as unknown[]).map(deptCode(keyOf)))
      f.scope = JSON.stringify(mapScopeOwners(parse(f.scope, {}), deptCode(keyOf)))
    },
    decode(f, idOf) {
      f.joint_dept_ids = JSON.stringify((parse(f.joint_dept_ids, []) as unknown[]).map(deptIdOf(idOf, 'plan_entries.joint_dept_ids')))
      f.scope = JSON.stringify(mapScopeOwners(parse(f.scope, {}), deptIdOf(idOf, 'plan_entries.scope')))
    },
    jsonRefs: (f) => [...codesIn(f.joint_dept_ids, (v) => (Array.isArray(v) ? v : [])), ...codesIn(f.scope, scopeOwners), ...itemsIn(f.item_uids, (v) => (Array.isArray(v) ? v : []))]
  },
  {
    entity: 'tasks',
    label: '抽查任务',
    table: 'tasks',
    key: 'uid',
    refs: { initiator_dept_id: 'departments' },
    localOnly: [],
    ownerColumn: null,
    sendableWhere: `status <> '草稿'`,
    recipientWhere: `id IN (${TASK_OF_DEPT})`,
    sentBy: ['office'],
    describe: (f) => `${f.task_no} ${f.name}`,
    encode(f, keyOf) {
      const parts = parse(f.departments, []) as Fields[]
      for (const p of parts) p.deptId = deptCode(keyOf)(p.deptId)
      f.departments = JSON.stringify(parts)
      f.scope = JSON.stringify(mapScopeOwners(parse(f.scope, {}), deptCode(keyOf)))
    },
    decode(f, idOf) {
      const parts = parse(f.departments, []) as Fields[]
      for (const p of parts) p.deptId = deptIdOf(idOf, 'tasks.departments')(p.deptId)
      f.departments = JSON.stringify(parts)
      f.scope = JSON.stringify(mapScopeOwners(parse(f.scope, {}), deptIdOf(idOf, 'tasks.scope')))
    },
    jsonRefs: (f) => [
      ...codesIn(f.departments, (v) => (Array.isArray(v) ? v.map((p) => (p as Fields).deptId) : [])),
      ...codesIn(f.scope, scopeOwners),
      ...itemsIn(f.departments, (v) => (Array.isArray(v) ? v.flatMap((p) => ((p as Fields).itemUids as unknown[]) ?? []) : []))
    ]
  },
  {
    // The pool frozen at 方案已公布: the department can print the announcement and check the draw.
    entity: 'task_pool',
    label: '抽取对象池',
    table: 'task_pool',
    key: 'code',
    keyFields: ['task_id', 'code'],
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office'],
    describe: (f) => `${f.name}（${f.code}）`
  },
  {
    entity: 'draw_plans',
    label: '抽取方案',
    table: 'draw_plans',
    key: 'task_uid',
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office'],
    appendOnly: true,
    describe: (f) => `抽取方案（抽取日期 ${f.draw_date}）`
  },
  {
    entity: 'draws',
    label: '抽取记录',
    table: 'draws',
    key: 'draw_id',
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office'],
    appendOnly: true,
    describe: (f) => `抽取编号 ${f.draw_id}（${f.object_count} 户）`,
    // A re-draw that arrives retires the old draw's inspection rows here as it did at the office.
    afterApply(ctx, written) {
      for (const f of written) if (f.supersedes_draw_id) dropSupersededInspections(ctx, String(f.draw_id))
    }
  },
  {
    entity: 'draw_replacements',
    label: '人员替换记录',
    table: 'draw_replacements',
    key: 'draw_id',
    keyFields: ['draw_id', 'seq'],
    refs: {},
    keyRefs: { draw_id: 'draws' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `draw_id IN (SELECT draw_id FROM draws WHERE task_id IN (${TASK_OF_DEPT}))`,
    sentBy: ['office'],
    appendOnly: true,
    describe: (f) => `抽取编号 ${f.draw_id} 第 ${f.seq} 次替换`
  },
  {
    // Who was drawn for each task (R2 history, and the rows of the results grid).
    entity: 'object_inspections',
    label: '检查记录',
    table: 'object_inspections',
    key: 'object_code',
    keyFields: ['task_uid', 'object_code'],
    refs: {},
    keyRefs: { task_uid: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `task_uid IN (SELECT uid FROM tasks WHERE id IN (${TASK_OF_DEPT}))`,
    sentBy: ['office'],
    describe: (f) => `${f.object_code}（${f.date}）`,
    encode(f, keyOf) {
      f.depts = JSON.stringify((parse(f.depts, []) as unknown[]).map(deptCode(keyOf)))
    },
    decode(f, idOf) {
      f.depts = JSON.stringify((parse(f.depts, []) as unknown[]).map(deptIdOf(idOf, 'object_inspections.depts')))
    },
    jsonRefs: (f) => codesIn(f.depts, (v) => (Array.isArray(v) ? v : []))
  },
  {
    entity: 'inspection_results',
    label: '检查结果',
    table: 'inspection_results',
    key: 'uid',
    refs: { task_id: 'tasks', dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'dept_id',
    sentBy: ['department'],
    describe: (f) => `${f.object_name || f.object_code} · ${f.item_uid} · ${f.category}`,
    // The office's progress (已完成, the R10 deadline) follows the results that came in.
    afterApply(ctx, written) {
      const ids = new Set<number>()
      for (const f of written) ids.add(f.task_id as number)
      for (const id of ids) refreshOutcome(ctx, id)
    }
  },
  {
    entity: 'result_corrections',
    label: '结果更正记录',
    table: 'result_corrections',
    key: 'at',
    keyFields: ['result_id', 'at'],
    refs: { result_id: 'inspection_results' },
    localOnly: [],
    ownerColumn: null,
    ownedWhere: `result_id IN (SELECT id FROM inspection_results WHERE dept_id = ?)`,
    sentBy: ['department'],
    appendOnly: true,
    describe: (f) => `更正（${f.at}，${f.approved_by} 批准）`,
    // before/after are the result's fields, the department as its local id.
    encode(f, keyOf) {
      for (const c of ['before', 'after']) {
        const v = parse(f[c], {}) as Fields
        if ('deptId' in v) v.deptId = deptCode(keyOf)(v.deptId)
        f[c] = JSON.stringify(v)
      }
    },
    decode(f, idOf) {
      for (const c of ['before', 'after']) {
        const v = parse(f[c], {}) as Fields
        if ('deptId' in v) v.deptId = deptIdOf(idOf, `result_corrections.${c}`)(v.deptId)
        f[c] = JSON.stringify(v)
      }
    }
  },
  {
    // 谁录入、谁负责: each department reviews its own results; the steps and 审核意见 go up with them.
    entity: 'result_reviews',
    label: '检查结果审核记录',
    table: 'result_reviews',
    key: 'at',
    keyFields: ['task_id', 'dept_id', 'at', 'action'],
    refs: { task_id: 'tasks', dept_id: 'departments' },
    localOnly: [],
    ownerColumn: 'dept_id',
    sentBy: ['department'],
    appendOnly: true,
    describe: (f) => `${f.action} ${f.results} 条（${f.at}，${f.person}）`
  },
  {
    // Completion date, deadline, 公示日期: computed at the office from every department's results.
    entity: 'task_outcomes',
    label: '任务完成与公示',
    table: 'task_outcomes',
    key: 'task_id',
    keyFields: ['task_id'],
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office'],
    describe: (f) => `完成 ${f.completed_on ?? '—'}，公示 ${f.published_on ?? '—'}`
  },
  {
    // 停止公示 (信用修复) of one object's results of a task: recorded by the office, or by a department on
    // results it entered; the office passes it on to every department of the task. Kept for good, one per object.
    entity: 'result_public_stops',
    label: '停止公示记录',
    table: 'result_public_stops',
    key: 'object_code',
    keyFields: ['task_id', 'object_code'],
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    ownedWhere: INSPECTED_BY_DEPT('result_public_stops'),
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office', 'department'],
    appendOnly: true,
    firstStands: true,
    describe: (f) => `${f.object_code} 于 ${f.stopped_on} 停止公示`
  },
  {
    // 回访 of an inspected object: the same ways as 停止公示, any number per object.
    entity: 'result_revisits',
    label: '回访记录',
    table: 'result_revisits',
    key: 'object_code',
    keyFields: ['task_id', 'object_code', 'visited_on', 'at'],
    refs: { task_id: 'tasks' },
    localOnly: [],
    ownerColumn: null,
    ownedWhere: INSPECTED_BY_DEPT('result_revisits'),
    recipientWhere: `task_id IN (${TASK_OF_DEPT})`,
    sentBy: ['office', 'department'],
    appendOnly: true,
    firstStands: true,
    describe: (f) => `${f.object_code} ${f.visited_on} ${f.way}`
  }
]

export const REGISTRY_ENTITIES = ADAPTERS.filter((a) => a.registry).map((a) => a.entity)

export function adapterOf(entity: string): EntityAdapter {
  const a = ADAPTERS.find((x) => x.entity === entity)
  if (!a) throw new Error(`unknown exchange entity ${entity}`)
  return a
}
