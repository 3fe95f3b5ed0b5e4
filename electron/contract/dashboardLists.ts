/** The indicators and groupings of 统计 the pages show; free of zod, so the renderer loads them without the schemas. */

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

/** What `stats.breakdown` groups by: 乡镇 (片区) and 行业 of the object, or the result code. */
export const BREAKDOWN_KEYS = ['township', 'industry', 'code'] as const
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number]
export const BREAKDOWN_LABELS: Record<BreakdownKey, string> = { township: '乡镇', industry: '行业', code: '检查结果' }
