import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { listAudit } from '../../../electron/services/audit/log'
import { listDepartments, updateDepartment } from '../../../electron/services/departments/service'
import { createPlanEntry, listPlanEntries, updatePlanEntry } from '../../../electron/services/plans/service'
import { mergePlanEntries, overlapReport, r12Report, suggestMerges } from '../../../electron/services/plans/county'
import { exportPlanXlsx, PLAN_HEADERS } from '../../../electron/services/plans/xlsx'
import { importPlanXlsx } from '../../../electron/services/plans/importXlsx'
import { cancelTask, publishTask } from '../../../electron/services/tasks/lifecycle'
import { createTask } from '../../../electron/services/tasks/service'
import { getSettings } from '../../../electron/services/settings/service'
import { tempDir } from '../../helpers/tmp'
import { buildItems, buildRegistry, deptIds } from '../tasks/fixture'

const t = tempDir('suiji-plans-')
let wb: Workbench
let ctx: Ctx
let d: Record<string, number>

function fresh(name: string): { wb: Workbench; ctx: Ctx; d: Record<string, number> } {
  const w = new Workbench(join(t.dir, name))
  const c = w.ctx()
  buildRegistry(c)
  buildItems(c)
  return { wb: w, ctx: c, d: deptIds(c) }
}

beforeAll(() => {
  ;({ wb, ctx, d } = fresh('plans.db'))
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

const ratio = { A: { mode: 'ratio' as const, value: 10 }, B: { mode: 'ratio' as const, value: 30 }, C: { mode: 'ratio' as const, value: 50 }, D: { mode: 'ratio' as const, value: 100 } }

describe('a year of plans for several departments', () => {
  it('computes 抽查对象总数 from the registry, and refuses items outside the departments’ lists', () => {
    const e = createPlanEntry(ctx, {
      year: 2026,
      planName: '2026年度市场监管部门联合抽查计划',
      taskName: '餐饮服务单位食品安全联合检查',
      checkType: '不定向',
      ratioText: '5%',
      itemUids: ['i-food', 'i-health'],
      scope: { kinds: ['market'], industries: ['餐饮'] },
      initiatorDeptId: d['县市场监管局']!,
      jointDeptIds: [d['县卫健局']!],
      drawDate: '2026-04'
    })
    // 餐饮 T0001–T0020 minus T0010, T0020 (注销)
    expect(e.objectTotal).toBe(18)
    expect(e.jointDeptNames).toEqual(['县卫健局'])
    expect(e.itemNames).toEqual(['餐饮服务食品安全检查', '餐饮具集中消毒单位检查'])
    expect(() =>
      createPlanEntry(ctx, { year: 2026, planName: '计划', taskName: '消防检查', itemUids: ['i-fire'], initiatorDeptId: d['县市场监管局']!, jointDeptIds: [] })
    ).toThrowError('事项“消防安全检查”属于县消防救援大队的抽查事项清单，不在检查发起机关县市场监管局或联合机关的清单中。请把县消防救援大队列为联合机关，或改选清单内的事项。')
    expect(listAudit(ctx, { entity: 'plan', entityId: e.uid }).map((a) => a.action)).toEqual(['新增年度计划条目'])
  })

  it('R12 names exactly the active members that neither initiate nor join a joint inspection', () => {
    const base = { year: 2026, planName: '2026年度部门联合抽查计划', checkType: '不定向' as const, ratioText: '3%' }
    createPlanEntry(ctx, { ...base, taskName: '建筑施工安全联合检查', itemUids: ['i-build', 'i-safety'], initiatorDeptId: d['县住建局']!, jointDeptIds: [d['县应急管理局']!], scope: { industries: ['食品销售'] } })
    // alone: not a joint inspection, so 消防 is still missing
    createPlanEntry(ctx, { ...base, taskName: '消防安全检查', itemUids: ['i-fire'], initiatorDeptId: d['县消防救援大队']!, jointDeptIds: [], scope: { townships: ['城关镇'] } })
    // another year does not count
    createPlanEntry(ctx, { ...base, year: 2025, taskName: '旧计划', initiatorDeptId: d['县税务局']!, jointDeptIds: [d['县统计局']!] })
    // a task: 商务局 with 公安局
    createTask(ctx, {
      name: '单用途预付卡与旅馆业联合检查',
      adhocReason: '投诉举报',
      initiatorDeptId: d['县商务局']!,
      departments: [
        { deptId: d['县商务局']!, itemUids: ['i-trade'], inspectorsPerObject: 1 },
        { deptId: d['县公安局']!, itemUids: ['i-police'], inspectorsPerObject: 1 }
      ],
      scope: {},
      rule: ratio,
      periodStart: '2026-05-01',
      periodEnd: '2026-05-31'
    })
    // a cancelled task does not count: 消防 stays missing
    const gone = createTask(ctx, {
      name: '卷烟零售专项检查',
      adhocReason: '上级交办',
      initiatorDeptId: d['县市场监管局']!,
      departments: [
        { deptId: d['县市场监管局']!, itemUids: ['i-food'], inspectorsPerObject: 1 },
        { deptId: d['县消防救援大队']!, itemUids: ['i-fire'], inspectorsPerObject: 1 }
      ],
      scope: {},
      rule: { A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 30 }, D: { mode: 'count', value: 1 } },
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30'
    })
    publishTask(ctx, gone.id)
    cancelTask(ctx, gone.id, '上级取消部署')
    // an inactive department is not asked for
    updateDepartment(ctx, { id: d['人行']!, active: false })

    const joined = new Set(['县市场监管局', '县卫健局', '县住建局', '县应急管理局', '县商务局', '县公安局'])
    const expected = listDepartments(ctx)
      .filter((x) => x.active && !joined.has(x.name))
      .map((x) => x.name)
    const r = r12Report(ctx, 2026)
    expect(r.missing.map((m) => m.name)).toEqual(expected)
    expect(r.missing.map((m) => m.name)).toContain('县消防救援大队')
    expect(r.missing.map((m) => m.name)).not.toContain('人行')
    expect(r.activeMembers).toBe(29)
    expect(r.missing).toHaveLength(29 - 6)
    expect(r.covered.find((c) => c.name === '县市场监管局')).toEqual({ id: d['县市场监管局'], name: '县市场监管局', initiates: 1, joins: 0 })
  })

  it('counts shared objects of overlapping scopes in SQL', () => {
    const entries = listPlanEntries(ctx, { year: 2026 })
    const byTask = (n: string) => entries.find((e) => e.taskName === n)!
    const o = overlapReport(ctx, 2026, entries)
    const pair = (a: string, b: string) =>
      o.find((x) => (x.a.taskName === a && x.b.taskName === b) || (x.a.taskName === b && x.b.taskName === a))?.shared ?? 0
    // 餐饮 market 存续 (1–20 minus 10, 20) ∩ 城关镇 (odd) = 1 3 5 … 19 = 10
    expect(pair('餐饮服务单位食品安全联合检查', '消防安全检查')).toBe(10)
    // 食品销售 存续 (21–29) ∩ 城关镇 = 21 23 25 27 29 = 5
    expect(pair('建筑施工安全联合检查', '消防安全检查')).toBe(5)
    // 餐饮 and 食品销售 never meet
    expect(pair('餐饮服务单位食品安全联合检查', '建筑施工安全联合检查')).toBe(0)
    // 城关镇 = the 20 odd numbers; the 注销/吊销 ones (10, 20, 30) are all even
    expect(byTask('消防安全检查').objectTotal).toBe(20)
  })

  it('merges two entries of the same kind of check into one joint entry', () => {
    const health = createPlanEntry(ctx, {
      year: 2026,
      planName: '2026年度卫健部门抽查计划',
      taskName: '餐饮服务单位食品安全联合检查',
      itemUids: ['i-health'],
      initiatorDeptId: d['县卫健局']!,
      jointDeptIds: [d['县消防救援大队']!],
      scope: { industries: ['餐饮'] }
    })
    const food = listPlanEntries(ctx, { year: 2026 }).find((e) => e.initiatorName === '县市场监管局')!
    expect(suggestMerges(ctx, listPlanEntries(ctx, { year: 2026 }))).toContainEqual({ ids: [food.id, health.id], reason: '抽查任务名称相同：“餐饮服务单位食品安全联合检查”' })
    const merged = mergePlanEntries(ctx, food.id, [health.id])
    expect(merged.initiatorName).toBe('县市场监管局')
    expect(merged.jointDeptNames).toEqual(['县卫健局', '县消防救援大队'])
    expect(merged.itemUids).toEqual(['i-food', 'i-health'])
    expect(merged.mergedFrom).toEqual([health.uid])
    const after = listPlanEntries(ctx, { year: 2026, includeMerged: true }).find((e) => e.id === health.id)!
    expect(after).toMatchObject({ status: '已合并', mergedInto: food.uid })
    expect(listPlanEntries(ctx, { year: 2026 }).some((e) => e.id === health.id)).toBe(false)
    expect(() => updatePlanEntry(ctx, { id: health.id, ratioText: '9%' })).toThrowError(/已并入其他条目/)
    // 消防 now joins the merged entry: no longer missing
    expect(r12Report(ctx, 2026).missing.map((m) => m.name)).not.toContain('县消防救援大队')
    expect(listAudit(ctx, { entity: 'plan', entityId: food.uid })[0]!.action).toBe('合并年度计划条目')
  })
})

describe('附件5 spreadsheet', () => {
  it('exports the 附件5 layout and imports it into another database unchanged; re-import changes nothing', async () => {
    const file = join(t.dir, 'plan.xlsx')
    const r = await exportPlanXlsx(ctx, { year: 2026, file })
    expect(r.rows).toBe(3)

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const ws = book.worksheets[0]!
    expect(ws.getCell(1, 1).value).toBe(`${getSettings(ctx).county}2026年度部门双随机联合抽查工作计划表`)
    expect(ws.getCell(1, 11).isMerged).toBe(true)
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...PLAN_HEADERS])
    const food = (ws.getRow(3).values as unknown[]).slice(1)
    expect(food).toEqual([
      1,
      '2026年度市场监管部门联合抽查计划',
      '餐饮服务单位食品安全联合检查',
      '不定向',
      18,
      '5%',
      '餐饮服务食品安全检查\n餐饮具集中消毒单位检查',
      '对象类别：市场主体；行业：餐饮',
      '县市场监管局',
      '县卫健局、县消防救援大队',
      '2026-04'
    ])

    const other = fresh('other.db')
    const imported = await importPlanXlsx(other.ctx, file)
    expect(imported).toMatchObject({ ok: true, created: 3, updated: 0, errors: [] })
    const strip = (c: Ctx) =>
      listPlanEntries(c, { year: 2026 }).map((e) => [e.planName, e.taskName, e.checkType, e.objectTotal, e.ratioText, e.itemUids, e.scope, e.initiatorName, e.jointDeptNames, e.drawDate])
    expect(strip(other.ctx)).toEqual(strip(ctx))
    expect(await importPlanXlsx(other.ctx, file)).toMatchObject({ ok: true, created: 0, updated: 0 })
    other.wb.close()
  })

  it('refuses a whole sheet with an unknown department, naming the row, and writes nothing', async () => {
    const book = new ExcelJS.Workbook()
    const ws = book.addWorksheet('计划')
    ws.addRow(['县住建局2026年度部门双随机联合抽查工作计划表'])
    ws.addRow([])
    ws.addRow(['序 号', '抽查计划名称', '抽查任务名称', '抽查类型', '抽查对象总数', '抽查比例', '抽查事项', '抽查对象范围', '检查发起机关', '联合机关', '抽取日期'])
    ws.addRow([1, '住建计划', '建筑市场检查', '不定向', '', 0.05, '建筑市场行为检查', '全县在建项目', '住建局', '应急管理局', '2026年5月'])
    ws.addRow([2, '住建计划', '物业检查', '定向', '', '10%', '建筑市场行为检查', '乡镇：城关镇', '县住建局', '县外星局', new Date(Date.UTC(2026, 6, 15))])
    ws.addRow([3, '住建计划', '安全检查', '抽样', '', '', '安全生产检查', '', '县住建局', '', '2026-13'])
    ws.addRow(['注：本表由各部门填报。'])
    const file = join(t.dir, 'bad.xlsx')
    await book.xlsx.writeFile(file)

    const other = fresh('bad.db')
    const before = listAudit(other.ctx, { limit: 500 }).length
    const r = await importPlanXlsx(other.ctx, file)
    expect(r.ok).toBe(false)
    expect(r.errors).toEqual([
      { row: 5, reason: '联合机关“县外星局”不是成员单位，请填写成员单位的全称或简称。' },
      { row: 6, reason: '抽查类型“抽样”不对，只能填“定向”或“不定向”。' },
      { row: 6, reason: '抽取日期“2026-13”看不懂，请写成“2026年4月”或“2026-04-15”。' },
      { row: 6, reason: '抽查事项“安全生产检查”不在检查发起机关或联合机关的随机抽查事项清单中，请核对事项名称或先导入事项清单。' }
    ])
    expect(r.warnings).toEqual([{ row: 4, reason: expect.stringContaining('抽查对象范围“全县在建项目”未能识别为筛选条件') }])
    expect(listPlanEntries(other.ctx, { year: 2026 })).toEqual([])
    expect(listAudit(other.ctx, { limit: 500 })).toHaveLength(before)

    // fix the bad rows: the rest goes in, short names resolved
    ws.getRow(5).getCell(10).value = '县应急管理局'
    ws.spliceRows(6, 1)
    await book.xlsx.writeFile(file)
    const ok = await importPlanXlsx(other.ctx, file)
    expect(ok).toMatchObject({ ok: true, created: 2 })
    const rows = listPlanEntries(other.ctx, { year: 2026 })
    expect(rows.map((e) => [e.taskName, e.initiatorName, e.jointDeptNames, e.ratioText, e.drawDate, e.checkType])).toEqual([
      ['建筑市场检查', '县住建局', ['县应急管理局'], '5%', '2026-05', '不定向'],
      ['物业检查', '县住建局', ['县应急管理局'], '10%', '2026-07-15', '定向']
    ])
    expect(rows[1]!.scope.townships).toEqual(['城关镇'])
    expect(rows[0]!.scope.note).toBe('全县在建项目')
    other.wb.close()
  })
})
