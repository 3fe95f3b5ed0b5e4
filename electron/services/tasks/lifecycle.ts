import { eq } from 'drizzle-orm'
import { tasks } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { CREDIT_CLASSES, type CreditClassName, type FrozenPool, type Task, type TaskStatus } from '@contract'
import { frozenMessage, getTaskRow, toTask, validateTask } from './service'
import { deptMap } from './rules'
import { listPool } from './eligibility'
import { previewEligibility } from './preview'

/** The only forward steps; 方案已公布 is reached through publishTask, which freezes the pool. */
const NEXT: Partial<Record<TaskStatus, TaskStatus>> = {
  方案已公布: '已抽取',
  已抽取: '检查中',
  检查中: '已完成',
  已完成: '已公示'
}
const CANCELLABLE: TaskStatus[] = ['草稿', '方案已公布', '已抽取', '检查中']

/**
 * 草稿 → 方案已公布: re-checks the task, refuses a rule that would draw nothing
 * or break a 一般 item's cap, and stores the pool — every object in scope
 * with its verdict — so that the draw works on exactly what was published.
 */
export function publishTask(ctx: Ctx, id: number): Task {
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, id)
    if (row.status !== '草稿') throw new UserError(`任务“${row.name}”（${row.taskNo}）当前状态为${row.status}，只有草稿可以公布方案。`, 'bad-transition')
    const task = toTask(row)
    validateTask(ctx, {
      ...task,
      departments: task.departments.map(({ deptName: _n, ...p }) => p),
      adhocReason: task.adhocReason as never
    }, id)
    const preview = previewEligibility(ctx, task)
    if (preview.problems.length) throw new UserError(`抽取规则有问题，不能公布：${preview.problems.join('')}请修改后再公布。`, 'rule-problem')
    if (preview.total.toDraw === 0) {
      throw new UserError(`按当前的抽查范围和比例，一户也抽不到（范围内 ${preview.total.inScope} 户，可抽 ${preview.total.eligible} 户）。请扩大范围或调整比例后再公布。`, 'empty-draw')
    }
    const pool = listPool(ctx, { year: row.year, scope: task.scope, taskUid: row.uid })
    const ins = ctx.sqlite.prepare(`INSERT INTO task_pool (task_id, code, name, township, credit_class, excluded_reason) VALUES (?, ?, ?, ?, ?, ?)`)
    ctx.sqlite.prepare(`DELETE FROM task_pool WHERE task_id = ?`).run(id)
    for (const p of pool) ins.run(id, p.code, p.name, p.township, p.creditClass, p.excludedReason)
    const at = nowText()
    const saved = ctx.db.update(tasks).set({ status: '方案已公布', publishedAt: at, updatedAt: at }).where(eq(tasks.id, id)).returning().get()
    audit(ctx, {
      action: '公布抽查方案',
      entity: 'task',
      entityId: row.uid,
      detail: {
        from: '草稿',
        to: '方案已公布',
        inScope: preview.total.inScope,
        eligible: preview.total.eligible,
        excluded: pool.length - preview.total.eligible,
        toDraw: preview.total.toDraw,
        byClass: Object.fromEntries(CREDIT_CLASSES.map((c) => [c, { eligible: preview.byClass[c].eligible, toDraw: preview.byClass[c].toDraw }]))
      }
    })
    return toTask(saved, deptMap(ctx))
  })()
}

/** One step forward along 已抽取 → 检查中 → 已完成 → 已公示 (the draw and result services call this). */
export function advanceTask(ctx: Ctx, id: number, to: TaskStatus, note = ''): Task {
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, id)
    if (to === '方案已公布') return publishTask(ctx, id)
    if (NEXT[row.status] !== to) {
      const expected = NEXT[row.status]
      throw new UserError(
        `任务“${row.name}”（${row.taskNo}）当前状态为${row.status}，不能直接改为${to}${expected ? `，下一步应为${expected}` : ''}。`,
        'bad-transition'
      )
    }
    const saved = ctx.db.update(tasks).set({ status: to, updatedAt: nowText() }).where(eq(tasks.id, id)).returning().get()
    audit(ctx, { action: `任务状态变更：${to}`, entity: 'task', entityId: row.uid, detail: { from: row.status, to, note } })
    return toTask(saved, deptMap(ctx))
  })()
}

export function cancelTask(ctx: Ctx, id: number, reason: string): Task {
  const why = reason.trim()
  if (why.length < 2) throw new UserError('取消任务必须填写原因。', 'reason-required')
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, id)
    if (!CANCELLABLE.includes(row.status)) {
      throw new UserError(
        row.status === '已取消' ? `任务“${row.name}”（${row.taskNo}）已经取消。` : `任务“${row.name}”（${row.taskNo}）已${row.status}，检查已经完成，不能再取消。`,
        'bad-transition'
      )
    }
    const saved = ctx.db
      .update(tasks)
      .set({ status: '已取消', cancelReason: why, cancelledFrom: row.status, updatedAt: nowText() })
      .where(eq(tasks.id, id))
      .returning()
      .get()
    audit(ctx, { action: '取消抽查任务', entity: 'task', entityId: row.uid, detail: { from: row.status, to: '已取消', reason: why } })
    return toTask(saved, deptMap(ctx))
  })()
}

/** The pool as frozen at publication, for the draw: eligible entries and exclusions, both in code order. */
export function getFrozenPool(ctx: Pick<Ctx, 'db' | 'sqlite'>, taskId: number): FrozenPool {
  const row = getTaskRow(ctx, taskId)
  if (!row.publishedAt) throw new UserError(`任务“${row.name}”（${row.taskNo}）的方案尚未公布，抽查对象库还没有冻结。请先公布方案。`, 'not-published')
  const rows = ctx.sqlite
    .prepare(`SELECT code, name, township, credit_class AS creditClass, excluded_reason AS reason FROM task_pool WHERE task_id = ? ORDER BY code`)
    .all(taskId) as { code: string; name: string; township: string; creditClass: CreditClassName; reason: string | null }[]
  const countsByClass = { A: 0, B: 0, C: 0, D: 0 }
  const pool: FrozenPool['pool'] = []
  const exclusions: FrozenPool['exclusions'] = []
  for (const r of rows) {
    if (r.reason === null) {
      pool.push({ code: r.code, name: r.name, township: r.township, creditClass: r.creditClass })
      countsByClass[r.creditClass]++
    } else exclusions.push({ code: r.code, name: r.name, reason: r.reason })
  }
  return { taskId, taskUid: row.uid, publishedAt: row.publishedAt, pool, exclusions, countsByClass }
}

