import { followUpOf, resultCodeDef, UNINSPECTABLE_CATEGORIES, type ResultInputParsed } from '@contract'
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
  if (r.disposal === '移送办案机构' && !r.caseNo) return '后续处置为“移送办案机构”时，请填写案件编号，以便与行政处罚案件关联。'
  if (r.disposal === '抄告相关部门' && !r.disposalRef) return '后续处置为“抄告相关部门”时，请在处置说明中填写抄告的部门。'
  if (r.disposal === '其他' && !r.disposalRef) return '后续处置为“其他”时，请在处置说明中写明具体处置方式。'
  const kind = resultCodeDef(r.category)?.kind
  if (kind === 'clean' && r.disposal !== '无需处置') return `检查结果为“${r.category}”时没有需要处置的问题，后续处置应为“无需处置”。`
  if (kind === 'gone' && r.disposal !== '无需处置' && r.disposal !== '反馈日常监管部门') {
    return `检查结果为“${r.category}”时，后续处置应为“无需处置”或“反馈日常监管部门”。`
  }
  if (kind === 'problem' && r.disposal === '无需处置') return `检查结果为“${r.category}”，发现了问题，请选择后续处置（如责令改正、移送办案机构），不能为“无需处置”。`
  if (r.category === '其他情况' && !r.findings) return '检查结果为“其他情况”时，请在检查情况中写明具体情况。'
  return null
}

/** A problem was found: the result opens (or opened) a follow-up. */
export function isProblem(category: string, disposal: string): boolean {
  return followUpOf(category, disposal) !== 'none'
}
