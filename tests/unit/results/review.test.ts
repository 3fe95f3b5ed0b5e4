import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../../electron/services/context'
import {
  GSXT_COLUMNS,
  addRevisit,
  exportGsxt,
  exportPublicResults,
  listPublicStops,
  listReviews,
  listRevisits,
  publishResults,
  resultsOfTask,
  reviewResults,
  saveResults,
  stopPublication,
  submitForReview,
  taskProgress
} from '../../../electron/services/results'
import { breakdownDetail, exportBreakdown, statsBreakdown, statsDashboard } from '../../../electron/services/dashboard'
import { resultsReviewCommands } from '../../../electron/cli/commands/resultsReview'
import { allResults, code, countySuite, drawnTask } from './fixture'
import { approveAll } from '../../helpers/review'
import { readFileSync } from 'node:fs'

const suite = countySuite('suiji-review-')
let ctx: Ctx
let SCJ: number
let WJ: number
let dir: string
beforeAll(() => ({ ctx, SCJ, WJ, dir } = suite()))

describe('review step 录入 → 待审核 → 退回 / 通过 → 公示', () => {
  it('keeps the reviewer and 审核意见, refuses publication until every result passed, and a changed result goes back to 录入', () => {
    const task = drawnTask(ctx, { taskNo: '2026-401', start: '2026-04-01', depts: [['县市场监管局', ['i-food']], ['县卫健局', ['i-health']]], codes: [code(1), code(3)] })
    saveResults(ctx, task.id, [...allResults(ctx, task, '县市场监管局', '2026-04-10'), ...allResults(ctx, task, '县卫健局', '2026-04-10')])
    expect(taskProgress(ctx, task.id).review).toEqual({ 录入: 4, 待审核: 0, 退回: 0, 已通过: 0 })
    expect(() => publishResults(ctx, task.id, '2026-04-20')).toThrowError('还有 4 条检查结果没有通过审核（待提交 4 条')
    expect(() => reviewResults(ctx, { taskId: task.id, deptId: SCJ, decision: '通过', reviewer: '赵审核', note: '' })).toThrowError('没有待审核的检查结果')

    submitForReview(ctx, { taskId: task.id, deptId: SCJ, person: '钱录入' })
    expect(() => submitForReview(ctx, { taskId: task.id, deptId: SCJ, person: '钱录入' })).toThrowError('没有待提交的检查结果')
    expect(() => reviewResults(ctx, { taskId: task.id, deptId: SCJ, decision: '退回', reviewer: '赵审核', note: '' })).toThrowError('退回时请写明审核意见')
    const back = reviewResults(ctx, { taskId: task.id, deptId: SCJ, decision: '退回', reviewer: '赵审核', note: '检查日期与检查表不符' })
    expect(back.review).toEqual({ 录入: 2, 待审核: 0, 退回: 2, 已通过: 0 })
    const returned = resultsOfTask(ctx, task.id, SCJ)
    expect(returned.map((r) => [r.reviewStatus, r.reviewedBy, r.reviewNote])).toEqual([
      ['退回', '赵审核', '检查日期与检查表不符'],
      ['退回', '赵审核', '检查日期与检查表不符']
    ])

    // fixed and submitted again, then passed
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-04-09'))
    expect(resultsOfTask(ctx, task.id, SCJ).map((r) => r.reviewStatus)).toEqual(['录入', '录入'])
    submitForReview(ctx, { taskId: task.id, deptId: SCJ, person: '钱录入' })
    reviewResults(ctx, { taskId: task.id, deptId: SCJ, decision: '通过', reviewer: '赵审核', note: '与检查表一致' })
    submitForReview(ctx, { taskId: task.id, deptId: WJ, person: '孙录入' })
    const wjIds = resultsOfTask(ctx, task.id, WJ).map((r) => r.id)
    reviewResults(ctx, { taskId: task.id, deptId: WJ, decision: '通过', reviewer: '李审核', note: '', resultIds: [wjIds[0]!] })
    expect(() => publishResults(ctx, task.id, '2026-04-20')).toThrowError('待审核 1 条')
    // a passed result that is changed before publication must be reviewed again
    saveResults(ctx, task.id, [{ ...allResults(ctx, task, '县市场监管局', '2026-04-09')[0]!, findings: '补充：现场已整改' }])
    expect(taskProgress(ctx, task.id).review).toEqual({ 录入: 1, 待审核: 1, 退回: 0, 已通过: 2 })
    approveAll(ctx, task.id, '李审核')
    const pub = publishResults(ctx, task.id, '2026-04-20')
    expect(pub).toMatchObject({ status: '已公示', publicUntil: '2029-04-20' })
    expect(() => submitForReview(ctx, { taskId: task.id, deptId: SCJ, person: '钱录入' })).toThrowError('已经公示')

    const log = listReviews(ctx, task.id)
    expect(log.map((l) => [l.deptName, l.action, l.results, l.person, l.note])).toEqual([
      ['县市场监管局', '提交审核', 2, '钱录入', ''],
      ['县市场监管局', '退回', 2, '赵审核', '检查日期与检查表不符'],
      ['县市场监管局', '提交审核', 2, '钱录入', ''],
      ['县市场监管局', '通过', 2, '赵审核', '与检查表一致'],
      ['县卫健局', '提交审核', 2, '孙录入', ''],
      ['县卫健局', '通过', 1, '李审核', ''],
      ['县市场监管局', '提交审核', 1, '钱录入', ''],
      ['县市场监管局', '通过', 1, '李审核', ''],
      ['县卫健局', '通过', 1, '李审核', '']
    ])
    expect(() => ctx.sqlite.prepare(`UPDATE result_reviews SET note = '改' WHERE id = ?`).run(log[1]!.id)).toThrowError('只能追加')
    expect(() => ctx.sqlite.prepare(`DELETE FROM result_reviews`).run()).toThrowError('只能追加')
  })
})

describe('suiji results submit / review / reviews', () => {
  it('submits and returns on the command line, naming the department by name or code; the return needs an opinion', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-402', start: '2026-04-01', depts: [['县卫健局', ['i-health']]], codes: [code(21)] })
    saveResults(ctx, task.id, allResults(ctx, task, '县卫健局', '2026-04-10'))
    const cmd = (name: string) => resultsReviewCommands.find((c) => c.name === name)!
    const db = join(dir, 'r.db')
    const run = (name: string, args: string[]) => Promise.resolve().then(() => cmd(name).run(['--db', db, '--task', '2026-402', ...args]))
    await expect(run('results submit', ['--dept', '县市场监管局', '--person', '钱录入'])).rejects.toThrowError('不是任务 2026-402 的参加部门')
    expect(await run('results submit', ['--dept', '县卫健局', '--person', '钱录入'])).toBe(0)
    await expect(run('results review', ['--dept', '县卫健局', '--decision', '退回', '--reviewer', '赵审核'])).rejects.toThrowError('退回时请写明审核意见')
    await expect(run('results review', ['--dept', '县卫健局', '--decision', '同意', '--reviewer', '赵审核'])).rejects.toThrowError('应为“通过”或“退回”')
    expect(await run('results review', ['--dept', '县卫健局', '--decision', '退回', '--reviewer', '赵审核', '--note', '检查人员漏填'])).toBe(0)
    expect(resultsOfTask(ctx, task.id).map((r) => [r.reviewStatus, r.reviewNote])).toEqual([['退回', '检查人员漏填']])
    expect(listReviews(ctx, task.id).map((r) => r.action)).toEqual(['提交审核', '退回'])
  })
})

describe('exports and statistics of the year', () => {
  let year2027: { scj: number; taskNo: string }
  beforeAll(() => {
    // A 2027 year of two published tasks and one still in progress, so the file holds only what is published.
    const a = drawnTask(ctx, { taskNo: '2027-001', start: '2026-05-04', depts: [['县市场监管局', ['i-food', 'i-label']], ['县卫健局', ['i-health']]], codes: [code(5), code(7)] })
    saveResults(ctx, a.id, [
      ...allResults(ctx, a, '县市场监管局', '2026-05-06', {
        [`${code(5)}|i-label`]: { category: '发现问题已责令改正', disposal: '责令改正' },
        [`${code(7)}|i-food`]: { category: '未按规定公示应当公示的信息', disposal: '移送办案机构', caseNo: '泗市监立〔2027〕3号' }
      }),
      ...allResults(ctx, a, '县卫健局', '2026-05-07', { [`${code(7)}|i-health`]: { category: '不合格', disposal: '责令改正' } })
    ])
    approveAll(ctx, a.id)
    publishResults(ctx, a.id, '2026-05-20', '', undefined, '2026-06-01')
    const b = drawnTask(ctx, { taskNo: '2027-002', start: '2026-05-04', depts: [['县卫健局', ['i-health']]], codes: [code(9)] })
    saveResults(ctx, b.id, allResults(ctx, b, '县卫健局', '2026-05-08', { [`${code(9)}|i-health`]: { category: '注销', disposal: '反馈日常监管部门' } }))
    approveAll(ctx, b.id)
    publishResults(ctx, b.id, '2026-05-21')
    const c = drawnTask(ctx, { taskNo: '2027-003', start: '2026-05-04', depts: [['县市场监管局', ['i-food']]], codes: [code(11)] })
    saveResults(ctx, c.id, allResults(ctx, c, '县市场监管局', '2026-05-08'))
    // the year of these tasks is their task number's year in createTask
    ctx.sqlite.prepare(`UPDATE tasks SET year = 2027 WHERE task_no LIKE '2027-%'`).run()
    year2027 = { scj: SCJ, taskNo: a.taskNo }
  })

  it('exports 抽查检查结果 in the documented national field layout, one row per object × department, national wording', async () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/result-exports.md'), 'utf8')
    const documented = [...doc.slice(doc.indexOf('| 列 | 字段 |')).matchAll(/^\| [A-K] \| (\S+) \|/gm)].map((m) => m[1])
    expect(documented).toEqual([...GSXT_COLUMNS])
    expect([...GSXT_COLUMNS]).toEqual(['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查机关', '抽查完成时间', '检查事项', '检查结果', '统一社会信用代码', '名称'])

    const out = join(dir, 'gsxt.xlsx')
    const cmd = resultsReviewCommands.find((c) => c.name === 'results export')!
    expect(await cmd.run(['--format', 'gsxt', '--db', join(dir, 'r.db'), '--year', '2027', '--out', out])).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const ws = book.getWorksheet('抽查检查结果')!
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...GSXT_COLUMNS])
    const rows = [] as string[][]
    for (let r = 2; r <= ws.rowCount; r++) rows.push(GSXT_COLUMNS.map((_, i) => ws.getCell(r, i + 1).text))
    expect(rows.map((r) => [r[2], r[5], r[9], r[8]])).toEqual([
      ['2027-001', '县市场监管局', code(5), rows[0]![8]!],
      ['2027-001', '县卫健局', code(5), '未发现问题'],
      ['2027-001', '县市场监管局', code(7), rows[2]![8]!],
      ['2027-001', '县卫健局', code(7), '不合格'],
      ['2027-002', '县卫健局', code(9), '注销']
    ])
    expect(rows[0]![8]).toContain('发现问题经责令已改正')
    expect(rows[2]![8]).toContain('未按规定公示应当公示的信息')
    expect(rows[0]).toMatchObject({ 0: '', 1: '临时抽查任务（专项整治）', 3: '联合抽查任务2027-001', 4: '定向抽查', 6: '2026-05-07' })
    await expect(exportGsxt(ctx, 2031, join(dir, 'none.xlsx'))).rejects.toThrowError('2031 年还没有已公示的抽查任务')
    const badFormat = await Promise.resolve().then(() => cmd.run(['--format', 'csv', '--db', join(dir, 'r.db'), '--year', '2027', '--out', out])).catch((e: Error) => e.message)
    expect(badFormat).toContain('只支持 gsxt')
  })

  it('breaks the year down by 乡镇, 行业 and result code with 完成率 and 完结率, drills down and exports', async () => {
    const byCode = statsBreakdown(ctx, 2027, 'code')
    // in the order of the code list
    expect(byCode.rows.map((r) => r.key)).toEqual(['1', 'B', 'E', '9', 'BHG'])
    const codes = Object.fromEntries(byCode.rows.map((r) => [r.key, r]))
    expect(codes['1']).toMatchObject({ entered: 4, published: 3 })
    expect(codes['E']).toMatchObject({ problems: 1, closed: 1, closureRate: 1 })
    expect(codes['B']).toMatchObject({ problems: 1, closed: 0 })
    expect(codes['BHG']).toMatchObject({ problems: 1, closed: 0 })
    expect(codes['9']).toMatchObject({ entered: 1, problems: 0 })
    expect(byCode.total).toMatchObject({ entered: 8, published: 7, problems: 3, closed: 1 })

    const towns = statsBreakdown(ctx, 2027, 'township')
    // 应检查: objects 5, 7 × 3 items, 9 × 1, 11 × 1 = 8; all but 11 published
    expect(towns.total).toMatchObject({ expected: 8, entered: 8, published: 7 })
    expect(towns.total.completionRate).toBeCloseTo(7 / 8)
    expect(towns.rows.reduce((s, r) => s + r.expected, 0)).toBe(8)
    const first = towns.rows[0]!
    const detail = breakdownDetail(ctx, 2027, 'township', first.key)
    expect(detail.rows.length).toBe(first.entered)
    const industries = statsBreakdown(ctx, 2027, 'industry', WJ)
    expect(industries.total.expected).toBe(3)
    const file = join(dir, 'breakdown.xlsx')
    await exportBreakdown(ctx, 2027, file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    expect(book.worksheets.map((w) => w.name)).toEqual(['按乡镇', '按行业', '按检查结果'])
    expect((book.getWorksheet('按检查结果')!.getRow(2).values as unknown[]).slice(1)).toEqual(['检查结果', '应检查', '已录入', '已公示', '完成率', '发现问题', '已完结', '完结率'])
    // the dashboard's 发现问题处置率 no longer counts a problem as handled because nothing was done
    const disposal = statsDashboard(ctx, 2027).overall.indicators.find((i) => i.key === 'disposal')!
    expect([disposal.numerator, disposal.denominator]).toEqual([1, 3])
    expect(year2027.scj).toBe(SCJ)
  })

  it('停止公示 only after the publication end date; the object leaves the public list and the export; 回访 is recorded', async () => {
    const task = ctx.sqlite.prepare(`SELECT id FROM tasks WHERE task_no = '2027-002'`).get() as { id: number }
    const a = ctx.sqlite.prepare(`SELECT id FROM tasks WHERE task_no = '2027-001'`).get() as { id: number }
    expect(() => stopPublication(ctx, { taskId: task.id, objectCode: code(9), date: '2026-06-01', reason: '当事人申请信用修复', approvedBy: '张局长' })).toThrowError('公示期满后才能停止公示')
    const s = stopPublication(ctx, { taskId: a.id, objectCode: code(7), date: '2026-06-02', reason: '当事人申请信用修复，已整改', approvedBy: '张局长' })
    expect(s).toMatchObject({ objectCode: code(7), stoppedOn: '2026-06-02' })
    expect(() => stopPublication(ctx, { taskId: a.id, objectCode: code(7), date: '2026-06-03', reason: '再次申请信用修复', approvedBy: '张局长' })).toThrowError('已经停止公示')
    expect(listPublicStops(ctx, a.id).map((x) => x.objectCode)).toEqual([code(7)])
    const pub = await exportPublicResults(ctx, a.id, 'xlsx', join(dir, 'public.xlsx'))
    expect(pub.rows).toBe(2) // code(5) × 2 departments; code(7) stopped
    const g = await exportGsxt(ctx, 2027, join(dir, 'gsxt2.xlsx'))
    expect(g.rows).toBe(3)

    expect(() => addRevisit(ctx, { taskId: a.id, objectCode: code(5), date: '2026-05-01', way: '电话回访', satisfaction: '满意', note: '' })).toThrowError('早于检查日期')
    addRevisit(ctx, { taskId: a.id, objectCode: code(5), date: '2026-05-25', way: '电话回访', satisfaction: '满意', note: '检查人员文明执法' })
    expect(listRevisits(ctx, a.id).map((r) => [r.objectCode, r.way, r.satisfaction])).toEqual([[code(5), '电话回访', '满意']])
  })
})
