/**
 * The indicators the province grades counties on (`004_…` 三(二)), computed
 * for a year, overall and per department. Definitions are the `definition`
 * sentences below; the list behind every figure is in detail.ts.
 */
import type { Ctx } from '../context'
import { INDICATOR_LABELS, RESULT_CATEGORY_LIST, type Indicator, type IndicatorKey, type IndicatorSet, type StatsDashboard } from '@contract'
import { todayText } from '../time'
import { isProblem } from '../results/validate'
import { loadYear, type YearData, type YearTask } from './data'

export const CREDIT_USE_TARGET = 0.9

/** The rule differs between credit classes: the classification was applied (信用风险分类结果应用). */
export function usesCreditClasses(t: Pick<YearTask, 'rule'>): boolean {
  const r = t.rule
  const key = (c: 'A' | 'B' | 'C' | 'D') => `${r[c].mode}:${r[c].value}`
  return new Set([key('A'), key('B'), key('C'), key('D')]).size > 1
}

/** Due and judgeable on `today`: published, or past its deadline unpublished. */
export function publicationJudged(t: YearTask, today: string): boolean {
  return !!t.dueOn && (!!t.publishedOn || t.dueOn < today)
}
export function publishedOnTime(t: YearTask): boolean {
  return !!t.publishedOn && !!t.dueOn && t.publishedOn <= t.dueOn
}

const DEFINITIONS: Record<IndicatorKey, string> = {
  coverage: '本年度抽查任务实际检查的对象户数 ÷ 名录库中存续的检查对象户数',
  joint: '两个及以上部门参加的抽查任务数 ÷ 抽查任务总数（已抽取及以后的任务）',
  creditUse: '按信用风险分类设定不同抽查比例（或户数）的任务数 ÷ 抽查任务总数，目标不低于 90%',
  onTime: '在公示期限内公示结果的任务数 ÷ 已公示或已过公示期限的任务数',
  disposal: '后续处置已完结的问题数 ÷ 检查发现问题的结果数（发现问题待后续处理及其子项、发现问题已责令改正、不配合检查、不合格，以及选了处置的其他情况；“无需处置”不算已处置）',
  repeat: '本年度被两个及以上任务检查的对象户数 ÷ 被检查的对象户数'
}

function ind(key: IndicatorKey, numerator: number, denominator: number): Indicator {
  return {
    key,
    label: INDICATOR_LABELS[key],
    numerator,
    denominator,
    rate: denominator ? numerator / denominator : null,
    target: key === 'creditUse' ? CREDIT_USE_TARGET : null,
    definition: DEFINITIONS[key]
  }
}

/** The year's data seen by one department (tasks it takes part in, its own results), or overall for null. */
export function scoped(d: YearData, deptId: number | null): YearData {
  if (deptId === null) return d
  const tasks = d.tasks.filter((t) => t.deptIds.includes(deptId))
  const ids = new Set(tasks.map((t) => t.id))
  return { ...d, tasks, visits: d.visits.filter((v) => ids.has(v.taskId)), results: d.results.filter((r) => r.deptId === deptId) }
}

/** Objects → how many distinct tasks visited them. */
export function visitCounts(d: YearData): Map<string, number> {
  const m = new Map<string, number>()
  for (const v of d.visits) m.set(v.code, (m.get(v.code) ?? 0) + 1)
  return m
}

export function indicatorSet(all: YearData, deptId: number | null, today: string): IndicatorSet {
  const d = scoped(all, deptId)
  const visited = visitCounts(d)
  const problems = d.results.filter((r) => isProblem(r.category, r.disposal))
  const judged = d.tasks.filter((t) => publicationJudged(t, today))
  const counts = new Map<string, number>()
  for (const r of d.results) counts.set(r.category, (counts.get(r.category) ?? 0) + 1)
  return {
    year: d.year,
    deptId,
    deptName: deptId === null ? '全县' : (d.depts.find((x) => x.id === deptId)?.name ?? `编号 ${deptId} 的部门`),
    indicators: [
      ind('coverage', visited.size, d.registryActive),
      ind('joint', d.tasks.filter((t) => t.deptIds.length > 1).length, d.tasks.length),
      ind('creditUse', d.tasks.filter(usesCreditClasses).length, d.tasks.length),
      ind('onTime', judged.filter(publishedOnTime).length, judged.length),
      ind('disposal', problems.filter((r) => r.doneOn).length, problems.length),
      ind('repeat', [...visited.values()].filter((n) => n > 1).length, visited.size)
    ],
    categories: RESULT_CATEGORY_LIST.map((category) => ({ category, count: counts.get(category) ?? 0 })),
    tasks: d.tasks.length,
    results: d.results.length
  }
}

export function statsDashboard(ctx: Pick<Ctx, 'sqlite'>, year: number, today = todayText()): StatsDashboard {
  const started = performance.now()
  const data = loadYear(ctx, year)
  const overall = indicatorSet(data, null, today)
  const byDept = data.depts.map((x) => indicatorSet(data, x.id, today))
  return { year, overall, byDept, elapsedMs: Math.round(performance.now() - started) }
}
