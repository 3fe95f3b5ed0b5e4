import type { Ctx } from '../context'
import type { ResultInspector, Task } from '@contract'

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
 * Who the draw sent to each object, per department: the default of 检查人员.
 * Read from the draw record when the draws service provides one; empty
 * otherwise, and the user picks from the department's registry.
 */
export function drawTeams(_ctx: Ctx, _taskId: number): Map<string, Map<number, ResultInspector[]>> {
  return new Map()
}
