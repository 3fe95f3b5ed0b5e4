import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText, todayText } from '../../time'
import { advanceTask } from '../../tasks/lifecycle'
import { recordInspections } from '../../tasks/history'
import { getTaskRow } from '../../tasks/service'
import type { DrawSourceInput, DrawView } from '@contract'
import { assertFeasible, executeDraw, seedHeader } from '../draw'
import { buildEvidence, chainHead, shortHash } from '../evidence'
import { buildSeed, normaliseSpec, normaliseText } from '../seed'
import type { Supersedes } from '../types'
import { findPlan, prepareFromDb } from './plan'
import { currentDrawRow, drawRow, fullEvidence, storedEvidence, type DrawRow } from './store'
import { drawView } from './view'

export interface PerformDrawInput {
  sources: DrawSourceInput[]
  operator: string
  /** everyone who witnessed; the witnesses who typed digits are added if missing */
  witnesses?: string[]
  supervisor?: string
  /** a new draw replacing the one in force, with the reason (DESIGN §4: never a silent re-run) */
  supersede?: { reason: string }
  /** the inspection period has ended: why the draw is made anyway (printed on the record) */
  lateReason?: string
}

/** Witnesses named on the 公告 are the ones who type (a re-draw may bring others only if none were named). */
function checkAnnouncedNames(named: readonly string[], sources: readonly DrawSourceInput[]): void {
  const names = named.map(normaliseText).filter(Boolean)
  if (names.length === 0) return
  const typed = sources.filter((s) => s.kind === 'witness').map((s) => normaliseText(s.label))
  const strangers = typed.filter((t) => !names.includes(t))
  if (strangers.length) throw new UserError(`见证人“${strangers.join('”“')}”不是抽取方案公告上写明的见证人（${names.join('、')}），请由公告上的见证人输入。`, 'invalid_seed')
}

/** spec §8.4: the re-draw's link to the chain it ends. */
function supersedesOf(ctx: Ctx, current: DrawRow, reason: string): Supersedes {
  const old = fullEvidence(ctx, current)
  const chain = chainHead(old)
  return { drawId: current.drawId, drawSha256: old.drawSha256, headSha256: chain.headSha256, adjustments: chain.adjustments, reason }
}

/**
 * The two draws of a task from its frozen plan and the seed sources typed
 * at the meeting. Everything is checked before anything is written; the
 * draw, the inspection history (R2) and 已抽取 commit together with the
 * audit entry, or not at all.
 */
export function performDraw(ctx: Ctx, taskId: number, input: PerformDrawInput): DrawView {
  const operator = input.operator.trim()
  if (!operator) throw new UserError('请填写操作人员姓名。', 'invalid_input')
  return ctx.sqlite.transaction(() => {
    const task = getTaskRow(ctx, taskId)
    const current = currentDrawRow(ctx, taskId)
    if (input.supersede) {
      if (!current) throw new UserError(`任务“${task.name}”（${task.taskNo}）还没有抽取过，不需要重新抽取。`, 'bad-transition')
      if (task.status !== '已抽取') {
        throw new UserError(`任务“${task.name}”（${task.taskNo}）已${task.status}，检查已经开始，不能再重新抽取；如需调整人员请使用人员替换。`, 'bad-transition')
      }
      if (input.supersede.reason.trim().length < 4) throw new UserError('请写明重新抽取的原因（至少 4 个字）。', 'invalid_input')
    } else if (current || task.status !== '方案已公布') {
      throw new UserError(
        current
          ? `任务“${task.name}”（${task.taskNo}）已经抽取过（抽取编号 ${current.drawId}），抽取结果不能重做。确需重新抽取的，请选择“重新抽取”并写明原因。`
          : `任务“${task.name}”（${task.taskNo}）当前状态为${task.status}，只有“方案已公布”的任务可以抽取。`,
        'bad-transition'
      )
    }
    const plan = findPlan(ctx, taskId)
    if (!plan) throw new UserError(`任务“${task.name}”（${task.taskNo}）还没有公布抽取方案（冻结执法人员名单和抽取日期），请先公布抽取方案。`, 'not-published')
    const { prepared: p, exclusions } = prepareFromDb(ctx, taskId, plan.drawDate, plan)
    assertFeasible(p)
    const today = todayText()
    const lateReason = normaliseText(input.lateReason ?? '')
    if (today > task.periodEnd && lateReason.length < 4) {
      throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查期限 ${task.periodEnd} 已过，抽中的对象已来不及在期限内检查，也不能再向其发出检查通知书。如需检查，请取消本任务，按新的检查期限新建任务；确需照常抽取的（如补录期限内已完成的检查），请写明原因（至少 4 个字），原因会印在抽取记录上。`, 'period-ended')
    }
    const spec = plan.announcement.sourceSpec
    if (spec) checkAnnouncedNames(plan.planned.witnessNames, input.sources)
    const supersedes = spec && input.supersede && current ? supersedesOf(ctx, current, normaliseText(input.supersede.reason)) : undefined
    const seed = buildSeed(seedHeader(p, spec ? { spec: normaliseSpec(spec, !!supersedes), supersedes } : undefined), input.sources)
    const outcome = executeDraw(p, seed)

    const seq = (current?.seq ?? 0) + 1
    const drawId = `${task.taskNo}-D${seq}`
    const typed = seed.sources.filter((s) => s.kind === 'witness').map((s) => s.label)
    const witnesses = [...new Set([...typed, ...(input.witnesses ?? []).map((w) => w.trim()).filter(Boolean)])]
    const drawnAt = nowText()
    const evidence = buildEvidence(p, outcome, {
      drawId,
      exclusions,
      people: { operator, witnesses, ...(input.supervisor?.trim() ? { supervisor: input.supervisor.trim() } : {}) },
      times: { publishedAt: plan.publishedAt, drawnAt },
      ...(spec ? { spec: normaliseSpec(spec, !!supersedes) } : {}),
      ...(supersedes ? { supersedes } : {}),
      ...(spec && today > task.periodEnd ? { late: { periodEnd: task.periodEnd, reason: lateReason } } : {})
    })
    const short = shortHash(evidence)
    ctx.sqlite
      .prepare(
        `INSERT INTO draws (draw_id, task_id, task_uid, seq, evidence, draw_sha256, short_hash, object_count, operator, witnesses, supervisor, drawn_at, supersedes_draw_id, supersede_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        drawId,
        taskId,
        task.uid,
        seq,
        JSON.stringify(evidence),
        evidence.drawSha256,
        short,
        evidence.result.length,
        operator,
        JSON.stringify(witnesses),
        evidence.people.supervisor ?? '',
        drawnAt,
        input.supersede ? current!.drawId : null,
        input.supersede?.reason.trim() ?? ''
      )
    audit(ctx, {
      action: input.supersede ? '重新随机抽取' : '随机抽取',
      entity: 'draw',
      entityId: drawId,
      detail: {
        task: task.taskNo,
        drawSha256: evidence.drawSha256,
        poolSha256: evidence.pool.sha256,
        objects: evidence.result.length,
        sources: seed.sources.map((s) => `${s.kind}:${s.label}`),
        derived: seed.derived,
        ...(input.supersede ? { supersedes: current!.drawId, reason: input.supersede.reason.trim() } : {})
      }
    })
    if (input.supersede) {
      // the superseded draw's objects were never inspected: they must not count toward R2
      const removed = ctx.sqlite.prepare(`DELETE FROM object_inspections WHERE task_uid = ?`).run(task.uid).changes
      audit(ctx, { action: '撤销被替代抽取的检查记录', entity: 'task', entityId: task.uid, detail: { drawId: current!.drawId, removed } })
    }
    recordInspections(ctx, {
      taskUid: task.uid,
      date: plan.drawDate,
      deptIds: evidence.task.departments.map((d) => d.deptId),
      codes: evidence.result.map((o) => o.code)
    })
    if (!input.supersede) advanceTask(ctx, taskId, '已抽取', drawId)
    return drawView(ctx, drawRow(ctx, drawId), evidence)
  })()
}

/**
 * Another installation receiving a re-draw: the superseded draw's objects were
 * never inspected, so their inspection rows go (R2 must not count them), while
 * objects drawn again keep theirs. Returns how many rows were removed.
 */
export function dropSupersededInspections(ctx: Ctx, drawId: string): number {
  const row = ctx.sqlite
    .prepare(`SELECT d.draw_id AS drawId, d.draw_sha256 AS drawSha256, d.supersedes_draw_id AS supersedes, t.uid AS taskUid
                FROM draws d JOIN tasks t ON t.id = d.task_id WHERE d.draw_id = ?`)
    .get(drawId) as { drawId: string; drawSha256: string; supersedes: string | null; taskUid: string } | undefined
  if (!row?.supersedes) return 0
  const keep = new Set(storedEvidence(ctx, row).result.map((o) => o.code))
  const rows = ctx.sqlite.prepare(`SELECT id, object_code AS code FROM object_inspections WHERE task_uid = ?`).all(row.taskUid) as { id: number; code: string }[]
  const stale = rows.filter((r) => !keep.has(r.code))
  const del = ctx.sqlite.prepare(`DELETE FROM object_inspections WHERE id = ?`)
  for (const r of stale) del.run(r.id)
  if (stale.length) audit(ctx, { action: '撤销被替代抽取的检查记录', entity: 'task', entityId: row.taskUid, detail: { drawId: row.supersedes, removed: stale.length } })
  return stale.length
}
