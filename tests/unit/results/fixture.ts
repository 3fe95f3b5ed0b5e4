import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { tempDir } from '../../helpers/tmp'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { createTask, getTask } from '../../../electron/services/tasks/service'
import { advanceTask, publishTask } from '../../../electron/services/tasks/lifecycle'
import { recordInspections } from '../../../electron/services/tasks/history'
import { buildItems, buildRegistry, code, deptIds } from '../tasks/fixture'
import type { DrawRuleSpec, ResultInput, Task } from '@contract'

export { code, deptIds }

/** A fresh database with the 40-object county and the items of tests/unit/tasks/fixture.ts. */
export function county(dir: string, name = 'r.db'): { wb: Workbench; ctx: Ctx } {
  const wb = new Workbench(join(dir, name))
  const ctx = { ...wb.ctx(), actor: '测试' }
  buildRegistry(ctx)
  buildItems(ctx)
  return { wb, ctx }
}

export interface CountySuite {
  dir: string
  ctx: Ctx
  /** ids of 县市场监管局 and 县卫健局, the two departments most tests use */
  SCJ: number
  WJ: number
}

/** Registers the hooks of a test file that works on one county database; call the result inside a test or a later hook. */
export function countySuite(prefix: string): () => CountySuite {
  const t = tempDir(prefix)
  let wb: Workbench | undefined
  let suite: CountySuite | undefined
  beforeAll(() => {
    const c = county(t.dir)
    wb = c.wb
    const d = deptIds(c.ctx)
    suite = { dir: t.dir, ctx: c.ctx, SCJ: d['县市场监管局']!, WJ: d['县卫健局']! }
  })
  afterAll(() => {
    wb?.close()
    t.cleanup()
  })
  return () => suite!
}

/** 50‰ for every class (the cap of the 一般 item i-label): the rule does not use the credit classes. */
export const SAME_RULE: DrawRuleSpec = { A: { mode: 'ratio', value: 50 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 50 } }
/** Different per class: the rule applies the credit-risk classification. */
export const BY_CLASS: DrawRuleSpec = { A: { mode: 'ratio', value: 20 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 40 }, D: { mode: 'ratio', value: 50 } }

export interface TaskSpec {
  taskNo: string
  start: string
  /** department name → item uids */
  depts: [string, string[]][]
  codes: string[]
  rule?: DrawRuleSpec
  drawDate?: string
}

/** A task taken through 方案已公布 to 已抽取, with the drawn objects recorded as the draw would (recordInspections). */
export function drawnTask(ctx: Ctx, s: TaskSpec): Task {
  const d = deptIds(ctx)
  const ids = s.depts.map(([name]) => d[name]!)
  const t = createTask(ctx, {
    taskNo: s.taskNo,
    name: `联合抽查任务${s.taskNo}`,
    adhocReason: '专项整治',
    initiatorDeptId: ids[0]!,
    departments: s.depts.map(([name, itemUids]) => ({ deptId: d[name]!, itemUids, inspectorsPerObject: 2 })),
    scope: { industries: ['餐饮'] },
    rule: s.rule ?? SAME_RULE,
    periodStart: s.start,
    periodEnd: `${s.start.slice(0, 4)}-12-31`
  })
  publishTask(ctx, t.id)
  advanceTask(ctx, t.id, '已抽取')
  recordInspections(ctx, { taskUid: t.uid, date: s.drawDate ?? s.start, deptIds: ids, codes: s.codes })
  return getTask(ctx, t.id)
}

/** Results for every drawn object × item of one department, all 未发现问题 unless changed by `over`. */
export function allResults(ctx: Ctx, task: Task, deptName: string, date: string, over: Record<string, Partial<ResultInput>> = {}): ResultInput[] {
  const deptId = deptIds(ctx)[deptName]!
  const part = task.departments.find((p) => p.deptId === deptId)!
  const codes = (ctx.sqlite.prepare(`SELECT object_code AS c FROM object_inspections WHERE task_uid = ? ORDER BY id`).all(task.uid) as { c: string }[]).map((r) => r.c)
  return codes.flatMap((c) =>
    part.itemUids.map((itemUid) => ({ objectCode: c, deptId, itemUid, category: '未发现问题' as const, methods: ['实地检查' as const], checkDate: date, ...over[`${c}|${itemUid}`] }))
  )
}
