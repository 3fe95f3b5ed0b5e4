import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { listAudit, verifyAuditChain } from '../../../electron/services/audit/log'
import { createTask, deleteTask, getTask, updateTask } from '../../../electron/services/tasks/service'
import { advanceTask, cancelTask, getFrozenPool, publishTask } from '../../../electron/services/tasks/lifecycle'
import { previewEligibility } from '../../../electron/services/tasks/preview'
import { toDrawTask } from '../../../electron/services/tasks/drawTask'
import type { TaskInput } from '@contract'
import { tempDir } from '../../helpers/tmp'
import { buildHistory, buildItems, buildRegistry, code, deptIds } from './fixture'

const t = tempDir('suiji-tasks-')
let wb: Workbench
let ctx: Ctx
let d: Record<string, number>

beforeAll(() => {
  wb = new Workbench(join(t.dir, 'tasks.db'))
  ctx = wb.ctx()
  buildRegistry(ctx)
  buildItems(ctx)
  buildHistory(ctx)
  d = deptIds(ctx)
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

/** 餐饮 market objects T0001–T0020, plus T0033 named in, minus T0004 named out. */
const scope = { kinds: ['market' as const], industries: ['餐饮'], include: ['t0033'], exclude: [' T0004 '] }
const rule = { A: { mode: 'ratio' as const, value: 100 }, B: { mode: 'count' as const, value: 2 }, C: { mode: 'ratio' as const, value: 500 }, D: { mode: 'ratio' as const, value: 1000 } }

function input(over: Partial<TaskInput> = {}): TaskInput {
  return {
    name: '2026年餐饮服务单位食品安全与消防安全联合抽查',
    adhocReason: '专项整治',
    initiatorDeptId: d['县市场监管局']!,
    departments: [
      { deptId: d['县市场监管局']!, itemUids: ['i-food'], inspectorsPerObject: 2 },
      { deptId: d['县卫健局']!, itemUids: ['i-health'], inspectorsPerObject: 1 }
    ],
    scope,
    rule,
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    ...over
  }
}

describe('eligibility preview against the hand-counted fixture', () => {
  it('counts in scope, exclusions by reason (R2, R4, list) and the draw per class', () => {
    const p = previewEligibility(ctx, { year: 2026, scope, rule, taskUid: 'own' })
    // in scope: T0001–T0020 and T0033 = 21; A: 1 5 9 13 17 33, B: 2 6 10 14 18, C: 3 7 11 15 19, D: 4 8 12 16 20
    expect(p.byClass.A).toEqual({ inScope: 6, excluded: { listed: 0, notActive: 0, yearCap: 0, classACap: 1 }, eligible: 5, toDraw: 1 }) // T0005; 10 % of 5 rounds up
    expect(p.byClass.B).toEqual({ inScope: 5, excluded: { listed: 0, notActive: 1, yearCap: 1, classACap: 0 }, eligible: 3, toDraw: 2 }) // T0010 注销, T0002 twice
    expect(p.byClass.C).toEqual({ inScope: 5, excluded: { listed: 0, notActive: 0, yearCap: 0, classACap: 0 }, eligible: 5, toDraw: 3 }) // T0003 counted once
    expect(p.byClass.D).toEqual({ inScope: 5, excluded: { listed: 1, notActive: 1, yearCap: 0, classACap: 0 }, eligible: 3, toDraw: 3 }) // T0004 listed, T0020 注销
    expect(p.total).toEqual({ inScope: 21, excluded: { listed: 1, notActive: 2, yearCap: 1, classACap: 1 }, eligible: 16, toDraw: 9 })
    expect(Object.fromEntries(p.exclusions.map((e) => [e.reason, e.count]))).toEqual({
      '任务方案列明排除': 1,
      '登记状态为“注销”，不属于本任务可抽查的登记状态（存续）': 2,
      '本年度已被抽查 2 次，同一对象每年抽查不超过两次': 1,
      '信用风险 A 类（低风险）对象本年度已被抽查 1 次，每年不超过一次': 1
    })
  })

  it('counts the task’s own earlier visit only when previewed as another task, and 2025 never', () => {
    const p = previewEligibility(ctx, { year: 2026, scope, rule })
    expect(p.byClass.A.excluded.classACap).toBe(2) // T0001 (by 'own') and T0005
    const in2025 = previewEligibility(ctx, { year: 2025, scope, rule })
    expect(in2025.byClass.A.excluded.classACap).toBe(1) // T0009 in 2025
    expect(in2025.byClass.B.excluded.yearCap).toBe(0)
  })

  it('lets a task include other statuses explicitly (R4 “unless the task says otherwise”)', () => {
    const p = previewEligibility(ctx, { year: 2026, scope: { ...scope, regStatus: ['存续', '注销'] }, rule, taskUid: 'own' })
    expect(p.total.excluded.notActive).toBe(0)
    expect(p.byClass.B.excluded.yearCap).toBe(2) // T0010 is now judged by its history: twice
  })
})

describe('R1 and R3 when saving a task', () => {
  it('refuses an item that is not on the department’s own list, naming item and department', () => {
    const bad = input({ departments: [{ deptId: d['县市场监管局']!, itemUids: ['i-food', 'i-fire'], inspectorsPerObject: 2 }] })
    expect(() => createTask(ctx, bad)).toThrowError(/事项“消防安全检查”不在县市场监管局的随机抽查事项清单中（属于县消防救援大队）/)
    expect(ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM tasks').get()).toEqual({ n: 0 })
  })

  it('caps every class ratio by the smallest cap of the 一般 items, naming the item', () => {
    const parts = [
      { deptId: d['县市场监管局']!, itemUids: ['i-food', 'i-label'], inspectorsPerObject: 2 },
      { deptId: d['县消防救援大队']!, itemUids: ['i-fire'], inspectorsPerObject: 1 }
    ]
    const r = { ...rule, A: { mode: 'ratio' as const, value: 40 }, C: { mode: 'ratio' as const, value: 30 }, D: { mode: 'ratio' as const, value: 30 } }
    expect(() => createTask(ctx, input({ departments: parts, rule: r }))).toThrowError(/A 类对象的抽查比例 4% 超过了一般事项“消防安全检查”（县消防救援大队）的比例上限 3%/)
    // 重点 items alone: no cap at all
    expect(createTask(ctx, input({ rule: { ...rule, A: { mode: 'ratio', value: 1000 } } })).status).toBe('草稿')
  })

  it('reports a count above what the capped ratio allows as a problem in the preview', () => {
    const p = previewEligibility(ctx, {
      year: 2026,
      scope,
      rule: { A: { mode: 'ratio', value: 30 }, B: { mode: 'count', value: 2 }, C: { mode: 'ratio', value: 0 }, D: { mode: 'ratio', value: 0 } },
      departments: [{ deptId: d['县消防救援大队']!, itemUids: ['i-fire'] }],
      taskUid: 'own'
    })
    // B: 3 eligible, 30‰ of 3 rounds up to 1, so 2 is too many
    expect(p.problems).toEqual([expect.stringContaining('B 类对象抽取 2 户，超过一般事项“消防安全检查”（县消防救援大队）的比例上限 3%：本类可抽对象 3 户，最多抽 1 户。')])
  })

  it('requires a reason for an ad-hoc task and two certified inspectors per object', () => {
    expect(() => createTask(ctx, input({ adhocReason: null }))).toThrowError('不在年度计划内的临时任务必须说明事由：上级交办、投诉举报、专项整治或其他。')
    expect(() =>
      createTask(ctx, input({ departments: [{ deptId: d['县市场监管局']!, itemUids: ['i-food'], inspectorsPerObject: 1 }] }))
    ).toThrowError(/至少需要 2 名持有执法证的检查人员/)
  })
})

describe('lifecycle', () => {
  it('edits a draft, then publishing freezes scope, rule and pool; every step is audited', () => {
    const task = createTask(ctx, input({ taskNo: '2026-010' }))
    expect(task.jointDeptIds).toEqual([d['县卫健局']])
    const edited = updateTask(ctx, { id: task.id, periodEnd: '2026-07-31' })
    expect(edited.periodEnd).toBe('2026-07-31')

    const published = publishTask(ctx, task.id)
    expect(published.status).toBe('方案已公布')
    expect(() => updateTask(ctx, { id: task.id, rule: { ...rule, A: { mode: 'ratio', value: 200 } } })).toThrowError(
      /的抽查方案已于 .+ 公布（当前状态：方案已公布），抽查范围、抽取规则等内容已冻结，不能再修改/
    )
    expect(() => updateTask(ctx, { id: task.id, name: '改个名字也不行' })).toThrowError(/已冻结/)
    expect(() => deleteTask(ctx, task.id)).toThrowError(/不能删除，只能取消并说明原因/)

    // T0001's visit was by task 'own', which is another task for this one: A loses T0001 and T0005
    const frozen = getFrozenPool(ctx, task.id)
    expect(frozen.countsByClass).toEqual({ A: 4, B: 3, C: 5, D: 3 })
    expect(frozen.pool.map((p) => p.code)).toEqual([3, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 33].map(code))
    expect(frozen.exclusions.map((e) => e.code)).toEqual([1, 2, 4, 5, 10, 20].map(code))
    expect(frozen.exclusions.find((e) => e.code === code(2))!.reason).toBe('本年度已被抽查 2 次，同一对象每年抽查不超过两次')

    // a registry change after publication does not move the frozen pool
    ctx.sqlite.prepare(`UPDATE objects SET reg_status = '注销' WHERE code = ?`).run(code(3))
    expect(getFrozenPool(ctx, task.id).pool.map((p) => p.code)).toContain(code(3))

    expect(() => advanceTask(ctx, task.id, '已完成')).toThrowError('任务“2026年餐饮服务单位食品安全与消防安全联合抽查”（2026-010）当前状态为方案已公布，不能直接改为已完成，下一步应为已抽取。')
    advanceTask(ctx, task.id, '已抽取')
    advanceTask(ctx, task.id, '检查中')
    expect(() => cancelTask(ctx, task.id, '')).toThrowError('取消任务必须填写原因。')
    const cancelled = cancelTask(ctx, task.id, '上级通知暂停')
    expect(cancelled).toMatchObject({ status: '已取消', cancelReason: '上级通知暂停', cancelledFrom: '检查中' })

    const trail = listAudit(ctx, { entity: 'task', entityId: task.uid }).map((e) => e.action)
    expect(trail).toEqual(['取消抽查任务', '任务状态变更：检查中', '任务状态变更：已抽取', '公布抽查方案', '修改抽查任务', '新建抽查任务'])
    expect(verifyAuditChain(ctx).ok).toBe(true)
    ctx.sqlite.prepare(`UPDATE objects SET reg_status = '存续' WHERE code = ?`).run(code(3))
  })

  it('runs the whole way to 已公示 and cannot be cancelled once completed', () => {
    const task = createTask(ctx, input())
    publishTask(ctx, task.id)
    for (const s of ['已抽取', '检查中', '已完成'] as const) advanceTask(ctx, task.id, s)
    expect(() => cancelTask(ctx, task.id, '太晚了')).toThrowError(/检查已经完成，不能再取消/)
    expect(advanceTask(ctx, task.id, '已公示').status).toBe('已公示')
    expect(() => advanceTask(ctx, task.id, '已公示')).toThrowError(/当前状态为已公示，不能直接改为已公示/)
  })

  it('deletes a draft (audited) and numbers tasks per year', () => {
    const a = createTask(ctx, input())
    expect(a.taskNo).toMatch(/^2026-\d{3}$/)
    deleteTask(ctx, a.id)
    expect(() => getTask(ctx, a.id)).toThrowError(/找不到编号为/)
    expect(listAudit(ctx, { entity: 'task', entityId: a.uid }).map((e) => e.action)).toEqual(['删除抽查任务草稿', '新建抽查任务'])
    expect(() => createTask(ctx, input({ taskNo: '2026-010' }))).toThrowError(/任务编号 2026-010 已被任务/)
  })

  it('refuses to publish a rule that draws nothing', () => {
    const zero = { A: { mode: 'ratio' as const, value: 0 }, B: { mode: 'count' as const, value: 0 }, C: { mode: 'ratio' as const, value: 0 }, D: { mode: 'count' as const, value: 0 } }
    const task = createTask(ctx, input({ rule: zero }))
    expect(() => publishTask(ctx, task.id)).toThrowError(/一户也抽不到/)
    expect(getTask(ctx, task.id).status).toBe('草稿')
  })

  it('gives the draw its task: departments, item uids, specialities of the items (R7)', () => {
    const task = createTask(ctx, input())
    const dt = toDrawTask(ctx, task.id)
    expect(dt.departments[0]).toMatchObject({ deptId: d['县市场监管局'], deptName: '县市场监管局', itemIds: ['i-food'], requiredSpecialties: ['食品安全'], inspectorsPerObject: 2 })
    expect(dt.rule).toEqual(rule)
    expect(dt.leaderFromInitiator).toBe(true)
  })
})
