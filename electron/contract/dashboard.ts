/** 统计 (stats.*): the province's indicators. */
import { z } from 'zod'
import { ch, id, nonEmpty, year } from './common'
import type { ResultCategory } from './results'
import { BREAKDOWN_KEYS, INDICATOR_KEYS, type BreakdownKey, type IndicatorKey } from './dashboardLists'

export * from './dashboardLists'

export interface Indicator {
  key: IndicatorKey
  label: string
  numerator: number
  denominator: number
  /** numerator ÷ denominator, null when the denominator is 0 */
  rate: number | null
  /** the province's target (信用风险分类结果应用率 ≥ 0.9), if any */
  target: number | null
  /** what is counted, in one sentence for the user */
  definition: string
}
export interface IndicatorSet {
  year: number
  deptId: number | null
  deptName: string
  indicators: Indicator[]
  categories: { category: ResultCategory; count: number }[]
  tasks: number
  results: number
}
export interface StatsDashboard {
  year: number
  overall: IndicatorSet
  byDept: IndicatorSet[]
  elapsedMs: number
}
export interface StatsDetail {
  title: string
  columns: string[]
  rows: (string | number)[][]
}

export interface BreakdownRow {
  /** the 乡镇/行业 name or the result code; '' for objects without one */
  key: string
  label: string
  /** 应检查: object × item × department results the year's tasks call for (by code: the results with that code) */
  expected: number
  entered: number
  /** 已公示: results of published tasks */
  published: number
  /** 已公示 ÷ 应检查 */
  completionRate: number | null
  /** problems found (those that need a 后续处置) */
  problems: number
  /** of which 完结 */
  closed: number
  /** 完结 ÷ problems */
  closureRate: number | null
}
export interface StatsBreakdown {
  year: number
  by: BreakdownKey
  rows: BreakdownRow[]
  total: BreakdownRow
}

export const dashboardChannels = {
  'stats.dashboard': ch<StatsDashboard>()(z.object({ year })),
  'stats.detail': ch<StatsDetail>()(z.object({ year, key: z.union([z.enum(INDICATOR_KEYS), z.literal('categories')]), deptId: id.optional() })),
  'stats.export': ch<{ file: string }>()(z.object({ year, format: z.enum(['xlsx', 'docx']), path: nonEmpty('请选择保存位置') })),
  'stats.breakdown': ch<StatsBreakdown>()(z.object({ year, by: z.enum(BREAKDOWN_KEYS), deptId: id.optional() })),
  /** the results behind one row of a breakdown */
  'stats.breakdownDetail': ch<StatsDetail>()(z.object({ year, by: z.enum(BREAKDOWN_KEYS), key: z.string().max(100), deptId: id.optional() })),
  'stats.exportBreakdown': ch<{ file: string }>()(z.object({ year, path: nonEmpty('请选择保存位置') }))
} as const
