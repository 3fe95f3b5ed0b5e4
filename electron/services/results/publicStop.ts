/**
 * 公示 ends: a published result stays public until the task's 公示截止日期;
 * from then on the office may record 停止公示 for an object whose party
 * applied (信用修复, seed 004 (十一)). The object then leaves the public list
 * and the 公示系统 export; its results stay in the database and the dossier.
 * Also the optional 回访 records of inspected objects (seed 004 (十)).
 */
import type { Ctx } from '../context'
import type { PublicStop, Revisit } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText, todayText } from '../time'
import { getTask } from '../tasks/service'
import { isRealDate } from './dates'
import { outcomeOf } from './progress'

export function stoppedObjects(ctx: Pick<Ctx, 'sqlite'>, taskId: number): Set<string> {
  const rows = ctx.sqlite.prepare(`SELECT object_code AS code FROM result_public_stops WHERE task_id = ?`).all(taskId) as { code: string }[]
  return new Set(rows.map((r) => r.code))
}

function objectNameIn(ctx: Pick<Ctx, 'sqlite'>, taskId: number, code: string): string | null {
  const r = ctx.sqlite.prepare(`SELECT object_name AS name FROM inspection_results WHERE task_id = ? AND object_code = ? LIMIT 1`).get(taskId, code) as { name: string } | undefined
  return r ? r.name : null
}

export function stopPublication(ctx: Ctx, input: { taskId: number; objectCode: string; date: string; reason: string; approvedBy: string }, today = todayText()): PublicStop {
  return ctx.sqlite.transaction(() => {
    const task = getTask(ctx, input.taskId)
    const o = outcomeOf(ctx, task.id)
    if (task.status !== '已公示' || !o.publishedOn) throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查结果还没有公示，不需要停止公示。`, 'not-published')
    const name = objectNameIn(ctx, task.id, input.objectCode)
    if (name === null) throw new UserError(`对象 ${input.objectCode} 不是本任务公示的检查对象，请核对代码。`, 'not-in-task')
    if (!isRealDate(input.date)) throw new UserError(`停止公示日期 ${input.date} 不是有效日期，请按 2026-05-08 的格式填写。`)
    if (input.date > today) throw new UserError(`停止公示日期 ${input.date} 晚于今天，请在实际停止公示后再登记。`)
    if (o.publicUntil && input.date < o.publicUntil) {
      throw new UserError(`本任务的检查结果公示至 ${o.publicUntil}，公示期满后才能停止公示（信用修复）。`, 'too-early')
    }
    if (stoppedObjects(ctx, task.id).has(input.objectCode)) throw new UserError(`${name}在本任务中的检查结果已经停止公示。`, 'already-stopped')
    ctx.sqlite
      .prepare(`INSERT INTO result_public_stops (task_id, object_code, stopped_on, reason, approved_by, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(task.id, input.objectCode, input.date, input.reason.trim(), input.approvedBy.trim(), ctx.actor, nowText())
    audit(ctx, { action: '停止公示（信用修复）', entity: 'task', entityId: task.uid, detail: { object: input.objectCode, date: input.date, reason: input.reason, approvedBy: input.approvedBy } })
    return { taskId: task.id, objectCode: input.objectCode, objectName: name, stoppedOn: input.date, reason: input.reason.trim(), approvedBy: input.approvedBy.trim() }
  })()
}

export function listPublicStops(ctx: Pick<Ctx, 'sqlite'>, taskId: number): PublicStop[] {
  return ctx.sqlite
    .prepare(
      `SELECT s.task_id AS taskId, s.object_code AS objectCode,
              COALESCE((SELECT r.object_name FROM inspection_results r WHERE r.task_id = s.task_id AND r.object_code = s.object_code LIMIT 1), '') AS objectName,
              s.stopped_on AS stoppedOn, s.reason, s.approved_by AS approvedBy
         FROM result_public_stops s WHERE s.task_id = ? ORDER BY s.id`
    )
    .all(taskId) as PublicStop[]
}

export function addRevisit(ctx: Ctx, input: { taskId: number; objectCode: string; date: string; way: string; satisfaction: string; note: string }, today = todayText()): Revisit {
  return ctx.sqlite.transaction(() => {
    const task = getTask(ctx, input.taskId)
    const name = objectNameIn(ctx, task.id, input.objectCode)
    if (name === null) throw new UserError(`对象 ${input.objectCode} 在本任务中还没有检查结果，检查后才能回访。`, 'not-inspected')
    if (!isRealDate(input.date)) throw new UserError(`回访日期 ${input.date} 不是有效日期，请按 2026-05-08 的格式填写。`)
    if (input.date > today) throw new UserError(`回访日期 ${input.date} 晚于今天，请改正。`)
    const first = ctx.sqlite.prepare(`SELECT MIN(check_date) AS d FROM inspection_results WHERE task_id = ? AND object_code = ?`).get(task.id, input.objectCode) as { d: string }
    if (input.date < first.d) throw new UserError(`回访日期 ${input.date} 早于检查日期 ${first.d}，请改正。`)
    const id = ctx.sqlite
      .prepare(`INSERT INTO result_revisits (task_id, object_code, visited_on, way, satisfaction, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(task.id, input.objectCode, input.date, input.way, input.satisfaction, input.note.trim(), ctx.actor, nowText()).lastInsertRowid as number
    audit(ctx, { action: '登记回访', entity: 'task', entityId: task.uid, detail: { object: input.objectCode, date: input.date, way: input.way, satisfaction: input.satisfaction } })
    return listRevisits(ctx, task.id).find((r) => r.id === id)!
  })()
}

export function listRevisits(ctx: Pick<Ctx, 'sqlite'>, taskId: number): Revisit[] {
  return ctx.sqlite
    .prepare(
      `SELECT v.id, v.task_id AS taskId, v.object_code AS objectCode,
              COALESCE((SELECT r.object_name FROM inspection_results r WHERE r.task_id = v.task_id AND r.object_code = v.object_code LIMIT 1), '') AS objectName,
              v.visited_on AS visitedOn, v.way, v.satisfaction, v.note, v.actor
         FROM result_revisits v WHERE v.task_id = ? ORDER BY v.visited_on, v.id`
    )
    .all(taskId) as Revisit[]
}
