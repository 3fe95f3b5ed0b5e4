import type { Ctx } from '../context'
import type { DeadlineRow, HomeDeadlines } from '@contract'
import { todayText } from '../time'
import { getSettings } from '../settings/service'
import { getTask } from '../tasks/service'
import { addWorkdays, coverageWarning, getHolidayOverrides, uncoveredYears, workdaysBetween } from '../workdays'
import { progressOf } from './progress'

/** How soon “due soon” is on the home page, in working days. */
export const DUE_SOON_WORKDAYS = 5

/** R10: the publication deadline of a task completed on `completed` (N from 设置 unless given). */
export function deadlineFor(ctx: Pick<Ctx, 'db'>, completed: string, days?: number): { due: string; days: number; warning: string | null } {
  const n = days ?? getSettings(ctx).publicationDays
  const overrides = getHolidayOverrides(ctx)
  const due = addWorkdays(completed, n, overrides)
  return { due, days: n, warning: coverageWarning(uncoveredYears(completed, due, overrides)) }
}

/** R10 without a database: the bundled holiday table only, 20 working days unless given. */
export function bundledDeadline(completed: string, days = 20): { due: string; days: number; warning: string | null } {
  const due = addWorkdays(completed, days)
  return { due, days, warning: coverageWarning(uncoveredYears(completed, due)) }
}

/** The home page panels: every running publication deadline (those within 5 working days marked), overdue ones, and departments still owing results. */
export function homeDeadlines(ctx: Ctx, today = todayText()): HomeDeadlines {
  const overrides = getHolidayOverrides(ctx)
  const pending = ctx.sqlite
    .prepare(
      `SELECT t.id AS taskId, t.task_no AS taskNo, t.name AS taskName, d.name AS initiatorName, o.completed_on AS completedOn, o.due_on AS dueOn
         FROM task_outcomes o JOIN tasks t ON t.id = o.task_id LEFT JOIN departments d ON d.id = t.initiator_dept_id
        WHERE o.due_on IS NOT NULL AND o.published_on IS NULL AND t.status = '已完成'
        ORDER BY o.due_on, t.task_no`
    )
    .all() as Omit<DeadlineRow, 'workdaysLeft' | 'coverageWarning'>[]
  const rows: DeadlineRow[] = pending.map((p) => ({
    ...p,
    workdaysLeft: workdaysBetween(today, p.dueOn, overrides) || 0,
    coverageWarning: coverageWarning(uncoveredYears(p.completedOn, p.dueOn, overrides))
  }))
  const missing = new Map<number, HomeDeadlines['missing'][number]>()
  const open = ctx.sqlite.prepare(`SELECT id FROM tasks WHERE status IN ('已抽取', '检查中') ORDER BY task_no`).all() as { id: number }[]
  for (const { id } of open) {
    const p = progressOf(ctx, getTask(ctx, id), today)
    if (!p.objects) continue
    for (const d of p.byDept) {
      const left = d.expected - d.entered
      if (left <= 0) continue
      const m = missing.get(d.deptId) ?? { deptId: d.deptId, deptName: d.deptName, missing: 0, tasks: [] }
      m.missing += left
      m.tasks.push({ taskId: p.taskId, taskNo: p.taskNo, taskName: p.taskName, missing: left })
      missing.set(d.deptId, m)
    }
  }
  const running = rows.filter((r) => r.dueOn >= today)
  return {
    today,
    pending: running,
    dueSoon: running.filter((r) => r.workdaysLeft <= DUE_SOON_WORKDAYS),
    overdue: rows.filter((r) => r.dueOn < today),
    missing: [...missing.values()].sort((a, b) => b.missing - a.missing)
  }
}
