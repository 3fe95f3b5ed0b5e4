/** The notices' input from the database: the draw in force of a task, the live plan entries of a year. */
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { getSettings } from '../../settings/service'
import { getTask } from '../../tasks/service'
import { findDraw } from '../../draws/records'
import { listPlanEntries } from '../../plans/service'
import { todayText } from '../../time'
import { annualPlanRow } from '../fromDb/plans'
import type { PlanNoticeInput, TaskNoticeInput } from './layouts'

export function taskNoticeInput(ctx: Ctx, taskId: number, publishDate = todayText()): TaskNoticeInput {
  const task = getTask(ctx, taskId)
  const draw = findDraw(ctx, taskId)
  if (!draw) throw new UserError(`任务“${task.name}”（${task.taskNo}）还没有抽取检查对象，抽取后才能生成任务公告。`, 'not-drawn')
  const authority = ctx.sqlite.prepare(`SELECT reg_authority AS a FROM objects WHERE code = ?`)
  const items = ctx.sqlite.prepare(`SELECT name FROM items WHERE uid IN (SELECT value FROM json_each(?)) ORDER BY dept_id, sort_order`).all(JSON.stringify(task.departments.flatMap((d) => d.itemUids))) as { name: string }[]
  return {
    issuer: getSettings(ctx).officeName,
    taskNo: task.taskNo,
    taskName: task.name,
    initiator: task.initiatorName,
    partners: task.departments.filter((d) => d.deptId !== task.initiatorDeptId).map((d) => d.deptName),
    items: items.map((i) => i.name),
    period: { start: task.periodStart, end: task.periodEnd },
    drawDate: draw.drawDate,
    drawId: draw.drawId,
    shortHash: draw.shortHash,
    publishDate,
    rows: draw.objects.map((o) => ({ name: o.name, code: o.code, authority: (authority.get(o.code) as { a: string | null } | undefined)?.a ?? '' }))
  }
}

export function planNoticeInput(ctx: Ctx, year: number, publishDate = todayText()): PlanNoticeInput {
  const entries = listPlanEntries(ctx, { year }).filter((e) => e.status !== '草稿' && e.status !== '已取消')
  if (!entries.length) throw new UserError(`${year}年没有已报送或已发布的年度抽查计划条目，无法生成计划公告。请先在“年度计划”中录入并报送。`, 'empty')
  const names = new Map((ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]).map((d) => [d.id, d.name]))
  return {
    issuer: getSettings(ctx).officeName,
    year,
    publishDate,
    rows: entries.map((e) => {
      const r = annualPlanRow(e, (id) => names.get(id) ?? `编号 ${id} 的部门`)
      return { planName: r.planName, taskName: r.taskName, checkType: r.checkType, ratio: r.ratio, items: r.items, objectScope: r.objectScope, initiator: r.initiator, partners: r.partners, drawDate: r.drawDate, inspectionTime: e.inspectionTime }
    })
  }
}
