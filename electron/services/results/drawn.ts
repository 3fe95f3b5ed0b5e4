import type { Ctx } from '../context'
import type { ResultInspector, Task } from '@contract'
import { findDraw } from '../draws/records'

export interface DrawnObject {
  code: string
  name: string
  order: number
}

/**
 * The objects a task actually inspects: those the draw recorded in
 * object_inspections (the same rows R2 counts), named as in the frozen pool,
 * else as in the registry today.
 */
export function drawnObjects(ctx: Pick<Ctx, 'sqlite'>, task: Pick<Task, 'id' | 'uid'>): DrawnObject[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT oi.object_code AS code, COALESCE(tp.name, o.name, '') AS name
         FROM object_inspections oi
         LEFT JOIN task_pool tp ON tp.task_id = ? AND tp.code = oi.object_code
         LEFT JOIN objects o ON o.code = oi.object_code
        WHERE oi.task_uid = ?
        GROUP BY oi.object_code
        ORDER BY oi.id`
    )
    .all(task.id, task.uid) as { code: string; name: string }[]
  return rows.map((r, i) => ({ ...r, order: i + 1 }))
}

/**
 * Who the draw sent to each object, per department (replacements applied),
 * and the draw order: the defaults of 检查人员 and the order of the grid.
 * Empty when the task has no draw record (results then name the inspectors by hand).
 */
export function drawTeams(ctx: Ctx, taskId: number): { order: Map<string, number>; teams: Map<string, Map<number, ResultInspector[]>> } {
  const draw = findDraw(ctx, taskId)
  const order = new Map<string, number>()
  const teams = new Map<string, Map<number, ResultInspector[]>>()
  for (const o of draw?.objects ?? []) {
    order.set(o.code, o.order)
    const byDept = new Map<number, ResultInspector[]>()
    for (const m of o.team) byDept.set(m.deptId, [...(byDept.get(m.deptId) ?? []), { name: m.name, certNo: m.certNo, deptName: m.deptName }])
    teams.set(o.code, byDept)
  }
  return { order, teams }
}
