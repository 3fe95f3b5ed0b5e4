import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { tempDir } from '../../helpers/tmp'
import type { Ctx } from '../../../electron/services/context'
import type { Workbench } from '../../../electron/services/workbench'
import type { IndicatorSet } from '@contract'
import { createTask } from '../../../electron/services/tasks/service'
import { closeFollowUp, listFollowUps, publishResults, saveResults } from '../../../electron/services/results'
import { exportDashboard, statsDashboard, statsDetail } from '../../../electron/services/dashboard'
import { allResults, BY_CLASS, code, county, deptIds, drawnTask, SAME_RULE } from '../results/fixture'
import { approveAll } from '../../helpers/review'

/**
 * A year counted by hand. Registry: 40 objects, 3 of them 注销/吊销 → 37 存续.
 *   T1 2026-201 市场监管局            same ratio     objects 1 3 5   results: 3 → 发现问题已责令改正 (无须处置, closed)   published on time
 *   T2 2026-202 市场监管局 + 卫健局   by class       objects 3 7     scj: 7 → 发现问题待后续处理 (移送办案, open); wj: 3 → 不合格 (closed by hand), 7 → 合格   published late
 *   T3 2026-203 卫健局 + 住建局       by class       objects 5 9 11  wj only: 5 → 未按规定公示… (open), 9 → 未发现开展…   not complete
 *   T4 2026-204 住建局                by class       object 13       no results
 *   T5 2026-206 市场监管局            same ratio     object 15       未发现问题, complete, never published, past its deadline
 *   plus a draft 2026-205 that does not count.
 */
const t = tempDir('suiji-dashboard-')
let wb: Workbench
let ctx: Ctx
const TODAY = '2026-11-20'

beforeAll(() => {
  ;({ wb, ctx } = county(t.dir))
  const d = deptIds(ctx)
  const t1 = drawnTask(ctx, { taskNo: '2026-201', start: '2026-03-01', depts: [['县市场监管局', ['i-food']]], codes: [code(1), code(3), code(5)], rule: SAME_RULE })
  saveResults(ctx, t1.id, allResults(ctx, t1, '县市场监管局', '2026-03-10', { [`${code(3)}|i-food`]: { category: '发现问题已责令改正' } }))
  approveAll(ctx, t1.id)
  publishResults(ctx, t1.id, '2026-03-20')

  const t2 = drawnTask(ctx, { taskNo: '2026-202', start: '2026-04-01', depts: [['县市场监管局', ['i-food']], ['县卫健局', ['i-health']]], codes: [code(3), code(7)], rule: BY_CLASS })
  saveResults(ctx, t2.id, [
    ...allResults(ctx, t2, '县市场监管局', '2026-04-10', { [`${code(7)}|i-food`]: { category: '发现问题待后续处理', disposal: '移送办案机构', caseNo: '案2026-7' } }),
    ...allResults(ctx, t2, '县卫健局', '2026-04-10', { [`${code(3)}|i-health`]: { category: '不合格', disposal: '责令改正' }, [`${code(7)}|i-health`]: { category: '合格' } })
  ])
  const wjOpen = listFollowUps(ctx, { deptId: d['县卫健局'] }).find((f) => f.objectCode === code(3))!
  closeFollowUp(ctx, { resultId: wjOpen.resultId, date: '2026-04-30', note: '复查合格' })
  approveAll(ctx, t2.id)
  publishResults(ctx, t2.id, '2026-05-20') // due 2026-05-12

  const t3 = drawnTask(ctx, { taskNo: '2026-203', start: '2026-05-06', depts: [['县卫健局', ['i-health']], ['县住建局', ['i-build']]], codes: [code(5), code(9), code(11)], rule: BY_CLASS })
  const wj3 = allResults(ctx, t3, '县卫健局', '2026-05-15', {
    [`${code(5)}|i-health`]: { category: '未按规定公示应当公示的信息', disposal: '责令改正' },
    [`${code(9)}|i-health`]: { category: '未发现开展本次抽查涉及的经营活动' }
  })
  saveResults(ctx, t3.id, wj3.filter((r) => r.objectCode !== code(11)))

  drawnTask(ctx, { taskNo: '2026-204', start: '2026-06-01', depts: [['县住建局', ['i-build']]], codes: [code(13)], rule: BY_CLASS })
  createTask(ctx, {
    taskNo: '2026-205',
    name: '草稿任务不计入',
    adhocReason: '专项整治',
    initiatorDeptId: d['县市场监管局']!,
    departments: [{ deptId: d['县市场监管局']!, itemUids: ['i-food'], inspectorsPerObject: 2 }, { deptId: d['县卫健局']!, itemUids: ['i-health'], inspectorsPerObject: 1 }],
    scope: { industries: ['餐饮'] },
    rule: BY_CLASS,
    periodStart: '2026-07-01',
    periodEnd: '2026-12-31'
  })
  const t5 = drawnTask(ctx, { taskNo: '2026-206', start: '2026-06-01', depts: [['县市场监管局', ['i-food']]], codes: [code(15)], rule: SAME_RULE })
  saveResults(ctx, t5.id, allResults(ctx, t5, '县市场监管局', '2026-06-01'))
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

const fig = (s: IndicatorSet) => Object.fromEntries(s.indicators.map((i) => [i.key, [i.numerator, i.denominator]]))

describe('indicators of a hand-counted year', () => {
  it('overall', () => {
    const s = statsDashboard(ctx, 2026, TODAY).overall
    expect(s.tasks).toBe(5)
    expect(s.results).toBe(10) // 3 + 4 + 2 + 0 + 1
    expect(fig(s)).toEqual({
      coverage: [8, 37], // objects 1 3 5 7 9 11 13 15 of 37 存续
      joint: [2, 5], // T2, T3
      creditUse: [3, 5], // T2, T3, T4
      onTime: [1, 3], // T1 on time; T2 late; T5 past due unpublished; T3/T4 not complete
      disposal: [2, 4], // T1 3 (无须处置) and T2 wj 3 closed; T2 scj 7 and T3 5 open
      repeat: [2, 8] // 3 (T1, T2) and 5 (T1, T3)
    })
    expect(s.indicators.find((i) => i.key === 'creditUse')).toMatchObject({ rate: 0.6, target: 0.9 })
    const cats = Object.fromEntries(s.categories.filter((c) => c.count).map((c) => [c.category, c.count]))
    expect(cats).toEqual({
      未发现问题: 4,
      发现问题已责令改正: 1,
      发现问题待后续处理: 1,
      不合格: 1,
      合格: 1,
      未按规定公示应当公示的信息: 1,
      未发现开展本次抽查涉及的经营活动: 1
    })
  })

  it('per department', () => {
    const all = statsDashboard(ctx, 2026, TODAY)
    const by = (name: string) => all.byDept.find((x) => x.deptName === name)!
    expect(fig(by('县市场监管局'))).toEqual({ coverage: [5, 37], joint: [1, 3], creditUse: [1, 3], onTime: [1, 3], disposal: [1, 2], repeat: [1, 5] })
    expect(fig(by('县卫健局'))).toEqual({ coverage: [5, 37], joint: [2, 2], creditUse: [2, 2], onTime: [0, 1], disposal: [1, 2], repeat: [0, 5] })
    expect(fig(by('县住建局'))).toEqual({ coverage: [4, 37], joint: [1, 2], creditUse: [2, 2], onTime: [0, 0], disposal: [0, 0], repeat: [0, 4] })
    expect(by('县住建局').indicators.find((i) => i.key === 'onTime')!.rate).toBeNull()
    expect(by('县公安局').tasks).toBe(0)
    expect(all.byDept.length).toBe(30)
  })

  it('another year is empty', () => {
    const s = statsDashboard(ctx, 2025, TODAY).overall
    expect(fig(s)).toEqual({ coverage: [0, 37], joint: [0, 0], creditUse: [0, 0], onTime: [0, 0], disposal: [0, 0], repeat: [0, 0] })
  })

  it('every figure opens to the list behind it', () => {
    expect(statsDetail(ctx, 2026, 'repeat', undefined, TODAY).rows).toEqual([
      [code(3), '对象3', 2, '2026-201、2026-202'],
      [code(5), '对象5', 2, '2026-201、2026-203']
    ])
    expect(statsDetail(ctx, 2026, 'coverage', undefined, TODAY).rows).toHaveLength(8)
    expect(statsDetail(ctx, 2026, 'onTime', undefined, TODAY).rows.map((r) => [r[0], r[4], r[5]])).toEqual([
      ['2026-201', '2026-03-20', '是'],
      ['2026-202', '2026-05-20', '否'],
      ['2026-206', '未公示', '否']
    ])
    const wj = deptIds(ctx)['县卫健局']!
    expect(statsDetail(ctx, 2026, 'disposal', wj, TODAY).rows.map((r) => [r[0], r[4], r[6]])).toEqual([
      ['2026-202', '不合格', '2026-04-30'],
      ['2026-203', '未按规定公示应当公示的信息', '未办结']
    ])
    expect(statsDetail(ctx, 2026, 'creditUse', undefined, TODAY).rows.map((r) => r[6])).toEqual(['否', '是', '是', '是', '否'])
    expect(statsDetail(ctx, 2026, 'categories', undefined, TODAY).rows).toHaveLength(10)
  })

  it('exports the annual summary as .xlsx and .docx', async () => {
    const x = await exportDashboard(ctx, 2026, 'xlsx', join(t.dir, 'summary.xlsx'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(x.file)
    const ws = book.getWorksheet('年度指标')!
    expect(ws.getCell(4, 1).text).toBe('全县')
    expect(ws.getCell(4, 2).value).toBe(5)
    expect(ws.getRow(3).values).toContain('信用风险分类结果应用率')
    expect(book.getWorksheet('检查结果分类')!.getCell(2, 1).text).toBe('未发现问题')
    const d = await exportDashboard(ctx, 2026, 'docx', join(t.dir, 'summary.docx'))
    const xml = await (await JSZip.loadAsync(readFileSync(d.file))).file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('2026年度“双随机、一公开”监管工作指标汇总')
    expect(text).toContain('信用风险分类结果应用率60.0%')
    expect(text).toContain('县公安局')
  })
})
