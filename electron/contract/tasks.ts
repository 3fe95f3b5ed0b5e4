/** 抽查任务 (tasks.*): tasks, scope, per-class rules, eligibility preview, frozen pool. */
import { z } from 'zod'
import { ch, id, nonEmpty, text, withoutDefaults, year, ymd } from './common'
import { ADHOC_REASONS, CREDIT_CLASSES, TASK_STATUSES, type CreditClassName, type TaskStatus } from './taskLists'

export * from './taskLists'

export const OBJECT_KINDS = ['market', 'institution', 'social'] as const
export const OBJECT_KIND_LABELS: Record<(typeof OBJECT_KINDS)[number], string> = { market: '市场主体', institution: '机关事业单位', social: '社会团体' }

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
