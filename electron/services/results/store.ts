import { newUid } from '../ids'
import type { Ctx } from '../context'
import { codeOfCategory, followUpOf, LEGACY_DISPOSALS, LEGACY_METHODS, resultInputSchema, type InspectionResult, type ResultInputParsed, type ReviewStatus, type Task } from '@contract'
import { nowText } from '../time'

export interface ResultRowDb {
  id: number
  uid: string
  taskId: number
  objectCode: string
  objectName: string
  deptId: number
  itemUid: string
  resultCode: string
  category: string
  methods: string
  findings: string
  disposal: string
  disposalRef: string
  caseNo: string
  evidence: string
  checkDate: string
  inspectors: string
  followUpDoneOn: string | null
  followUpNote: string
  enteredBy: string
  reviewStatus: ReviewStatus
  reviewedBy: string
  reviewNote: string
  reviewedAt: string | null
  updatedAt: string
  deptName: string
  itemName: string
  corrections: number
}

export const RESULT_SELECT = `SELECT r.id, r.uid, r.task_id AS taskId, r.object_code AS objectCode, r.object_name AS objectName, r.dept_id AS deptId,
  r.item_uid AS itemUid, r.result_code AS resultCode, r.category, r.methods, r.findings, r.disposal, r.disposal_ref AS disposalRef, r.case_no AS caseNo,
  r.evidence, r.check_date AS checkDate, r.inspectors, r.follow_up_done_on AS followUpDoneOn, r.follow_up_note AS followUpNote, r.entered_by AS enteredBy,
  r.review_status AS reviewStatus, r.reviewed_by AS reviewedBy, r.review_note AS reviewNote, r.reviewed_at AS reviewedAt, r.updated_at AS updatedAt,
  COALESCE(d.name, '') AS deptName, COALESCE(i.name, r.item_uid) AS itemName,
  (SELECT COUNT(*) FROM result_corrections c WHERE c.result_id = r.id) AS corrections
  FROM inspection_results r LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid`

/**
 * Result fields stored before 0010 (in corrections' JSON and in older exchange
 * packages) in today's shape: one 核查方式 becomes a list, the old disposal
 * names map to the standard list, and 移送's case number moves to caseNo.
 */
export function upgradeFields(v: Record<string, unknown>): Record<string, unknown> {
  const out = { ...v }
  if (!Array.isArray(out.methods)) {
    const m = typeof out.method === 'string' ? out.method : ''
    out.methods = m ? [LEGACY_METHODS[m] ?? m] : []
  }
  delete out.method
  if (typeof out.disposal === 'string' && out.disposal in LEGACY_DISPOSALS) {
    if (out.disposal === '移送办案' && !out.caseNo) {
      out.caseNo = out.disposalRef ?? ''
      out.disposalRef = ''
    }
    out.disposal = LEGACY_DISPOSALS[out.disposal]
  }
  return out
}

/** The fields a person entered, as the contract's parsed input. */
export function fieldsOf(
  r: Pick<ResultRowDb, 'objectCode' | 'deptId' | 'itemUid' | 'category' | 'methods' | 'findings' | 'disposal' | 'disposalRef' | 'caseNo' | 'evidence' | 'checkDate' | 'inspectors'>
): ResultInputParsed {
  return resultInputSchema.parse({
    objectCode: r.objectCode,
    deptId: r.deptId,
    itemUid: r.itemUid,
    category: r.category,
    methods: JSON.parse(r.methods),
    findings: r.findings,
    disposal: r.disposal,
    disposalRef: r.disposalRef,
    caseNo: r.caseNo,
    evidence: r.evidence,
    checkDate: r.checkDate,
    inspectors: JSON.parse(r.inspectors)
  })
}

export function toResult(r: ResultRowDb): InspectionResult {
  return {
    ...fieldsOf(r),
    id: r.id,
    uid: r.uid,
    taskId: r.taskId,
    objectName: r.objectName,
    deptName: r.deptName,
    itemName: r.itemName,
    resultCode: r.resultCode,
    reviewStatus: r.reviewStatus,
    reviewedBy: r.reviewedBy,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt,
    followUpOpen: followUpOf(r.category, r.disposal) === 'open' && !r.followUpDoneOn,
    followUpDoneOn: r.followUpDoneOn,
    followUpNote: r.followUpNote,
    enteredBy: r.enteredBy,
    updatedAt: r.updatedAt,
    corrections: r.corrections
  }
}

export function resultsOfTask(ctx: Pick<Ctx, 'sqlite'>, taskId: number, deptId?: number): InspectionResult[] {
  const rows = ctx.sqlite
    .prepare(`${RESULT_SELECT} WHERE r.task_id = ?${deptId ? ' AND r.dept_id = ?' : ''} ORDER BY r.id`)
    .all(...(deptId ? [taskId, deptId] : [taskId])) as ResultRowDb[]
  return rows.map(toResult)
}

export function resultById(ctx: Pick<Ctx, 'sqlite'>, id: number): ResultRowDb | undefined {
  return ctx.sqlite.prepare(`${RESULT_SELECT} WHERE r.id = ?`).get(id) as ResultRowDb | undefined
}

/**
 * A problem stays open until its 后续处置 is marked 完结; 发现问题已责令改正 is
 * 完结 on the check date; anything else has no follow-up. 无需处置 never
 * closes a problem (it used to, and 不合格 + 无须处置 counted as 已处置).
 */
function followUpState(r: ResultInputParsed): { doneOn: string | null; note: string } | null {
  const f = followUpOf(r.category, r.disposal)
  if (f === 'none') return { doneOn: null, note: '' }
  if (f === 'closedOnCheck') return { doneOn: r.checkDate, note: '检查时已责令改正' }
  return null
}

/**
 * Inserts or updates one result (the caller has checked it and holds the
 * transaction). A changed result goes back to 录入 and must be submitted for
 * review again, except a correction after publication (`keepReview`), which
 * the department head has signed instead (R11).
 */
export function writeResult(ctx: Ctx, task: Pick<Task, 'id' | 'uid'>, r: ResultInputParsed, objectName: string, o: { keepReview?: boolean } = {}): 'inserted' | 'updated' | 'unchanged' {
  const now = nowText()
  const existing = ctx.sqlite
    .prepare(`${RESULT_SELECT} WHERE r.task_id = ? AND r.object_code = ? AND r.dept_id = ? AND r.item_uid = ?`)
    .get(task.id, r.objectCode, r.deptId, r.itemUid) as ResultRowDb | undefined
  const fu = followUpState(r)
  const inspectors = JSON.stringify(r.inspectors)
  const methods = JSON.stringify(r.methods)
  const code = codeOfCategory(r.category)
  if (!existing) {
    ctx.sqlite
      .prepare(
        `INSERT INTO inspection_results (uid, task_id, task_uid, object_code, object_name, dept_id, item_uid, result_code, category, methods, findings, disposal, disposal_ref, case_no, evidence, check_date, inspectors, follow_up_done_on, follow_up_note, entered_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(newUid(), task.id, task.uid, r.objectCode, objectName, r.deptId, r.itemUid, code, r.category, methods, r.findings, r.disposal, r.disposalRef, r.caseNo, r.evidence, r.checkDate, inspectors, fu?.doneOn ?? null, fu?.note ?? '', ctx.actor, now, now)
    return 'inserted'
  }
  if (JSON.stringify(fieldsOf(existing)) === JSON.stringify(r)) return 'unchanged'
  // A follow-up marked done by hand stays done when only the wording of the result changes.
  const keepFollowUp = fu === null && existing.disposal === r.disposal && followUpOf(existing.category, existing.disposal) === 'open'
  const review = o.keepReview ? existing.reviewStatus : '录入'
  ctx.sqlite
    .prepare(
      `UPDATE inspection_results SET result_code = ?, category = ?, methods = ?, findings = ?, disposal = ?, disposal_ref = ?, case_no = ?, evidence = ?, check_date = ?, inspectors = ?,
         follow_up_done_on = ?, follow_up_note = ?, entered_by = ?, review_status = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      code, r.category, methods, r.findings, r.disposal, r.disposalRef, r.caseNo, r.evidence, r.checkDate, inspectors,
      keepFollowUp ? existing.followUpDoneOn : (fu?.doneOn ?? null),
      keepFollowUp ? existing.followUpNote : (fu?.note ?? ''),
      ctx.actor, review, now, existing.id
    )
  return 'updated'
}
