import type { Ctx } from '../../electron/services/context'
import { getTask } from '../../electron/services/tasks/service'
import { reviewResults, submitForReview } from '../../electron/services/results'

/** Every department of the task submits its results and the office passes them: the step before 公示. */
export function approveAll(ctx: Ctx, taskId: number, reviewer = '赵审核'): void {
  for (const d of getTask(ctx, taskId).departments) {
    const waiting = ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM inspection_results WHERE task_id = ? AND dept_id = ? AND review_status IN ('录入', '退回')`).get(taskId, d.deptId) as { n: number }
    if (waiting.n) submitForReview(ctx, { taskId, deptId: d.deptId, person: '钱录入' })
    const pending = ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM inspection_results WHERE task_id = ? AND dept_id = ? AND review_status = '待审核'`).get(taskId, d.deptId) as { n: number }
    if (pending.n) reviewResults(ctx, { taskId, deptId: d.deptId, decision: '通过', reviewer, note: '' })
  }
}
