import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { getFrozenPool, publishTask } from '../../tasks/lifecycle'
import { getTaskRow } from '../../tasks/service'
import { toDrawTask } from '../../tasks/drawTask'
import { plannedSourcesSchema, type PlannedSources } from '@contract'
import { assertFeasible, prepareDraw, type PreparedDraw } from '../draw'
import { planAnnouncement, type PlanAnnouncement } from '../announcement'
import { sha256Hex, canonicalInspectors } from '../canonical'
import type { DrawTask, Exclusion, Inspector, SourceSpec } from '../types'
import { loadRoster } from './roster'

/**
 * Commit, then draw (DESIGN §4). Publishing a task's plan freezes the pool
 * (tasks/lifecycle), and here the rule as the algorithm reads it, the
 * roster and the draw date, so that nothing the draw depends on can move
 * once the 抽取方案公告 is printed.
 */

export interface StoredPlan {
  taskId: number
  taskUid: string
  drawDate: string
  task: DrawTask
  roster: Inspector[]
  rosterSha256: string
  poolSha256: string
  poolCount: number
  announcement: PlanAnnouncement
  planned: PlannedSources
  publishedAt: string
  createdBy: string
}

interface PlanRow {
  taskId: number
  taskUid: string
  drawDate: string
  roster: string
  rosterSha256: string
  poolSha256: string
  poolCount: number
  announcement: string
  plannedSources: string
  publishedAt: string
  createdBy: string
}

export function findPlan(ctx: Pick<Ctx, 'sqlite'>, taskId: number): StoredPlan | null {
  const r = ctx.sqlite
    .prepare(
      `SELECT task_id AS taskId, task_uid AS taskUid, draw_date AS drawDate, roster, roster_sha256 AS rosterSha256, pool_sha256 AS poolSha256,
              pool_count AS poolCount, announcement, planned_sources AS plannedSources, published_at AS publishedAt, created_by AS createdBy
         FROM draw_plans WHERE task_id = ?`
    )
    .get(taskId) as PlanRow | undefined
  if (!r) return null
  const stored = JSON.parse(r.announcement) as { task: DrawTask; announcement: PlanAnnouncement }
  const roster = JSON.parse(r.roster) as Inspector[]
  // the roster column is not covered by a trigger-proof hash of its own; re-check it against the one announced
  if (sha256Hex(canonicalInspectors(roster)) !== r.rosterSha256) {
    throw new UserError(`任务的冻结执法人员名单与公告的哈希值不一致，数据库可能被改动过。请从备份恢复后再抽取。`, 'tampered')
  }
  return { ...r, task: stored.task, roster, announcement: stored.announcement, planned: JSON.parse(r.plannedSources) as PlannedSources }
}

/** The plan's inputs, frozen (stored plan) or as they would be frozen now (not yet stored). */
export function prepareFromDb(ctx: Ctx, taskId: number, drawDate: string, frozen: StoredPlan | null): { prepared: PreparedDraw; exclusions: Exclusion[] } {
  const pool = getFrozenPool(ctx, taskId)
  const task = frozen ? frozen.task : toDrawTask(ctx, taskId)
  const roster = frozen ? frozen.roster : loadRoster(ctx, task.departments.map((d) => d.deptId))
  const p = prepareDraw(task, drawDate, pool.pool, roster)
  if (frozen && p.poolSha256 !== frozen.poolSha256) {
    throw new UserError(`任务的冻结对象池与公告的哈希值不一致（公告 ${frozen.poolSha256.slice(0, 16)}…，现为 ${p.poolSha256.slice(0, 16)}…），数据库可能被改动过。请从备份恢复后再抽取。`, 'tampered')
  }
  return { prepared: p, exclusions: pool.exclusions }
}

/** The announced sources as the algorithm reads them (spec §4.3). */
export function specOf(planned: PlannedSources): SourceSpec {
  for (const l of planned.publicLabels) {
    if (!/\d/.test(l) || !l.includes('期')) {
      throw new UserError(`公开数值“${l}”要写明名称和期号，例如“福彩3D 第2026300期开奖号码”，抽取时只接受这一期的号码。`, 'invalid_seed')
    }
  }
  return {
    witnesses: Math.max(planned.witnessCount, planned.witnessNames.length),
    minDigits: planned.minDigits ?? 6,
    publics: planned.publicLabels,
    ...(planned.reason ? { reason: planned.reason } : {})
  }
}

export function announce(p: PreparedDraw, planned: PlannedSources): PlanAnnouncement {
  return planAnnouncement(p, specOf(planned), planned.witnessNames)
}

/**
 * Freezes the roster, rule and draw date of a published task and stores the
 * announcement. Refuses (nothing stored) when the draw could not be made,
 * with every failing constraint: a frozen roster that cannot staff the draw
 * could never be fixed afterwards.
 */
export function prepareDrawPlan(ctx: Ctx, taskId: number, opts: { drawDate: string; planned?: Partial<PlannedSources> }): StoredPlan {
  const planned = plannedSourcesSchema.parse(opts.planned ?? {})
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, taskId)
    if (!row.publishedAt || row.status !== '方案已公布') {
      throw new UserError(`任务“${row.name}”（${row.taskNo}）当前状态为${row.status}，只有“方案已公布”且尚未抽取的任务可以冻结抽取方案。`, 'bad-transition')
    }
    if (findPlan(ctx, taskId)) throw new UserError(`任务“${row.name}”（${row.taskNo}）的抽取方案已经公布并冻结，不能再改。`, 'frozen')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.drawDate) || Number.isNaN(Date.parse(opts.drawDate))) {
      throw new UserError(`抽取日期“${opts.drawDate}”不是有效日期，请写成 YYYY-MM-DD。`, 'invalid_input')
    }
    if (opts.drawDate < row.publishedAt.slice(0, 10)) {
      throw new UserError(`抽取日期 ${opts.drawDate} 早于方案公布日期 ${row.publishedAt.slice(0, 10)}：必须先公布方案、后抽取。`, 'invalid_input')
    }
    const p = prepareFromDb(ctx, taskId, opts.drawDate, null).prepared
    assertFeasible(p)
    const announcement = announce(p, planned)
    const at = nowText()
    ctx.sqlite
      .prepare(
        `INSERT INTO draw_plans (task_id, task_uid, draw_date, roster, roster_sha256, pool_sha256, pool_count, announcement, planned_sources, published_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(taskId, row.uid, opts.drawDate, JSON.stringify(p.inspectors), p.inspectorsSha256, p.poolSha256, p.pool.length, JSON.stringify({ task: p.task, announcement }), JSON.stringify(planned), at, ctx.actor)
    audit(ctx, {
      action: '公布抽取方案',
      entity: 'task',
      entityId: row.uid,
      detail: { drawDate: opts.drawDate, poolSha256: p.poolSha256, inspectorsSha256: p.inspectorsSha256, pool: p.pool.length, inspectors: p.inspectors.length, drawCount: p.drawCount, planned }
    })
    return findPlan(ctx, taskId)!
  })()
}

/** 草稿 → 方案已公布 with pool, rule and roster frozen in one transaction; an already published task only gets its plan frozen. */
export function publishWithAnnouncement(ctx: Ctx, taskId: number, opts: { drawDate: string; planned?: Partial<PlannedSources> }): StoredPlan {
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, taskId)
    if (row.status === '草稿') publishTask(ctx, taskId)
    return prepareDrawPlan(ctx, taskId, opts)
  })()
}
