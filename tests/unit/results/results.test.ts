import { beforeAll, describe, expect, it } from 'vitest'
import type { Ctx } from '../../../electron/services/context'
import { getTask } from '../../../electron/services/tasks/service'
import {
  closeFollowUp,
  correctResult,
  deadlineFor,
  homeDeadlines,
  listCorrections,
  listFollowUps,
  objectHistory,
  publishResults,
  resultSheet,
  resultsOfTask,
  saveResults,
  taskProgress
} from '../../../electron/services/results'
import { updateSettings } from '../../../electron/services/settings/service'
import { allResults, code, countySuite, drawnTask } from './fixture'
import { approveAll } from '../../helpers/review'

const suite = countySuite('suiji-results-')
let ctx: Ctx
let SCJ: number
let WJ: number
beforeAll(() => ({ ctx, SCJ, WJ } = suite()))

const CODES = [code(11), code(13), code(15)]

describe('completion and the publication deadline', () => {
  it('completes when every drawn object has a result for every item of every department; deadline across National Day 2025', () => {
    const task = drawnTask(ctx, { taskNo: '2025-001', start: '2025-09-01', depts: [['县市场监管局', ['i-food', 'i-label']], ['县卫健局', ['i-health']]], codes: CODES })
    // 3 objects × (2 items of 市场监管局 + 1 of 卫健局) = 9 results expected
    expect(taskProgress(ctx, task.id)).toMatchObject({ objects: 3, expected: 9, entered: 0, complete: false, status: '已抽取' })

    const scj = allResults(ctx, task, '县市场监管局', '2025-09-20')
    const r1 = saveResults(ctx, task.id, scj)
    expect(r1.saved).toBe(6)
    expect(r1.progress).toMatchObject({ entered: 6, complete: false, status: '检查中', completedOn: null, dueOn: null })
    expect(r1.progress.byDept).toEqual([
      { deptId: SCJ, deptName: '县市场监管局', expected: 6, entered: 6 },
      { deptId: WJ, deptName: '县卫健局', expected: 3, entered: 0 }
    ])

    const wj = allResults(ctx, task, '县卫健局', '2025-09-24')
    wj[2]!.checkDate = '2025-09-26' // the last check of the task is a Friday before National Day
    const r2 = saveResults(ctx, task.id, wj)
    // Fri 09-26 + 20 working days: Sun 09-28 (调休) is the 1st, 10-01..08 off, Sat 10-11 (调休) the 6th → Thu 10-30
    expect(r2.progress).toMatchObject({ entered: 9, complete: true, status: '已完成', completedOn: '2025-09-26', dueOn: '2025-10-30', publicationDays: 20, coverageWarning: null })
    expect(getTask(ctx, task.id).status).toBe('已完成')
  })

  it('the deadline follows the 调休 Saturdays and Sundays of the 2025 and 2026 holidays, and the N of 设置', () => {
    // hand-counted from the State Council arrangements (see the comments for the 调休 days counted)
    expect(deadlineFor(ctx, '2025-09-26', 20).due).toBe('2025-10-30')
    // Fri 01-24: Sun 01-26 (调休) 1st, Mon 01-27 2nd, 01-28..02-04 off, 02-05..07 3rd–5th, Sat 02-08 (调休) 6th, 02-10..13 7th–10th
    expect(deadlineFor(ctx, '2025-01-24', 10).due).toBe('2025-02-13')
    // Tue 2026-02-10: 02-11..13 1st–3rd, Sat 02-14 (调休) 4th, 02-15..23 off, 02-24..27 5th–8th, Sat 02-28 (调休) 9th, then 11 weekdays → Mon 03-16
    expect(deadlineFor(ctx, '2026-02-10', 20).due).toBe('2026-03-16')
    // Thu 2026-09-24: 09-25..27 and 10-01..07 off, 09-28..30 1st–3rd, 10-08/09 4th–5th, Sat 10-10 (调休) 6th, then 14 weekdays → Thu 10-29
    expect(deadlineFor(ctx, '2026-09-24', 20).due).toBe('2026-10-29')
    updateSettings(ctx, { publicationDays: 10 })
    expect(deadlineFor(ctx, '2026-09-24')).toEqual({ due: '2026-10-15', days: 10, warning: null })
    updateSettings(ctx, { publicationDays: 20 })
  })

  it('warns when the holiday table does not cover the years of the deadline', () => {
    const d = deadlineFor(ctx, '2030-12-20', 20)
    expect(d.warning).toContain('2031 年')
  })
})

describe('entry rules', () => {
  it('refuses the whole batch when one result is wrong, naming the object and item', () => {
    const task = drawnTask(ctx, { taskNo: '2026-011', start: '2026-03-01', depts: [['县市场监管局', ['i-food']]], codes: [code(17), code(19)] })
    const good = allResults(ctx, task, '县市场监管局', '2026-03-10')
    const cases: [Record<string, unknown>, string][] = [
      [{ category: '通过登记的住所（经营场所）无法联系' }, '须写明取得的证据'],
      [{ category: '发现问题待后续处理', disposal: '移送办案机构' }, '请填写案件编号'],
      [{ category: '发现问题待后续处理', disposal: '抄告相关部门' }, '填写抄告的部门'],
      [{ disposal: '责令改正' }, '后续处置应为“无需处置”'],
      [{ category: '不合格' }, '不能为“无需处置”'],
      [{ category: '不配合检查情节严重', evidence: '拒绝检查记录', disposal: '无需处置' }, '不能为“无需处置”'],
      [{ category: '注销', disposal: '责令改正' }, '“无需处置”或“反馈日常监管部门”'],
      [{ checkDate: '2026-02-27' }, '早于任务的检查开始日期 2026-03-01'],
      [{ checkDate: '2099-01-01' }, '晚于今天'],
      [{ objectCode: code(21) }, '不是本任务抽中的检查对象'],
      [{ itemUid: 'i-health' }, '不是县市场监管局在本任务中检查的事项'],
      [{ deptId: WJ }, '没有参加本任务']
    ]
    for (const [patch, msg] of cases) {
      expect(() => saveResults(ctx, task.id, [good[0]!, { ...good[1]!, ...patch } as never]), JSON.stringify(patch)).toThrowError(msg)
    }
    expect(resultsOfTask(ctx, task.id)).toHaveLength(0)
    // an uninspectable object with its evidence is a result like any other
    const ok = saveResults(ctx, task.id, [good[0]!, { ...good[1]!, category: '不配合检查情节严重', disposal: '列入经营异常名录', evidence: '现场拒绝检查，执法记录仪录像 2 段' }])
    expect(ok.progress.complete).toBe(true)
  })

  it('the grid lists object × item of the department with the item method and what was entered', () => {
    const task = drawnTask(ctx, { taskNo: '2026-012', start: '2026-03-01', depts: [['县市场监管局', ['i-food', 'i-label']]], codes: [code(25), code(27)] })
    saveResults(ctx, task.id, [{ objectCode: code(27), deptId: SCJ, itemUid: 'i-label', category: '合格', checkDate: '2026-03-05' }])
    const sheet = resultSheet(ctx, task.id, SCJ)
    expect(sheet.rows.map((r) => [r.order, r.objectCode, r.itemUid, r.result?.category ?? null])).toEqual([
      [1, code(25), 'i-food', null],
      [1, code(25), 'i-label', null],
      [2, code(27), 'i-food', null],
      [2, code(27), 'i-label', '合格']
    ])
    expect(sheet.locked).toBe(false)
    expect(() => resultSheet(ctx, task.id, WJ)).toThrowError('没有参加任务')
  })
})

describe('publication and corrections (R11)', () => {
  it('publishes only a complete task; afterwards only a correction with reason and head changes a result, and both versions are kept', () => {
    const task = drawnTask(ctx, { taskNo: '2026-021', start: '2026-04-01', depts: [['县市场监管局', ['i-food']]], codes: [code(33), code(35)] })
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-04-10').slice(0, 1))
    expect(() => publishResults(ctx, task.id, '2026-04-20')).toThrowError('还有 1 条检查结果没有录入')
    const p = saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-04-10')).progress
    expect(p).toMatchObject({ complete: true, completedOn: '2026-04-10', dueOn: '2026-05-12' }) // Fri 04-10: 04-13..30 are 14, 05-01..05 off, 05-06..08 15th–17th, Sat 05-09 (调休) 18th, 05-11/12
    expect(() => publishResults(ctx, task.id, '2026-04-09')).toThrowError('早于检查完成日期')
    approveAll(ctx, task.id)
    const pub = publishResults(ctx, task.id, '2026-05-14')
    expect(pub).toMatchObject({ status: '已公示', publishedOn: '2026-05-14', onTime: false, workdaysLeft: null })

    const before = resultsOfTask(ctx, task.id)[0]!
    expect(() => saveResults(ctx, task.id, [{ ...before, category: '发现问题已责令改正' }])).toThrowError('已经公示，不能直接修改')
    expect(() => correctResult(ctx, { resultId: before.id, changes: { category: '发现问题已责令改正' }, reason: '录错', approvedBy: '张局长' })).toThrowError('更正原因')
    expect(() => correctResult(ctx, { resultId: before.id, changes: { category: '未发现问题' }, reason: '录入时选错了结果', approvedBy: '张局长' })).toThrowError('与原结果相同')

    const c = correctResult(ctx, {
      resultId: before.id,
      changes: { category: '发现问题已责令改正', findings: '从业人员健康证过期，已当场责令改正' },
      reason: '复核检查表发现录入时选错了结果',
      approvedBy: '张局长'
    })
    expect(c.before.category).toBe('未发现问题')
    expect(c.after).toMatchObject({ category: '发现问题已责令改正', findings: '从业人员健康证过期，已当场责令改正' })
    expect(c).toMatchObject({ reason: '复核检查表发现录入时选错了结果', approvedBy: '张局长', actor: '测试' })
    const now = resultsOfTask(ctx, task.id).find((r) => r.id === before.id)!
    expect(now).toMatchObject({ category: '发现问题已责令改正', corrections: 1 })

    // a second correction keeps both earlier versions
    correctResult(ctx, { resultId: before.id, changes: { findings: '从业人员健康证过期 2 人，已当场责令改正' }, reason: '补充检查情况的人数', approvedBy: '张局长' })
    const all = listCorrections(ctx, task.id)
    expect(all.map((x) => [x.before.category, x.before.findings, x.after.findings])).toEqual([
      ['未发现问题', '', '从业人员健康证过期，已当场责令改正'],
      ['发现问题已责令改正', '从业人员健康证过期，已当场责令改正', '从业人员健康证过期 2 人，已当场责令改正']
    ])
    // the table itself refuses edits and deletions
    expect(() => ctx.sqlite.prepare(`UPDATE result_corrections SET reason = 'x'`).run()).toThrowError('只能追加')
    expect(() => ctx.sqlite.prepare(`DELETE FROM result_corrections`).run()).toThrowError('只能追加')
    expect(resultSheet(ctx, task.id, SCJ).locked).toBe(true)
  })

  it('a correction before publication is refused: the result is simply edited', () => {
    const task = drawnTask(ctx, { taskNo: '2026-022', start: '2026-04-01', depts: [['县市场监管局', ['i-food']]], codes: [code(37)] })
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-04-10'))
    const r = resultsOfTask(ctx, task.id)[0]!
    expect(() => correctResult(ctx, { resultId: r.id, changes: { category: '其他情况', findings: '暂停营业' }, reason: '改为其他情况', approvedBy: '张局长' })).toThrowError('尚未公示')
  })
})

describe('follow-up', () => {
  it('a problem stays open until its disposal is marked done; 已责令改正 is done on the check date; per department', () => {
    const task = drawnTask(ctx, { taskNo: '2026-031', start: '2026-05-06', depts: [['县市场监管局', ['i-food']], ['县卫健局', ['i-health']]], codes: [code(1), code(3)] })
    const scj = allResults(ctx, task, '县市场监管局', '2026-05-08', {
      [`${code(1)}|i-food`]: { category: '发现问题待后续处理', disposal: '移送办案机构', caseNo: '泗市监立〔2026〕31号' },
      [`${code(3)}|i-food`]: { category: '发现问题已责令改正', disposal: '责令改正' }
    })
    const wj = allResults(ctx, task, '县卫健局', '2026-05-08', { [`${code(3)}|i-health`]: { category: '不合格', disposal: '责令改正' } })
    saveResults(ctx, task.id, [...scj, ...wj])
    const open = listFollowUps(ctx, { year: 2026 }).filter((f) => f.taskId === task.id)
    expect(open.map((f) => [f.objectCode, f.deptName, f.disposal])).toEqual([
      [code(1), '县市场监管局', '移送办案机构'],
      [code(3), '县卫健局', '责令改正']
    ])
    expect(listFollowUps(ctx, { deptId: WJ }).map((f) => f.objectCode)).toEqual([code(3)])
    expect(() => closeFollowUp(ctx, { resultId: open[1]!.resultId, date: '2026-05-07', note: '已整改到位' })).toThrowError('早于检查日期')
    const done = closeFollowUp(ctx, { resultId: open[1]!.resultId, date: '2026-05-20', note: '复查已整改到位' })
    expect(done.doneOn).toBe('2026-05-20')
    expect(listFollowUps(ctx, { deptId: WJ })).toEqual([])
    const closed = listFollowUps(ctx, { open: false }).filter((f) => f.taskId === task.id)
    expect(closed.map((f) => [f.objectCode, f.deptName, f.doneOn])).toEqual([
      [code(1), '县市场监管局', null],
      [code(3), '县市场监管局', '2026-05-08'],
      [code(3), '县卫健局', '2026-05-20']
    ])
    expect(() => closeFollowUp(ctx, { resultId: open[1]!.resultId, date: '2026-05-21', note: '再次办结' })).toThrowError('已于 2026-05-20 办结')
  })
})

describe('history and the home page', () => {
  it('an object shows every task that inspected it with the departments and results', () => {
    const h = objectHistory(ctx, ` ${code(3).toLowerCase()} `)
    expect(h.code).toBe(code(3))
    const mine = h.entries.find((e) => e.taskNo === '2026-031')!
    expect(mine.departments).toEqual(['县市场监管局', '县卫健局'])
    expect(mine.results.map((r) => [r.deptName, r.category])).toEqual([
      ['县市场监管局', '发现问题已责令改正'],
      ['县卫健局', '不合格']
    ])
    expect(() => objectHistory(ctx, 'NOPE0000')).toThrowError('没有代码为 NOPE0000')
  })

  it('lists tasks due within 5 working days, overdue ones, and departments owing results', () => {
    const a = drawnTask(ctx, { taskNo: '2026-041', start: '2026-10-12', depts: [['县市场监管局', ['i-food']]], codes: [code(5)] })
    saveResults(ctx, a.id, allResults(ctx, a, '县市场监管局', '2026-10-16')) // due 20 working days later: Fri 11-13
    const b = drawnTask(ctx, { taskNo: '2026-042', start: '2026-10-12', depts: [['县市场监管局', ['i-food']], ['县卫健局', ['i-health']]], codes: [code(7), code(9)] })
    saveResults(ctx, b.id, allResults(ctx, b, '县市场监管局', '2026-10-20'))
    // a week after completion task a is far from its deadline, yet listed as 待公示 with the days left
    const early = homeDeadlines(ctx, '2026-10-23')
    expect(early.pending.find((r) => r.taskNo === '2026-041')).toMatchObject({ dueOn: '2026-11-13', workdaysLeft: 15 })
    expect(early.dueSoon.find((r) => r.taskNo === '2026-041')).toBeUndefined()
    // on Mon 11-09 task a is 4 working days from its deadline
    const h = homeDeadlines(ctx, '2026-11-09')
    expect(h.pending.find((r) => r.taskNo === '2026-041')).toMatchObject({ workdaysLeft: 4 })
    expect(h.dueSoon.find((r) => r.taskNo === '2026-041')).toMatchObject({ dueOn: '2026-11-13', workdaysLeft: 4 })
    expect(h.overdue.find((r) => r.taskNo === '2026-041')).toBeUndefined()
    const later = homeDeadlines(ctx, '2026-11-16')
    expect(later.overdue.find((r) => r.taskNo === '2026-041')).toMatchObject({ dueOn: '2026-11-13', workdaysLeft: -1 })
    expect(later.dueSoon.find((r) => r.taskNo === '2026-041')).toBeUndefined()
    expect(later.pending.find((r) => r.taskNo === '2026-041')).toBeUndefined()
    const wj = later.missing.find((m) => m.deptName === '县卫健局')!
    expect(wj.tasks.find((x) => x.taskNo === '2026-042')).toMatchObject({ missing: 2 })
    expect(later.missing.find((m) => m.deptName === '县市场监管局')?.tasks.find((x) => x.taskNo === '2026-042')).toBeUndefined()
  })
})
