import { newUid } from '../ids'
import type { Ctx } from '../context'
import { resultInputSchema, type InspectionResult, type ResultInputParsed, type Task } from '@contract'
import { nowText } from '../time'
import { isProblem } from './validate'

export interface ResultRowDb {
  id: number
  uid: string
  taskId: number
  objectCode: string
  objectName: string
  deptId: number
  itemUid: string
  category: string
  method: string
  findings: string
  disposal: string
  disposalRef: string
  evidence: string
  checkDate: string
  inspectors: string
  followUpDoneOn: string | null
  followUpNote: string
  enteredBy: string
  updatedAt: string
  deptName: string
  itemName: string
  corrections: number
}

export const RESULT_SELECT = `SELECT r.id, r.uid, r.task_id AS taskId, r.object_code AS objectCode, r.object_name AS objectName, r.dept_id AS deptId,
  r.item_uid AS itemUid, r.category, r.method, r.findings, r.disposal, r.disposal_ref AS disposalRef, r.evidence, r.check_date AS checkDate,
  r.inspectors, r.follow_up_done_on AS followUpDoneOn, r.follow_up_note AS followUpNote, r.entered_by AS enteredBy, r.updated_at AS updatedAt,
  COALESCE(d.name, '') AS deptName, COALESCE(i.name, r.item_uid) AS itemName,
  (SELECT COUNT(*) FROM result_corrections c WHERE c.result_id = r.id) AS corrections
  FROM inspection_results r LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid`

/** The fields a person entered, as the contract's parsed input. */
export function fieldsOf(r: Pick<ResultRowDb, 'objectCode' | 'deptId' | 'itemUid' | 'category' | 'method' | 'findings' | 'disposal' | 'disposalRef' | 'evidence' | 'checkDate' | 'inspectors'>): ResultInputParsed {
  return resultInputSchema.parse({
    objectCode: r.objectCode,
    deptId: r.deptId,
    itemUid: r.itemUid,
    category: r.category,
    method: r.method,
    findings: r.findings,
    disposal: r.disposal,
    disposalRef: r.disposalRef,
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
    followUpOpen: isProblem(r.category) && !r.followUpDoneOn,
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
 * 无须处置 for a problem means nothing is left to follow up: it is closed on
 * the check date. Any other disposal stays open until marked done.
 */
function followUpState(r: ResultInputParsed): { doneOn: string | null; note: string } | null {
  if (!isProblem(r.category)) return { doneOn: null, note: '' }
  if (r.disposal === '无须处置') return { doneOn: r.checkDate, note: '无须处置' }
  return null
}

/** Inserts or updates one result (the caller has checked it and holds the transaction). */
export function writeResult(ctx: Ctx, task: Pick<Task, 'id' | 'uid'>, r: ResultInputParsed, objectName: string): 'inserted' | 'updated' | 'unchanged' {
  const now = nowText()
  const existing = ctx.sqlite
    .prepare(`${RESULT_SELECT} WHERE r.task_id = ? AND r.object_code = ? AND r.dept_id = ? AND r.item_uid = ?`)
    .get(task.id, r.objectCode, r.deptId, r.itemUid) as ResultRowDb | undefined
  const fu = followUpState(r)
  const inspectors = JSON.stringify(r.inspectors)
  if (!existing) {
    ctx.sqlite
      .prepare(
        `INSERT INTO inspection_results (uid, task_id, task_uid, object_code, object_name, dept_id, item_uid, category, method, findings, disposal, disposal_ref, evidence, check_date, inspectors, follow_up_done_on, follow_up_note, entered_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(newUid(), task.id, task.uid, r.objectCode, objectName, r.deptId, r.itemUid, r.category, r.method, r.findings, r.disposal, r.disposalRef, r.evidence, r.checkDate, inspectors, fu?.doneOn ?? null, fu?.note ?? '', ctx.actor, now, now)
    return 'inserted'
  }
  if (JSON.stringify(fieldsOf(existing)) === JSON.stringify(r)) return 'unchanged'
  // A follow-up marked done by hand stays done when only the wording of the result changes.
  const keepFollowUp = fu === null && existing.disposal === r.disposal && isProblem(existing.category)
  ctx.sqlite
    .prepare(
      `UPDATE inspection_results SET category = ?, method = ?, findings = ?, disposal = ?, disposal_ref = ?, evidence = ?, check_date = ?, inspectors = ?,
         follow_up_done_on = ?, follow_up_note = ?, entered_by = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      r.category, r.method, r.findings, r.disposal, r.disposalRef, r.evidence, r.checkDate, inspectors,
      keepFollowUp ? existing.followUpDoneOn : (fu?.doneOn ?? null),
      keepFollowUp ? existing.followUpNote : (fu?.note ?? ''),
      ctx.actor, now, existing.id
    )
  return 'updated'
}
