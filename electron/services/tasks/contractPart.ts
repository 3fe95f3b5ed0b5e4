/**
 * Channels, input schemas and result types of 年度计划 (plans.*) and 抽查任务
 * (tasks.*), written in the style of electron/contract/api.ts so that they can
 * be moved there as they are. Until then the services import their shapes
 * from here.
 */
import { z } from 'zod'

function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input }) as { input: I; __result?: O }
}

// ───────────────────────── shared shapes ─────────────────────────

export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const
export type CreditClassName = (typeof CREDIT_CLASSES)[number]

export const OBJECT_KINDS = ['market', 'institution', 'social'] as const
export const OBJECT_KIND_LABELS: Record<(typeof OBJECT_KINDS)[number], string> = { market: '市场主体', institution: '机关事业单位', social: '社会团体' }

const text = z.string().trim()
const nonEmpty = (msg: string) => z.string().trim().min(1, msg)
const ymd = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD，例如 2026-04-01')

/**
 * 抽查对象范围: a saved filter over the object registry. An empty list means
 * “no restriction on that column”. `regStatus` lists the statuses that are
 * eligible (R4: only 存续 unless the task says otherwise); objects in scope
 * with another status are shown as excluded, not silently dropped.
 */
export const objectScopeSchema = z.object({
  kinds: z.array(z.enum(OBJECT_KINDS)).default([]),
  townships: z.array(nonEmpty('乡镇名称不能为空')).default([]),
  industries: z.array(nonEmpty('行业名称不能为空')).default([]),
  tags: z.array(nonEmpty('标签不能为空')).default([]),
  ownerDeptIds: z.array(z.number().int().positive()).default([]),
  regStatus: z.array(nonEmpty('登记状态不能为空')).default(['存续']),
  /** codes added to the scope whatever the filters say */
  include: z.array(text).default([]),
  /** codes taken out of the scope; listed as excluded “任务方案列明排除” */
  exclude: z.array(text).default([]),
  /** only the `include` codes are in scope (定向抽查 of a named list) */
  codesOnly: z.boolean().default(false),
  /** free-text description kept from an imported plan sheet */
  note: z.string().max(500).default('')
})
export type ObjectScope = z.output<typeof objectScopeSchema>
export type ObjectScopeInput = z.input<typeof objectScopeSchema>

/** ratio: value in ‰ (integer 0–1000, 5 % = 50); count: a number of objects. Same shape as the draw's ClassRule. */
export const classRuleSchema = z.object({
  mode: z.enum(['ratio', 'count']),
  value: z.number().int('比例或数量必须是整数').min(0, '比例或数量不能小于 0')
})
export const drawRuleSchema = z.object({ A: classRuleSchema, B: classRuleSchema, C: classRuleSchema, D: classRuleSchema })
export type DrawRuleSpec = z.output<typeof drawRuleSchema>

export const ADHOC_REASONS = ['上级交办', '投诉举报', '专项整治', '其他'] as const
export const TASK_STATUSES = ['草稿', '方案已公布', '已抽取', '检查中', '已完成', '已公示', '已取消'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const PLAN_STATUSES = ['草稿', '已报送', '已发布', '已合并', '已取消'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const taskDepartmentSchema = z.object({
  deptId: z.number().int().positive(),
  /** items.uid of this department's own 抽查事项 (R1) */
  itemUids: z.array(nonEmpty('事项编号不能为空')).min(1, '每个参加部门至少要选择一项本部门清单内的抽查事项'),
  /** certified inspectors this department sends to every drawn object */
  inspectorsPerObject: z.number().int().min(1, '每个部门每户至少派 1 名执法人员').max(10),
  expertsPerObject: z.number().int().min(0).max(5).default(0),
  requiredSpecialties: z.array(nonEmpty('业务专长不能为空')).default([])
})
export type TaskDepartmentSpec = z.output<typeof taskDepartmentSchema>

const taskFields = {
  taskNo: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{3,4}$/, '任务编号应写成“年份-序号”，例如 2026-001')
    .optional(),
  name: z.string().trim().min(4, '任务名称至少 4 个字').max(100, '任务名称不超过 100 个字'),
  year: z.number().int().min(2000).max(2100).optional(),
  planEntryUid: z.string().trim().min(1).nullable().optional(),
  adhocReason: z.enum(ADHOC_REASONS).nullable().optional(),
  adhocNote: z.string().trim().max(200).default(''),
  initiatorDeptId: z.number().int().positive(),
  departments: z.array(taskDepartmentSchema).min(1, '请至少选择发起部门及其抽查事项'),
  scope: objectScopeSchema,
  rule: drawRuleSchema,
  periodStart: ymd,
  periodEnd: ymd,
  leaderFromInitiator: z.boolean().default(true)
}
export const taskInputSchema = z.object(taskFields)
export type TaskInput = z.input<typeof taskInputSchema>
export type TaskInputParsed = z.output<typeof taskInputSchema>

export interface Task {
  id: number
  uid: string
  taskNo: string
  year: number
  name: string
  planEntryUid: string | null
  adhocReason: string | null
  adhocNote: string
  initiatorDeptId: number
  initiatorName: string
  departments: (TaskDepartmentSpec & { deptName: string })[]
  /** 联合机关: every participating department other than the initiator */
  jointDeptIds: number[]
  scope: ObjectScope
  rule: DrawRuleSpec
  periodStart: string
  periodEnd: string
  leaderFromInitiator: boolean
  status: TaskStatus
  cancelReason: string
  cancelledFrom: string | null
  publishedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface ClassPreview {
  /** objects the scope selects (before exclusions) */
  inScope: number
  excluded: { listed: number; notActive: number; yearCap: number; classACap: number }
  eligible: number
  /** what the rule would draw from the eligible ones */
  toDraw: number
}

export interface EligibilityPreview {
  year: number
  byClass: Record<CreditClassName, ClassPreview>
  total: ClassPreview
  /** exclusion reasons as printed on the evidence, with counts */
  exclusions: { reason: string; count: number }[]
  /** rule problems the user must fix before publishing (e.g. a count above a 一般 item's cap) */
  problems: string[]
  elapsedMs: number
}

export interface FrozenPool {
  taskId: number
  taskUid: string
  publishedAt: string
  pool: { code: string; name: string; township: string; creditClass: CreditClassName }[]
  exclusions: { code: string; name: string; reason: string }[]
  countsByClass: Record<CreditClassName, number>
}

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

// ───────────────────────── channels ─────────────────────────

/**
 * For `update` channels: a partial patch must not have its absent fields
 * filled by their defaults (that would silently reset them).
 */
function withoutDefaults<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as never
}

const id = z.number().int().positive()
const year = z.number().int().min(2000).max(2100)

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

export const tasksChannels = {
  'tasks.list': ch<Task[]>()(z.object({ year: year.optional(), status: z.enum(TASK_STATUSES).optional() }).optional()),
  'tasks.get': ch<Task>()(z.object({ id })),
  'tasks.create': ch<Task>()(taskInputSchema),
  'tasks.update': ch<Task>()(z.object({ id, ...withoutDefaults(taskFields) }).partial().required({ id: true })),
  'tasks.delete': ch<{ id: number }>()(z.object({ id })),
  'tasks.draftFromPlan': ch<TaskInput>()(z.object({ planEntryId: id })),
  /** live preview: a saved task by id, or the unsaved draft being edited */
  'tasks.preview': ch<EligibilityPreview>()(
    z.union([
      z.object({ id }),
      z.object({
        year,
        scope: objectScopeSchema,
        rule: drawRuleSchema,
        departments: z.array(taskDepartmentSchema.partial({ itemUids: true })).default([]),
        taskUid: z.string().optional()
      })
    ])
  ),
  'tasks.publish': ch<Task>()(z.object({ id })),
  'tasks.advance': ch<Task>()(z.object({ id, to: z.enum(['已抽取', '检查中', '已完成', '已公示']), note: z.string().trim().max(200).default('') })),
  'tasks.cancel': ch<Task>()(z.object({ id, reason: z.string().trim().min(2, '请填写取消原因').max(200) })),
  'tasks.frozenPool': ch<FrozenPool>()(z.object({ id }))
} as const
