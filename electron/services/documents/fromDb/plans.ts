/** 附件5 年度部门双随机联合抽查工作计划表, per department and county-wide. */
import type { PlanEntry } from '@contract'
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { getSettings } from '../../settings/service'
import { listPlanEntries } from '../../plans/service'
import { describeScope } from '../../plans/scopeText'
import { chineseDate } from '../gbt9704'
import type { AnnualPlanInput, AnnualPlanRow } from '../types'
import { departmentName } from './lists'

/** 2026-04 → 2026年4月; a full date → 2026年4月8日. */
export function drawDateText(v: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(v)
  if (m) return `${Number(m[1])}年${Number(m[2])}月`
  return v ? chineseDate(v) : ''
}

export function annualPlanRow(e: PlanEntry, deptName: (id: number) => string): AnnualPlanRow {
  return {
    planName: e.planName,
    taskName: e.taskName,
    checkType: `${e.checkType}抽查`,
    objectTotal: e.objectTotal,
    ratio: e.ratioText,
    items: e.itemNames,
    objectScope: describeScope(e.scope, deptName),
    initiator: e.initiatorName,
    partners: e.jointDeptNames,
    drawDate: drawDateText(e.drawDate)
  }
}

/**
 * One department's table lists the entries it initiates (附件5 is filled by
 * the initiating department); without a department, every entry of the year.
 */
export function annualPlanInput(ctx: Pick<Ctx, 'db' | 'sqlite'>, year: number, deptId?: number): AnnualPlanInput {
  const owner = deptId ? departmentName(ctx, deptId) : getSettings(ctx).county
  const entries = listPlanEntries(ctx, { year, deptId })
  if (entries.length === 0) throw new UserError(`${owner}${year}年没有年度抽查计划条目。请先在“年度计划”中录入或导入，再生成计划表。`, 'empty')
  const names = new Map((ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]).map((d) => [d.id, d.name]))
  return { owner, year, rows: entries.map((e) => annualPlanRow(e, (id) => names.get(id) ?? `编号 ${id} 的部门`)) }
}
