/**
 * 载入演示数据 and `suiji demo`: the registries of the demo county, then a
 * year of work on them. The registry rows are stamped at the start of the
 * year like the rest, so the audit trail reads in calendar order.
 */
import type { Ctx } from '../context'
import { atTime, todayText } from '../time'
import { seededIds } from '../ids'
import { generateDemoCounty, type DemoOptions, type DemoResult } from './generate'
import { planDemoYear, type DemoYearResult } from './year'
import { nextTurn, type Report } from '../jobs/runner'

export interface LoadDemoOptions extends DemoOptions {
  /** the day the demo is loaded (default: today) */
  today?: string
  /** registries only, without the year of work */
  registryOnly?: boolean
}

export type LoadDemoResult = DemoResult & Partial<DemoYearResult>

/** What the load does first (the job's status says it before any work starts). */
export const DEMO_FIRST_PHASE = '生成演示县的检查对象、执法人员和抽查事项'

export function loadDemo(ctx: Ctx, opts: LoadDemoOptions = {}): LoadDemoResult {
  const run = start(ctx, opts)
  if (!run.year) return run.county
  const { agenda } = run.year
  try {
    run.ids!.run(() => agenda.run())
  } finally {
    run.year.cleanup()
  }
  return { ...run.county, ...run.year.summary() }
}

/**
 * The same load, one step of the year at a time with a pause after each, so
 * that the page can read the progress while it runs (the program answers
 * requests between the steps). Gives the same rows as `loadDemo`.
 */
export async function loadDemoInSteps(ctx: Ctx, opts: LoadDemoOptions, report: Report): Promise<LoadDemoResult> {
  report(DEMO_FIRST_PHASE, 0, 1)
  await nextTurn()
  const run = start(ctx, opts)
  if (!run.year) return run.county
  const { agenda, cleanup, summary } = run.year
  // the county counts as a tenth of the work, the steps of the year as the rest
  const show = (label: string) => {
    const total = agenda.done + agenda.left
    report(label, Math.round(100 * (0.1 + (0.9 * agenda.done) / Math.max(1, total))), 100)
  }
  show('办理演示年度的工作')
  try {
    for (;;) {
      await nextTurn()
      const step = run.ids!.run(() => agenda.next())
      if (!step) break
      show(`办理演示年度的工作：${Number(step.at.slice(5, 7))}月${Number(step.at.slice(8, 10))}日 ${step.label}（第 ${agenda.done} 步，还有 ${agenda.left} 步）`)
    }
  } finally {
    cleanup()
  }
  return { ...run.county, ...summary() }
}

function start(ctx: Ctx, opts: LoadDemoOptions) {
  const today = opts.today ?? todayText()
  const begin = `${today.slice(0, 4)}-01-04` < today ? `${today.slice(0, 4)}-01-04` : today
  const county = atTime(`${begin} 08:30:00`, () => generateDemoCounty(ctx, opts))
  if (opts.registryOnly) return { county, year: null, ids: null }
  // one seed and one date give the same uids, however the steps are run
  const ids = seededIds(`${county.seed}|${today}`)
  const year = ids.run(() => planDemoYear(ctx, { seed: county.seed, today }))
  return { county, year, ids }
}
