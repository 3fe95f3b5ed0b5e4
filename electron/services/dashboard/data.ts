import type { Ctx } from '../context'
import type { DrawRuleSpec, TaskDepartmentSpec } from '@contract'

/** Tasks that were carried out: drawn, inspected, completed or published (not drafts, not cancelled). */
export const COUNTED_STATUSES = ['已抽取', '检查中', '已完成', '已公示'] as const
const IN_COUNTED = `(${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`

export interface YearTask {
  id: number
  uid: string
  taskNo: string
  name: string
  initiatorDeptId: number
  deptIds: number[]
  rule: DrawRuleSpec
  dueOn: string | null
  completedOn: string | null
  publishedOn: string | null
}
export interface YearResult {
  id: number
  taskId: number
  deptId: number
  objectCode: string
  objectName: string
  itemName: string
  category: string
  disposal: string
  doneOn: string | null
}
export interface YearData {
  year: number
  tasks: YearTask[]
  /** distinct (task, object) visits of the year's tasks */
  visits: { taskId: number; code: string }[]
  results: YearResult[]
  registryActive: number
  depts: { id: number; name: string }[]
  names: Map<string, string>
}

/** Everything the indicators need, in five queries (150 000 objects, 10 000 results: a few ms each). */
export function loadYear(ctx: Pick<Ctx, 'sqlite'>, year: number): YearData {
  const rows = ctx.sqlite
    .prepare(
      `SELECT t.id, t.uid, t.task_no AS taskNo, t.name, t.initiator_dept_id AS initiatorDeptId, t.departments, t.rule,
              o.due_on AS dueOn, o.completed_on AS completedOn, o.published_on AS publishedOn
         FROM tasks t LEFT JOIN task_outcomes o ON o.task_id = t.id
        WHERE t.year = ? AND t.status IN ${IN_COUNTED} ORDER BY t.task_no`
    )
    .all(year) as (Omit<YearTask, 'deptIds' | 'rule'> & { departments: string; rule: string })[]
  const tasks = rows.map(({ departments, rule, ...t }) => ({
    ...t,
    deptIds: (JSON.parse(departments) as TaskDepartmentSpec[]).map((d) => d.deptId),
    rule: JSON.parse(rule) as DrawRuleSpec
  }))
  const visitRows = ctx.sqlite
    .prepare(
      `SELECT t.id AS taskId, oi.object_code AS code FROM object_inspections oi JOIN tasks t ON t.uid = oi.task_uid
        WHERE t.year = ? AND t.status IN ${IN_COUNTED} GROUP BY t.id, oi.object_code`
    )
    .all(year) as { taskId: number; code: string }[]
  const results = ctx.sqlite
    .prepare(
      `SELECT r.id, r.task_id AS taskId, r.dept_id AS deptId, r.object_code AS objectCode, r.object_name AS objectName, COALESCE(i.name, r.item_uid) AS itemName,
              r.category, r.disposal, r.follow_up_done_on AS doneOn
         FROM inspection_results r JOIN tasks t ON t.id = r.task_id LEFT JOIN items i ON i.uid = r.item_uid
        WHERE t.year = ? AND t.status IN ${IN_COUNTED} ORDER BY r.task_id, r.object_code, r.id`
    )
    .all(year) as YearResult[]
  const registryActive = (ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM objects WHERE reg_status = '存续'`).get() as { n: number }).n
  const depts = ctx.sqlite.prepare(`SELECT id, name FROM departments WHERE active = 1 ORDER BY sort_order, id`).all() as { id: number; name: string }[]
  const codes = [...new Set(visitRows.map((v) => v.code))]
  const names = new Map<string, string>()
  if (codes.length) {
    const nameRows = ctx.sqlite.prepare(`SELECT code, name FROM objects WHERE code IN (SELECT value FROM json_each(?))`).all(JSON.stringify(codes)) as { code: string; name: string }[]
    for (const r of nameRows) names.set(r.code, r.name)
  }
  return { year, tasks, visits: visitRows, results, registryActive, depts, names }
}
