/** 年度计划 (plans.*): entries, the county plan, merge, overlaps (R12). */
import { z } from 'zod'
import { ch, id, nonEmpty, withoutDefaults, year } from './common'
import { objectScopeSchema, PLAN_STATUSES, type ObjectScope, type PlanStatus } from './tasks'

export const planEntryFields = {
  year: z.number().int().min(2000).max(2100),
  planName: z.string().trim().min(2, '请填写抽查计划名称').max(100),
  taskName: z.string().trim().min(2, '请填写抽查任务名称').max(100),
  checkType: z.enum(['定向', '不定向']).default('不定向'),
  ratioText: z.string().trim().max(100).default(''),
  itemUids: z.array(nonEmpty('事项编号不能为空')).default([]),
  scope: objectScopeSchema.default(objectScopeSchema.parse({})),
  initiatorDeptId: z.number().int().positive(),
  jointDeptIds: z.array(z.number().int().positive()).default([]),
  drawDate: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}(-\d{2})?)?$/, '抽取日期应写成 YYYY-MM 或 YYYY-MM-DD')
    .default(''),
  inspectionTime: z.string().trim().max(60).default(''),
  status: z.enum(PLAN_STATUSES).default('草稿'),
  remark: z.string().trim().max(500).default('')
}
export const planEntryInputSchema = z.object(planEntryFields)
export type PlanEntryInput = z.input<typeof planEntryInputSchema>
export type PlanEntryInputParsed = z.output<typeof planEntryInputSchema>

export interface PlanEntry {
  id: number
  uid: string
  year: number
  planName: string
  taskName: string
  checkType: '定向' | '不定向'
  ratioText: string
  itemUids: string[]
  itemNames: string[]
  scope: ObjectScope
  /** 抽查对象总数: objects of the registry in the scope today (eligible statuses, list exclusions applied) */
  objectTotal: number
  initiatorDeptId: number
  initiatorName: string
  jointDeptIds: number[]
  jointDeptNames: string[]
  drawDate: string
  inspectionTime: string
  status: PlanStatus
  mergedFrom: string[]
  mergedInto: string | null
  remark: string
  createdAt: string
  updatedAt: string
}

export interface R12Report {
  year: number
  activeMembers: number
  /** active member departments that neither initiate nor join a joint inspection this year */
  missing: { id: number; name: string; shortName: string }[]
  covered: { id: number; name: string; initiates: number; joins: number }[]
}

export interface PlanOverlap {
  a: { id: number; uid: string; taskName: string; initiatorName: string }
  b: { id: number; uid: string; taskName: string; initiatorName: string }
  /** objects both entries' scopes would inspect */
  shared: number
}

export interface MergeSuggestion {
  ids: [number, number]
  reason: string
}

export interface CountyPlan {
  year: number
  entries: PlanEntry[]
  r12: R12Report
  overlaps: PlanOverlap[]
  suggestions: MergeSuggestion[]
}

export interface PlanImportResult {
  ok: boolean
  created: number
  updated: number
  errors: { row: number; reason: string }[]
  warnings: { row: number; reason: string }[]
}

export const plansChannels = {
  'plans.list': ch<PlanEntry[]>()(z.object({ year, deptId: id.optional(), includeMerged: z.boolean().default(false) })),
  'plans.get': ch<PlanEntry>()(z.object({ id })),
  'plans.create': ch<PlanEntry>()(planEntryInputSchema),
  'plans.update': ch<PlanEntry>()(z.object({ id, ...withoutDefaults(planEntryFields) }).partial().required({ id: true })),
  'plans.delete': ch<{ id: number }>()(z.object({ id })),
  'plans.county': ch<CountyPlan>()(z.object({ year })),
  'plans.merge': ch<PlanEntry>()(z.object({ keepId: id, otherIds: z.array(id).min(1, '请至少选择一条要并入的计划') })),
  'plans.r12': ch<R12Report>()(z.object({ year })),
  'plans.overlaps': ch<PlanOverlap[]>()(z.object({ year })),
  'plans.exportXlsx': ch<{ file: string; rows: number }>()(z.object({ year, file: nonEmpty('请选择保存位置'), deptId: id.optional() })),
  'plans.importXlsx': ch<PlanImportResult>()(z.object({ file: nonEmpty('请选择要导入的文件') })),
  'plans.scopeCount': ch<{ total: number }>()(z.object({ scope: objectScopeSchema }))
} as const
