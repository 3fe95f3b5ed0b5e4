/**
 * 载入演示数据 and `suiji demo`: the registries of the demo county, then a
 * year of work on them. The registry rows are stamped at the start of the
 * year like the rest, so the audit trail reads in calendar order.
 */
import type { Ctx } from '../context'
import { atTime, todayText } from '../time'
import { withSeededIds } from '../ids'
import { generateDemoCounty, type DemoOptions, type DemoResult } from './generate'
import { generateDemoYear, type DemoYearResult } from './year'

export interface LoadDemoOptions extends DemoOptions {
  /** the day the demo is loaded (default: today) */
  today?: string
  /** registries only, without the year of work */
  registryOnly?: boolean
}

export type LoadDemoResult = DemoResult & Partial<DemoYearResult>

export function loadDemo(ctx: Ctx, opts: LoadDemoOptions = {}): LoadDemoResult {
  const today = opts.today ?? todayText()
  const start = `${today.slice(0, 4)}-01-04` < today ? `${today.slice(0, 4)}-01-04` : today
  const county = atTime(`${start} 08:30:00`, () => generateDemoCounty(ctx, opts))
  if (opts.registryOnly) return county
  return { ...county, ...withSeededIds(`${county.seed}|${today}`, () => generateDemoYear(ctx, { seed: county.seed, today })) }
}
