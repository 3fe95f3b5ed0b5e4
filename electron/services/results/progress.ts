import type { Ctx } from '../context'
import { REVIEW_STATUS_LIST, type ReviewStatus, type Task, type TaskProgress } from '@contract'
import { audit } from '../audit/log'
import { nowText, todayText } from '../time'
import { getSettings } from '../settings/service'
import { getTask } from '../tasks/service'
import { advanceTask } from '../tasks/lifecycle'
import { addWorkdays, coverageWarning, getHolidayOverrides, uncoveredYears, workdaysBetween } from '../workdays'
import { drawnObjects } from './drawn'

interface OutcomeRow {
  completedOn: string | null
  dueOn: string | null
  publicationDays: number | null
  publishedOn: string | null
  publicUntil: string | null
}

export function outcomeOf(ctx: Pick<Ctx, 'sqlite'>, taskId: number): OutcomeRow {
  const row = ctx.sqlite
    .prepare(`SELECT completed_on AS completedOn, due_on AS dueOn, publication_days AS publicationDays, published_on AS publishedOn, public_until AS publicUntil FROM task_outcomes WHERE task_id = ?`)
    .get(taskId) as OutcomeRow | undefined
  return row ?? { completedOn: null, dueOn: null, publicationDays: null, publishedOn: null, publicUntil: null }
}

/** Results of the task per review status. */
export function reviewCounts(ctx: Pick<Ctx, 'sqlite'>, taskId: number, deptId?: number): Record<ReviewStatus, number> {
  const rows = ctx.sqlite
    .prepare(`SELECT review_status AS s, COUNT(*) AS n FROM inspection_results WHERE task_id = ?${deptId ? ' AND dept_id = ?' : ''} GROUP BY review_status`)
    .all(...(deptId ? [taskId, deptId] : [taskId])) as { s: ReviewStatus; n: number }[]
  const out = Object.fromEntries(REVIEW_STATUS_LIST.map((s) => [s, 0])) as Record<ReviewStatus, number>
  for (const r of rows) out[r.s] = r.n
  return out
}

/** Results entered per department, counting only drawn objects and the department's own items of the task. */
function enteredByDept(ctx: Pick<Ctx, 'sqlite'>, task: Task): Map<number, number> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.dept_id AS deptId, r.item_uid AS itemUid, COUNT(*) AS n
         FROM inspection_results r
        WHERE r.task_id = ? AND r.object_code IN (SELECT object_code FROM object_inspections WHERE task_uid = ?)
        GROUP BY r.dept_id, r.item_uid`
    )
    .all(task.id, task.uid) as { deptId: number; itemUid: string; n: number }[]
  const out = new Map<number, number>()
  for (const d of task.departments) {
    const items = new Set(d.itemUids)
    out.set(d.deptId, rows.filter((r) => r.deptId === d.deptId && items.has(r.itemUid)).reduce((s, r) => s + r.n, 0))
  }
  return out
}

export function taskProgress(ctx: Ctx, taskId: number, today = todayText()): TaskProgress {
  const task = getTask(ctx, taskId)
  return progressOf(ctx, task, today)
}

export function progressOf(ctx: Ctx, task: Task, today = todayText()): TaskProgress {
  const objects = drawnObjects(ctx, task).length
  const entered = enteredByDept(ctx, task)
  const byDept = task.departments.map((d) => ({ deptId: d.deptId, deptName: d.deptName, expected: objects * d.itemUids.length, entered: entered.get(d.deptId) ?? 0 }))
  const expected = byDept.reduce((s, d) => s + d.expected, 0)
  const got = byDept.reduce((s, d) => s + d.entered, 0)
  const o = outcomeOf(ctx, task.id)
  const overrides = getHolidayOverrides(ctx)
  const unpublishedDue = o.dueOn && !o.publishedOn ? o.dueOn : null
  return {
    taskId: task.id,
    taskNo: task.taskNo,
    taskName: task.name,
    year: task.year,
    status: task.status,
    objects,
    expected,
    entered: got,
    byDept,
    complete: objects > 0 && got === expected,
    completedOn: o.completedOn,
    dueOn: o.dueOn,
    publicationDays: o.publicationDays,
    publishedOn: o.publishedOn,
    onTime: o.publishedOn && o.dueOn ? o.publishedOn <= o.dueOn : null,
    workdaysLeft: unpublishedDue ? workdaysBetween(today, unpublishedDue, overrides) || 0 : null,
    coverageWarning: o.completedOn && o.dueOn ? coverageWarning(uncoveredYears(o.completedOn, o.dueOn, overrides)) : null,
    review: reviewCounts(ctx, task.id),
    publicUntil: o.publicUntil
  }
}

/**
 * After results change (before publication): moves the task 已抽取 → 检查中
 * on the first result and → 已完成 once every drawn object has a result for
 * every item of every department. The completion date is the last 检查日期
 * (检查完成之日, `000_…` 第十八条); the deadline counts N working days from it (R10).
 * Call inside the transaction that saved the results.
 */
export function refreshOutcome(ctx: Ctx, taskId: number): TaskProgress {
  let task = getTask(ctx, taskId)
  if (task.status === '已公示') return progressOf(ctx, task)
  let p = progressOf(ctx, task)
  if (p.entered > 0 && task.status === '已抽取') task = advanceTask(ctx, taskId, '检查中', '录入第一条检查结果')
  const before = outcomeOf(ctx, taskId)
  if (p.complete) {
    const last = ctx.sqlite.prepare(`SELECT MAX(check_date) AS d FROM inspection_results WHERE task_id = ?`).get(taskId) as { d: string }
    const days = getSettings(ctx).publicationDays
    const dueOn = addWorkdays(last.d, days, getHolidayOverrides(ctx))
    if (before.completedOn !== last.d || before.dueOn !== dueOn || before.publicationDays !== days) {
      ctx.sqlite
        .prepare(
          `INSERT INTO task_outcomes (task_id, completed_on, due_on, publication_days, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(task_id) DO UPDATE SET completed_on = excluded.completed_on, due_on = excluded.due_on, publication_days = excluded.publication_days, updated_at = excluded.updated_at`
        )
        .run(taskId, last.d, dueOn, days, nowText())
      audit(ctx, { action: '检查完成，计算公示期限', entity: 'task', entityId: task.uid, detail: { completedOn: last.d, dueOn, publicationDays: days } })
    }
    if (task.status === '检查中') task = advanceTask(ctx, taskId, '已完成', `全部检查结果已录入，检查完成日期 ${last.d}`)
  } else if (before.completedOn) {
    // A re-drawn object added after completion: the task is not complete any more until its results are in.
    ctx.sqlite.prepare(`UPDATE task_outcomes SET completed_on = NULL, due_on = NULL, updated_at = ? WHERE task_id = ?`).run(nowText(), taskId)
  }
  p = progressOf(ctx, task)
  return p
}
