/** 统计 (stats.*): the province's indicators. */
import { z } from 'zod'
import { ch, id, nonEmpty, year } from './common'
import type { ResultCategory } from './results'

export const INDICATOR_KEYS = ['coverage', 'joint', 'creditUse', 'onTime', 'disposal', 'repeat'] as const
export type IndicatorKey = (typeof INDICATOR_KEYS)[number]
export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  coverage: '抽查户次占比',
  joint: '部门联合双随机监管率',
  creditUse: '信用风险分类结果应用率',
  onTime: '检查结果按时公示率',
  disposal: '发现问题处置率',
  repeat: '重复抽查率'
}
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

export const dashboardChannels = {
  'stats.dashboard': ch<StatsDashboard>()(z.object({ year })),
  'stats.detail': ch<StatsDetail>()(z.object({ year, key: z.union([z.enum(INDICATOR_KEYS), z.literal('categories')]), deptId: id.optional() })),
  'stats.export': ch<{ file: string }>()(z.object({ year, format: z.enum(['xlsx', 'docx']), path: nonEmpty('请选择保存位置') }))
} as const
