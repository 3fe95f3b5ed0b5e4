import type { Ctx } from '../context'
import { resultInputSchema, type ResultCorrection, type ResultInputParsed } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText, todayText } from '../time'
import { getTask } from '../tasks/service'
import { fieldsOf, resultById, upgradeFields, writeResult } from './store'
import { resultProblem } from './validate'

export interface CorrectionInput {
  resultId: number
  changes: Partial<Omit<ResultInputParsed, 'objectCode' | 'deptId' | 'itemUid'>>
  reason: string
  approvedBy: string
}

/**
 * R11 (`000_…` 第十九条): a published result is corrected, never edited. The
 * fields before and after, the reason and the department head who signed
 * are appended to result_corrections (which refuses UPDATE and DELETE).
 */
export function correctResult(ctx: Ctx, input: CorrectionInput): ResultCorrection {
  const reason = input.reason.trim()
  const approvedBy = input.approvedBy.trim()
  if (reason.length < 4) throw new UserError('请写明更正原因（至少 4 个字）。', 'reason-required')
  if (approvedBy.length < 2) throw new UserError('请填写签字确认更正的部门主要负责人姓名。', 'approver-required')
  return ctx.sqlite.transaction(() => {
    const row = resultById(ctx, input.resultId)
    if (!row) throw new UserError(`找不到编号为 ${input.resultId} 的检查结果，请刷新后重试。`, 'not-found')
    const task = getTask(ctx, row.taskId)
    if (task.status !== '已公示') {
      throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查结果尚未公示，可以直接在录入表中修改，不需要更正。`, 'not-published')
    }
    const before = fieldsOf(row)
    const defined = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined))
    const after = resultInputSchema.parse({ ...before, ...defined })
    if (JSON.stringify(after) === JSON.stringify(before)) throw new UserError('更正后的内容与原结果相同，请修改要更正的内容。', 'unchanged')
    const why = resultProblem(after, { today: todayText(), periodStart: task.periodStart })
    if (why) throw new UserError(why, 'invalid-result')
    const at = nowText()
    const id = ctx.sqlite
      .prepare(`INSERT INTO result_corrections (result_id, before, after, reason, approved_by, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(row.id, JSON.stringify(before), JSON.stringify(after), reason, approvedBy, ctx.actor, at).lastInsertRowid as number
    writeResult(ctx, task, after, row.objectName, { keepReview: true })
    audit(ctx, { action: '更正已公示的检查结果', entity: 'result', entityId: row.uid, detail: { task: task.taskNo, object: row.objectCode, item: row.itemName, reason, approvedBy, before, after } })
    return listCorrections(ctx, task.id).find((c) => c.id === id)!
  })()
}

export function listCorrections(ctx: Pick<Ctx, 'sqlite'>, taskId: number): ResultCorrection[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id, c.result_id AS resultId, r.object_code AS objectCode, r.object_name AS objectName, COALESCE(d.name, '') AS deptName,
              COALESCE(i.name, r.item_uid) AS itemName, c.before, c.after, c.reason, c.approved_by AS approvedBy, c.actor, c.at
         FROM result_corrections c JOIN inspection_results r ON r.id = c.result_id
         LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid
        WHERE r.task_id = ? ORDER BY c.id`
    )
    .all(taskId) as (Omit<ResultCorrection, 'before' | 'after'> & { before: string; after: string })[]
  return rows.map((r) => ({ ...r, before: upgradeFields(JSON.parse(r.before)) as ResultInputParsed, after: upgradeFields(JSON.parse(r.after)) as ResultInputParsed }))
}
