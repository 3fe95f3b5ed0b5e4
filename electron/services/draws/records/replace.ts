import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { getSettings } from '../../settings/service'
import { getTaskRow } from '../../tasks/service'
import type { DrawSourceInput, DrawView, ReplacementCandidates } from '@contract'
import { appendReplacement, replacementContext } from '../replacement'
import type { ReplacementReason } from '../types'
import { currentDrawRow, drawRow, fullEvidence, type DrawRow } from './store'
import { drawView } from './view'

export interface ReplaceInput {
  order: number
  outIdNumber: string
  reason: ReplacementReason
  approver: string
  policy: 'manual' | 'redraw'
  manualIdNumber?: string
  /** redraw: the new seed source (e.g. a witness's digits at the re-draw) */
  source?: DrawSourceInput
  note?: string
}

/** Replacements are made on the draw in force, before the inspection is over. */
function replaceableRow(ctx: Ctx, drawId: string): DrawRow {
  const row = drawRow(ctx, drawId)
  const current = currentDrawRow(ctx, row.taskId)
  if (current && current.drawId !== drawId) throw new UserError(`抽取 ${drawId} 已被重新抽取的 ${current.drawId} 替代，请在 ${current.drawId} 上替换人员。`, 'superseded')
  const task = getTaskRow(ctx, row.taskId)
  if (task.status !== '已抽取' && task.status !== '检查中') {
    throw new UserError(`任务“${task.name}”（${task.taskNo}）已${task.status}，不能再替换检查人员。`, 'bad-transition')
  }
  return row
}

export function replacementCandidates(ctx: Ctx, drawId: string, order: number, outIdNumber: string): ReplacementCandidates {
  const e = fullEvidence(ctx, drawRow(ctx, drawId))
  const r = replacementContext(e, e.replacements, { order, outIdNumber, time: nowText() })
  const drawable = new Set(r.drawable.map((p) => p.idNumber))
  const dept = e.task.departments.find((d) => d.deptId === r.member.deptId)
  return {
    policy: getSettings(ctx).replacementPolicy,
    member: { idNumber: r.member.idNumber, name: r.member.name, deptName: dept?.deptName ?? '', role: r.member.role },
    candidates: r.candidates.map((p) => ({ idNumber: p.idNumber, name: p.name, certNo: p.certNo, load: r.loads.get(p.idNumber) ?? 0, drawable: drawable.has(p.idNumber) }))
  }
}

/**
 * R8: a replacement is its own append-only record, chained by hash to the
 * draw; the draw itself is never touched. The policy is the county's
 * setting (manual pick or random re-draw).
 */
export function replaceInspector(ctx: Ctx, drawId: string, input: ReplaceInput): DrawView {
  return ctx.sqlite.transaction(() => {
    const row = replaceableRow(ctx, drawId)
    const setting = getSettings(ctx).replacementPolicy
    if (input.policy !== setting) {
      const word = (p: string) => (p === 'manual' ? '人工指定' : '随机重抽')
      throw new UserError(`本县设置的人员替换方式为“${word(setting)}”，不能用“${word(input.policy)}”。如需改变，请先在“设置”中修改替换方式。`, 'policy')
    }
    const before = fullEvidence(ctx, row)
    const after = appendReplacement(before, {
      order: input.order,
      outIdNumber: input.outIdNumber,
      reason: input.reason,
      approver: input.approver,
      policy: input.policy,
      inIdNumber: input.policy === 'manual' ? input.manualIdNumber : undefined,
      sources: input.policy === 'redraw' && input.source ? [input.source] : undefined,
      operator: ctx.actor,
      time: nowText(),
      ...(input.note?.trim() ? { note: input.note.trim() } : {})
    })
    const rec = after.replacements[after.replacements.length - 1]
    ctx.sqlite
      .prepare(
        `INSERT INTO draw_replacements (draw_id, seq, record, sha256, object_order, out_id_number, in_id_number, reason, approver, policy, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(drawId, rec.seq, JSON.stringify(rec), rec.sha256, rec.order, rec.outIdNumber, rec.inIdNumber, rec.reason, rec.approver, rec.policy, rec.time)
    audit(ctx, {
      action: '替换检查人员',
      entity: 'draw',
      entityId: drawId,
      detail: { seq: rec.seq, order: rec.order, object: rec.objectCode, out: rec.outName, in: rec.inName, reason: rec.reason, approver: rec.approver, policy: rec.policy, sha256: rec.sha256 }
    })
    return drawView(ctx, row, after)
  })()
}
