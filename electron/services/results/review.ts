/**
 * 谁检查、谁录入、谁负责: a department submits its entered results (录入 →
 * 待审核); the reviewer passes them (已通过) or returns them (退回) with an
 * 审核意见. Every step is appended to result_reviews; only a task whose
 * results have all passed can be published.
 */
import type { Ctx } from '../context'
import type { ResultReviewEntry, TaskProgress } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { getTask } from '../tasks/service'
import { progressOf } from './progress'

function deptOf(ctx: Ctx, taskId: number, deptId: number) {
  const task = getTask(ctx, taskId)
  const dept = task.departments.find((d) => d.deptId === deptId)
  if (!dept) throw new UserError(`该部门没有参加任务“${task.name}”（${task.taskNo}），请从参加部门中选择。`, 'not-participating')
  if (task.status === '已公示') throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查结果已经公示，审核已经结束。`, 'published')
  return { task, dept }
}

function logStep(ctx: Ctx, taskId: number, deptId: number, action: ResultReviewEntry['action'], results: number, person: string, note: string): void {
  ctx.sqlite
    .prepare(`INSERT INTO result_reviews (task_id, dept_id, action, results, person, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(taskId, deptId, action, results, person, note, nowText())
}

/** 录入 / 退回 → 待审核 for every such result of the department in the task. */
export function submitForReview(ctx: Ctx, input: { taskId: number; deptId: number; person: string }): TaskProgress {
  return ctx.sqlite.transaction(() => {
    const { task, dept } = deptOf(ctx, input.taskId, input.deptId)
    const n = ctx.sqlite
      .prepare(`UPDATE inspection_results SET review_status = '待审核' WHERE task_id = ? AND dept_id = ? AND review_status IN ('录入', '退回')`)
      .run(task.id, dept.deptId).changes
    if (!n) throw new UserError(`${dept.deptName}在本任务中没有待提交的检查结果（已提交的正在审核，或已经通过）。`, 'nothing-to-submit')
    logStep(ctx, task.id, dept.deptId, '提交审核', n, input.person.trim(), '')
    audit(ctx, { action: '提交检查结果审核', entity: 'task', entityId: task.uid, detail: { dept: dept.deptName, results: n, person: input.person } })
    return progressOf(ctx, task)
  })()
}

/** 待审核 → 已通过 or 退回 (a return must say why); the reviewer and the opinion stay on each result. */
export function reviewResults(
  ctx: Ctx,
  input: { taskId: number; deptId: number; decision: '通过' | '退回'; reviewer: string; note: string; resultIds?: number[] }
): TaskProgress {
  const note = input.note.trim()
  const reviewer = input.reviewer.trim()
  if (input.decision === '退回' && note.length < 2) throw new UserError('退回时请写明审核意见，说明要改正什么。', 'note-required')
  return ctx.sqlite.transaction(() => {
    const { task, dept } = deptOf(ctx, input.taskId, input.deptId)
    const pending = ctx.sqlite
      .prepare(`SELECT id, entered_by AS enteredBy FROM inspection_results WHERE task_id = ? AND dept_id = ? AND review_status = '待审核'`)
      .all(task.id, dept.deptId) as { id: number; enteredBy: string }[]
    const wanted = input.resultIds ? new Set(input.resultIds) : null
    const chosen = wanted ? pending.filter((r) => wanted.has(r.id)) : pending
    if (wanted && chosen.length !== wanted.size) throw new UserError('所选结果中有的不在待审核状态（可能已被退回或修改），请刷新后重新选择。', 'not-pending')
    if (!chosen.length) throw new UserError(`${dept.deptName}在本任务中没有待审核的检查结果，请先由录入人提交审核。`, 'nothing-pending')
    const status = input.decision === '通过' ? '已通过' : '退回'
    const at = nowText()
    const upd = ctx.sqlite.prepare(`UPDATE inspection_results SET review_status = ?, reviewed_by = ?, review_note = ?, reviewed_at = ? WHERE id = ?`)
    for (const r of chosen) upd.run(status, reviewer, note, at, r.id)
    logStep(ctx, task.id, dept.deptId, input.decision, chosen.length, reviewer, note)
    audit(ctx, { action: `审核检查结果：${input.decision}`, entity: 'task', entityId: task.uid, detail: { dept: dept.deptName, results: chosen.length, reviewer, note } })
    return progressOf(ctx, task)
  })()
}

export function listReviews(ctx: Pick<Ctx, 'sqlite'>, taskId: number): ResultReviewEntry[] {
  return ctx.sqlite
    .prepare(
      `SELECT v.id, v.task_id AS taskId, v.dept_id AS deptId, COALESCE(d.name, '') AS deptName, v.action, v.results, v.person, v.note, v.at
         FROM result_reviews v LEFT JOIN departments d ON d.id = v.dept_id WHERE v.task_id = ? ORDER BY v.id`
    )
    .all(taskId) as ResultReviewEntry[]
}
