import { NO_PROBLEM_CATEGORIES, UNINSPECTABLE_CATEGORIES, type ResultInputParsed } from '@contract'
import { isRealDate } from './dates'

/**
 * The rules a result must meet beyond its shape, as one Chinese sentence or
 * null. Used by the grid, the spreadsheet import and corrections alike, so
 * that all three refuse the same things with the same words.
 */
export function resultProblem(r: ResultInputParsed, ctx: { today: string; periodStart: string }): string | null {
  if (!isRealDate(r.checkDate)) return `检查日期 ${r.checkDate} 不是有效日期，请按 2026-05-08 的格式填写。`
  if (r.checkDate > ctx.today) return `检查日期 ${r.checkDate} 晚于今天，请改正。`
  if (r.checkDate < ctx.periodStart) return `检查日期 ${r.checkDate} 早于任务的检查开始日期 ${ctx.periodStart}，请改正。`
  if (UNINSPECTABLE_CATEGORIES.includes(r.category) && r.evidence.length < 2) {
    return `检查结果为“${r.category}”时，须写明取得的证据（如现场照片、邮寄退回凭证、拒绝检查的记录）。`
  }
  if (r.disposal === '移送办案' && !r.disposalRef) return '后续处置为“移送办案”时，请填写案件编号（或移送文书编号）。'
  if (r.disposal === '移交其他部门' && !r.disposalRef) return '后续处置为“移交其他部门”时，请填写接收的部门。'
  if (r.disposal === '其他' && !r.disposalRef) return '后续处置为“其他”时，请写明具体处置方式。'
  if (NO_PROBLEM_CATEGORIES.includes(r.category) && r.disposal !== '无须处置') {
    return `检查结果为“${r.category}”时没有需要处置的问题，后续处置应为“无须处置”。`
  }
  if (r.category === '其他情况' && !r.findings) return '检查结果为“其他情况”时，请在检查情况中写明具体情况。'
  return null
}

/** A problem was found: a follow-up is opened unless nothing needs doing. */
export function isProblem(category: string): boolean {
  return !(NO_PROBLEM_CATEGORIES as readonly string[]).includes(category)
}
