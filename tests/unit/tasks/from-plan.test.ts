/** A task drafted from a plan entry keeps the plan's 抽查比例, read through the API as the editor reads it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { DrawRuleSpec, TaskInput } from '@contract'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { Workbench } from '../../../electron/services/workbench'
import { createPlanEntry } from '../../../electron/services/plans/service'
import { ruleFromRatioText } from '../../../electron/services/tasks/planRatio'
import { tempDir } from '../../helpers/tmp'
import { buildItems, buildRegistry, deptIds } from './fixture'

const t = tempDir('suiji-from-plan-')
let wb: Workbench
beforeAll(() => {
  wb = new Workbench(join(t.dir, 'p.db'))
  buildRegistry(wb.ctx())
  buildItems(wb.ctx())
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

const each = (v: number): DrawRuleSpec => ({ A: { mode: 'ratio', value: v }, B: { mode: 'ratio', value: v }, C: { mode: 'ratio', value: v }, D: { mode: 'ratio', value: v } })

describe('task from a plan entry', () => {
  it('drafts the rule from the plan’s 抽查比例, then creates and saves the task with it', async () => {
    const ctx = wb.ctx()
    const d = deptIds(ctx)
    const entry = createPlanEntry(ctx, {
      year: 2026,
      planName: '2026年度联合抽查计划',
      taskName: '餐饮服务单位食品安全联合检查',
      ratioText: '5%',
      itemUids: ['i-food', 'i-health'],
      scope: { industries: ['餐饮'] },
      initiatorDeptId: d['县市场监管局']!,
      jointDeptIds: [d['县卫健局']!],
      drawDate: '2026-04'
    })
    const env = await dispatch(handlers, wb, 'tasks.draftFromPlan', { planEntryId: entry.id })
    expect(env.ok).toBe(true)
    const draft = (env as { data: TaskInput }).data
    expect(draft.rule).toEqual(each(50))
    const created = await dispatch(handlers, wb, 'tasks.create', draft)
    expect(created.ok).toBe(true)
    const row = ctx.sqlite.prepare(`SELECT rule FROM tasks WHERE plan_entry_uid = ?`).get(entry.uid) as { rule: string }
    expect(JSON.parse(row.rule)).toEqual(each(50))
  })

  it('reads the ways plans write a ratio, and admits when it cannot', () => {
    expect(ruleFromRatioText('5%')).toEqual(each(50))
    expect(ruleFromRatioText('５％')).toEqual(each(50))
    expect(ruleFromRatioText('不低于 3 %')).toEqual(each(30))
    expect(ruleFromRatioText('2.5‰')).toEqual(each(3))
    expect(ruleFromRatioText('0.5%')).toEqual(each(5))
    expect(ruleFromRatioText('A类1%、B类3%、C类5%、D类10%')).toEqual({ A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 100 } })
    expect(ruleFromRatioText('a类企业1%，D类企业10%')).toEqual({ A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 0 }, C: { mode: 'ratio', value: 0 }, D: { mode: 'ratio', value: 100 } })
    expect(ruleFromRatioText('B、C类5%')).toEqual({ A: { mode: 'ratio', value: 0 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 0 } })
    expect(ruleFromRatioText('抽取20户')).toBeNull()
    expect(ruleFromRatioText('')).toBeNull()
  })
})
