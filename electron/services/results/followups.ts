import type { Ctx } from '../context'
import { RESULT_CODES, followUpOf, type FollowUpRow } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { todayText } from '../time'
import { isRealDate } from './dates'

/** The SQL of `followUpOf` ≠ none: a problem or 已责令改正, or 其他情况 with something to do. */
const FOLLOWED = RESULT_CODES.filter((d) => d.kind === 'problem' || d.kind === 'corrected').map((d) => `'${d.code}'`)
const PROBLEM_SQL = `(r.result_code IN (${FOLLOWED.join(', ')}) OR (r.result_code = 'QT' AND r.disposal != '无需处置'))`

const SELECT = `SELECT r.id AS resultId, t.id AS taskId, t.task_no AS taskNo, t.name AS taskName, r.object_code AS objectCode, r.object_name AS objectName,
  r.dept_id AS deptId, COALESCE(d.name, '') AS deptName, COALESCE(i.name, r.item_uid) AS itemName, r.category, r.disposal, r.disposal_ref AS disposalRef, r.case_no AS caseNo,
  r.check_date AS checkDate, r.follow_up_done_on AS doneOn, r.follow_up_note AS note
  FROM inspection_results r JOIN tasks t ON t.id = r.task_id LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid`

/** Problems found, open until their 后续处置 is marked 完结. */
export function listFollowUps(ctx: Pick<Ctx, 'sqlite'>, q: { deptId?: number; open?: boolean; year?: number } = {}): FollowUpRow[] {
  const where = [PROBLEM_SQL, "t.status != '已取消'"]
  const args: (string | number)[] = []
  if (q.deptId) {
    where.push('r.dept_id = ?')
    args.push(q.deptId)
  }
  if (q.year) {
    where.push('t.year = ?')
    args.push(q.year)
  }
  if (q.open !== false) where.push('r.follow_up_done_on IS NULL')
  return ctx.sqlite.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.sort_order, r.check_date, r.id`).all(...args) as FollowUpRow[]
}

/** Marks a follow-up done; allowed after publication too — it records what was done, not what was found. */
export function closeFollowUp(ctx: Ctx, input: { resultId: number; date: string; note: string }, today = todayText()): FollowUpRow {
  const note = input.note.trim()
  if (note.length < 2) throw new UserError('请写明处置结果，例如“已整改到位”“已立案查处”。', 'note-required')
  return ctx.sqlite.transaction(() => {
    const row = ctx.sqlite.prepare(`${SELECT} WHERE r.id = ?`).get(input.resultId) as FollowUpRow | undefined
    if (!row) throw new UserError(`找不到编号为 ${input.resultId} 的检查结果，请刷新后重试。`, 'not-found')
    if (followUpOf(row.category, row.disposal) === 'none') throw new UserError(`该结果为“${row.category}”，没有需要后续处置的问题。`, 'no-problem')
    if (row.doneOn) throw new UserError(`该问题的后续处置已于 ${row.doneOn} 办结。`, 'already-done')
    if (!isRealDate(input.date)) throw new UserError(`办结日期 ${input.date} 不是有效日期，请按 2026-05-08 的格式填写。`)
    if (input.date < row.checkDate) throw new UserError(`办结日期 ${input.date} 早于检查日期 ${row.checkDate}，请改正。`)
    if (input.date > today) throw new UserError(`办结日期 ${input.date} 晚于今天，请改正。`)
    ctx.sqlite.prepare(`UPDATE inspection_results SET follow_up_done_on = ?, follow_up_note = ? WHERE id = ?`).run(input.date, note, input.resultId)
    audit(ctx, { action: '后续处置办结', entity: 'result', entityId: input.resultId, detail: { task: row.taskNo, object: row.objectCode, disposal: row.disposal, doneOn: input.date, note } })
    return { ...row, doneOn: input.date, note }
  })()
}
