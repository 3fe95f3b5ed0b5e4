import type { Ctx } from '../context'
import type { ObjectHistory, ObjectHistoryEntry } from '@contract'
import { UserError } from '../errors'
import { normalizeCode } from '../registry/identifiers'

/**
 * Every inspection of one object, newest first: from object_inspections (the
 * rows R2 counts for later draws), with the task and each department's results.
 */
export function objectHistory(ctx: Pick<Ctx, 'sqlite'>, rawCode: string): ObjectHistory {
  const code = normalizeCode(rawCode)
  const obj = ctx.sqlite.prepare(`SELECT name FROM objects WHERE code = ?`).get(code) as { name: string } | undefined
  const visits = ctx.sqlite
    .prepare(
      `SELECT oi.task_uid AS taskUid, MIN(oi.date) AS date, oi.depts, t.id AS taskId, t.task_no AS taskNo, t.name AS taskName, t.departments AS taskDepts
         FROM object_inspections oi LEFT JOIN tasks t ON t.uid = oi.task_uid
        WHERE oi.object_code = ? GROUP BY oi.task_uid ORDER BY date DESC, oi.id DESC`
    )
    .all(code) as { taskUid: string; date: string; depts: string; taskId: number | null; taskNo: string | null; taskName: string | null; taskDepts: string | null }[]
  if (!obj && !visits.length) throw new UserError(`名录库中没有代码为 ${code} 的检查对象，也没有它的检查记录。请核对代码。`, 'not-found')
  const names = new Map((ctx.sqlite.prepare(`SELECT id, name FROM departments`).all() as { id: number; name: string }[]).map((d) => [d.id, d.name]))
  const results = ctx.sqlite.prepare(
    `SELECT COALESCE(d.name, '') AS deptName, COALESCE(i.name, r.item_uid) AS itemName, r.category, r.disposal, r.check_date AS checkDate,
            EXISTS (SELECT 1 FROM result_corrections c WHERE c.result_id = r.id) AS corrected
       FROM inspection_results r LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid
      WHERE r.task_uid = ? AND r.object_code = ? ORDER BY d.sort_order, r.id`
  )
  const entries: ObjectHistoryEntry[] = visits.map((v) => {
    const res = results.all(v.taskUid, code) as { deptName: string; itemName: string; category: string; disposal: string; checkDate: string; corrected: number }[]
    const deptIds: number[] = v.taskDepts ? (JSON.parse(v.taskDepts) as { deptId: number }[]).map((d) => d.deptId) : (JSON.parse(v.depts) as number[])
    return {
      taskId: v.taskId,
      taskUid: v.taskUid,
      taskNo: v.taskNo ?? '',
      taskName: v.taskName ?? '（其他来源的检查记录）',
      date: res.length ? res.map((r) => r.checkDate).sort()[0]! : v.date,
      departments: deptIds.map((id) => names.get(id) ?? `编号 ${id} 的部门`),
      results: res.map((r) => ({ deptName: r.deptName, itemName: r.itemName, category: r.category, disposal: r.disposal, corrected: r.corrected === 1 }))
    }
  })
  return { code, name: obj?.name ?? '', entries }
}
