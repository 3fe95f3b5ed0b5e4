/**
 * 演示年度: after the registries (generate.ts), a whole county year of work
 * done through the ordinary services, so that every page has something real
 * to show on first launch and every rule the services enforce applies to it:
 * the departments' plan entries (one merge, a few R12 offenders), joint tasks
 * in every state, draws with witnesses (one re-drawn, one with a replaced
 * inspector), results with corrections and follow-ups, one task overdue for
 * publication and one due within days.
 *
 * Deterministic for a given seed and date: the layout of the year is counted
 * back from `today`, and every step runs with the services' clock set to its day.
 */
import type { Ctx } from '../../context'
import { updateSettings, getSettings } from '../../settings/service'
import { updatePlanEntry } from '../../plans/service'
import { todayText } from '../../time'
import type { PlanEntry } from '@contract'
import { getHolidayOverrides } from '../../workdays'
import { Rng } from '../rng'
import { countyOf } from './county'
import { addDays, workdayOnOrBefore } from './dates'
import { buildPlans, mergeReported } from './plans'
import { planTask, type Staff } from './run'
import { Agenda } from './agenda'
import { planExchange } from './exchange'
import { TASK_SPECS } from './tasks'

export interface DemoYearOptions {
  seed?: string
  /** the day the demo is loaded (default: today); the year is laid out backwards from it */
  today?: string
}

export interface DemoYearResult {
  year: number
  planEntries: number
  tasks: number
  results: number
}

const STAFF: Staff = { operator: '王丽', supervisor: '县纪委监委派驻纪检组 陈明', witnesses: ['张建国', '李秀英', '赵卫东'], approver: '分管副局长 刘洋', deptHead: '局长 周志强' }

export function generateDemoYear(ctx: Ctx, opts: DemoYearOptions = {}): DemoYearResult {
  const year = planDemoYear(ctx, opts)
  try {
    year.agenda.run()
  } finally {
    year.cleanup()
  }
  return year.summary()
}

/**
 * The year laid out as an agenda of steps, not yet run: `generateDemoYear`
 * runs it at once; 载入演示数据 runs it step by step to show its progress.
 * `cleanup` must follow the last step (or a failure).
 */
export function planDemoYear(ctx: Ctx, opts: DemoYearOptions = {}): { agenda: Agenda; cleanup: () => void; summary: () => DemoYearResult } {
  const today = opts.today ?? todayText()
  const year = Number(today.slice(0, 4))
  const rng = new Rng(`${opts.seed ?? 'demo'}|year|${today}`)
  const c = countyOf(ctx)
  const holidays = getHolidayOverrides(ctx)
  const start = (d: string) => (d < today ? d : today)

  const agenda = new Agenda()
  agenda.add(`${start(`${year}-01-05`)} 09:00:00`, () =>
    updateSettings(ctx, { operatorName: STAFF.operator, contactPerson: STAFF.operator, contactPhone: '0527-85211234', docNextNumber: 1 })
  , '填写设置')
  const plans = new Map<string, PlanEntry>()
  const reportedOn = workdayOnOrBefore(start(`${year}-01-20`), holidays)
  agenda.add(`${reportedOn} 10:00:00`, () => {
    for (const [k, e] of buildPlans(ctx, c, year)) plans.set(k, e)
  }, '各部门报送年度计划')
  agenda.add(`${workdayOnOrBefore(start(`${year}-02-10`), holidays)} 15:30:00`, () => {
    for (const [k, e] of mergeReported(ctx, plans)) plans.set(k, e)
  }, '合并年度计划')
  agenda.add(`${workdayOnOrBefore(start(`${year}-02-16`), holidays)} 10:00:00`, () => {
    for (const e of plans.values()) if (e.status === '已报送') updatePlanEntry(ctx, { id: e.id, status: '已发布' })
  }, '发布年度计划')

  let n = 0
  const caseNo = () => `泗市监立〔${year}〕${String(++n * 7 + 31)}号`
  const clock = { today, publicationDays: getSettings(ctx).publicationDays, holidays }
  for (const spec of TASK_SPECS) {
    const startYear = Number(addDays(today, -spec.drawn + 1).slice(0, 4))
    const planUid = () => {
      const plan = spec.plan ? plans.get(spec.plan) : undefined
      return plan && plan.year === startYear ? plan.uid : null
    }
    planTask(ctx, agenda, c, rng, clock, spec, planUid, STAFF, caseNo)
  }
  const cleanup = planExchange(ctx, agenda, year, {
    keys: workdayOnOrBefore(start(`${year}-01-12`), holidays),
    report: workdayOnOrBefore(start(`${year}-01-27`), holidays),
    sendBack: workdayOnOrBefore(addDays(today, -2), holidays)
  })
  const summary = () => {
    const tasks = TASK_SPECS.length
    const results = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM inspection_results`).get() as { n: number }).n
    const planEntries = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM plan_entries WHERE year = ?`).get(year) as { n: number }).n
    return { year, planEntries, tasks, results }
  }
  return { agenda, cleanup, summary }
}
