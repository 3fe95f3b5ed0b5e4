/**
 * The one API contract shared by renderer, preload and main.
 *
 * Each channel is `group.method` → a zod schema for its input and the type of
 * its result. Main registers every channel through one validating wrapper
 * (IPC in Electron, HTTP in the browser host); the preload and the browser
 * client generate `window.api.group.method(input)` from the same list.
 * Nothing else crosses the boundary.
 */
import { z } from 'zod'

/** Declares a channel: its input schema now, its result type as a type parameter. */
function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input }) as { input: I; __result?: O }
}
const none = z.object({}).strict().optional()

// ───────────────────────── shared shapes ─────────────────────────

export const settingsSchema = z.object({
  officeName: z.string().trim().min(1, '请填写办公室名称').max(60),
  county: z.string().trim().min(1, '请填写县（市、区）名称').max(30),
  operatorName: z.string().trim().max(20),
  publicationDays: z.number().int().min(1, '公示期限至少 1 个工作日').max(60, '公示期限不超过 60 个工作日'),
  docPrefix: z.string().trim().max(20),
  docNextNumber: z.number().int().min(1).max(99999),
  contactPerson: z.string().trim().max(20),
  contactPhone: z.string().trim().max(30),
  sealText: z.string().trim().max(60),
  replacementPolicy: z.enum(['manual', 'redraw'])
})
export type Settings = z.infer<typeof settingsSchema>

const deptFields = {
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(40, '单位名称不超过 40 个字'),
  shortName: z.string().trim().min(1, '请填写简称').max(20, '简称不超过 20 个字'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, '代码应为 2–12 位大写字母或数字'),
  contact: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(30).default(''),
  active: z.boolean().default(true)
}
export const departmentInput = z.object(deptFields)
export type DepartmentInput = z.input<typeof departmentInput>

export interface Department {
  id: number
  name: string
  shortName: string
  code: string
  sortOrder: number
  active: boolean
  contact: string
  phone: string
  createdAt: string
  updatedAt: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  detail: string
  hash: string
}

export interface AppInfo {
  version: string
  dbFile: string
  /** true in the Electron window (file dialogs available), false in the browser host. */
  desktop: boolean
  counts: { departments: number; objects: number; inspectors: number; items: number }
  /** True when the registries are empty: the UI offers the demo county. */
  empty: boolean
}

export interface DemoSummary {
  objects: number
  inspectors: number
  items: number
  seed: string
}

/** A long operation running in the main process (import, batch documents …), polled by the UI. */
export interface JobStatus {
  id: string
  kind: string
  label: string
  phase: string
  done: number
  total: number
  state: 'running' | 'done' | 'failed' | 'cancelled'
  message: string
  result: unknown
}

const fileFilters = z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).default([])

// ─── 一单两库 (registries): objects, inspectors, items ───

export type ObjectKindCode = 'market' | 'institution' | 'social'
export type CreditClass = 'A' | 'B' | 'C' | 'D'
export type RegistryName = 'objects' | 'inspectors' | 'items'

/** The filter of the object table; bulk actions take the same filter and apply to every match. */
export const objectFilterSchema = z.object({
  search: z.string().max(100).optional(),
  kind: z.enum(['market', 'institution', 'social']).optional(),
  township: z.string().max(60).optional(),
  industry: z.string().max(60).optional(),
  creditClass: z.enum(['A', 'B', 'C', 'D']).optional(),
  regStatus: z.string().max(30).optional(),
  tag: z.string().max(30).optional()
})
export type ObjectFilter = z.infer<typeof objectFilterSchema>

export interface RegistryObject {
  id: number
  code: string
  kind: ObjectKindCode
  name: string
  entityType: string
  regAuthority: string
  legalRep: string
  address: string
  regStatus: string
  establishedOn: string | null
  businessScope: string
  remark: string
  industry: string
  township: string
  creditClass: CreditClass
  /** Space-separated free tags (专项库, 监管标签). */
  tags: string
  ownerDeptId: number | null
  createdAt: string
  updatedAt: string
}

/** Editable fields of an object; validated by the same rules as the spreadsheet import. */
const objectFields = {
  kind: z.enum(['market', 'institution', 'social']),
  name: z.string().max(200),
  entityType: z.string().max(60),
  regAuthority: z.string().max(60),
  legalRep: z.string().max(60),
  address: z.string().max(300),
  regStatus: z.string().max(30),
  /** YYYY-MM-DD or any date form the import understands; '' for none. */
  establishedOn: z.string().max(30),
  businessScope: z.string().max(5000),
  remark: z.string().max(2000),
  industry: z.string().max(60),
  township: z.string().max(60),
  creditClass: z.enum(['A', 'B', 'C', 'D']),
  tags: z.array(z.string().max(30)).max(50)
}
export const objectCreateSchema = z.object({ code: z.string().max(40), ...objectFields }).partial().required({ code: true, name: true })
export type ObjectCreateInput = z.input<typeof objectCreateSchema>
export const objectUpdateSchema = z.object({ id: z.number().int().positive(), ...objectFields }).partial().required({ id: true })
export type ObjectUpdateInput = z.input<typeof objectUpdateSchema>

export interface FacetCount {
  value: string
  count: number
}
export interface ObjectFacets {
  townships: FacetCount[]
  industries: FacetCount[]
  tags: FacetCount[]
  statuses: FacetCount[]
}
export interface BulkResult {
  /** Objects matching the filter. */
  matched: number
  /** Objects actually changed (those that already had the tag/class are not). */
  changed: number
}

/** One row of the inspector list: ID number and phone only masked (the full values are in InspectorDetail). */
export interface InspectorListRow {
  id: number
  idMasked: string
  name: string
  gender: string
  phoneMasked: string
  unit: string
  deptId: number | null
  deptName: string | null
  division: string
  userLevel: string
  certNo: string
  certAuthority: string
  certValidUntil: string | null
  specialties: string
  isExpert: boolean
  active: boolean
  inactiveReason: string
  township: string
  /** Active, not an expert, with a 执法证 valid today: counts toward the two inspectors (R5). */
  certified: boolean
}
export interface InspectorDetail extends Omit<InspectorListRow, 'idMasked' | 'phoneMasked'> {
  idNumber: string
  phone: string
  avoidCodes: string[]
  avoidTownships: string[]
  createdAt: string
  updatedAt: string
}
export const inspectorQuerySchema = z.object({
  search: z.string().max(60).optional(),
  deptId: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  /** certified: counts as 执法人员 today; expert: 专家/辅助人员; uncertified: neither (no or expired 执法证). */
  qualification: z.enum(['certified', 'expert', 'uncertified']).optional(),
  specialty: z.string().max(30).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50)
})
const inspectorFields = {
  idNumber: z.string().max(40),
  name: z.string().max(30),
  gender: z.enum(['男', '女', '']),
  phone: z.string().max(30),
  /** The member department; its name becomes 所在单位. */
  deptId: z.number().int().positive().nullable(),
  /** 所在单位 as free text when it is not a member department. */
  unit: z.string().max(60),
  division: z.string().max(60),
  userLevel: z.string().max(30),
  certNo: z.string().max(40),
  certAuthority: z.string().max(60),
  /** YYYY-MM-DD, 长期, or ''. */
  certValidUntil: z.string().max(30),
  specialties: z.array(z.string().max(30)).max(30),
  isExpert: z.boolean(),
  active: z.boolean(),
  inactiveReason: z.string().max(30),
  township: z.string().max(60),
  avoidCodes: z.array(z.string().max(40)).max(500),
  avoidTownships: z.array(z.string().max(60)).max(100)
}
export const inspectorCreateSchema = z.object(inspectorFields).partial().required({ idNumber: true, name: true })
export type InspectorCreateInput = z.input<typeof inspectorCreateSchema>
export const inspectorUpdateSchema = z.object({ id: z.number().int().positive(), ...inspectorFields }).partial().required({ id: true })
export type InspectorUpdateInput = z.input<typeof inspectorUpdateSchema>
export interface InspectorFacets {
  specialties: FacetCount[]
  townships: FacetCount[]
}

export interface RegistryItem {
  id: number
  uid: string
  deptId: number
  category: string
  name: string
  target: string
  level: '重点' | '一般'
  method: string
  subject: string
  frequency: string
  content: string
  basis: string
  specialty: string
  /** 一般事项比例上限 in ‰; null when none. */
  ratioCapPermille: number | null
  sortOrder: number
  createdAt: string
  updatedAt: string
}
const itemFields = {
  deptId: z.number().int().positive(),
  category: z.string().max(60),
  name: z.string().max(200),
  target: z.string().max(200),
  level: z.enum(['重点', '一般']),
  method: z.string().max(100),
  subject: z.string().max(100),
  frequency: z.string().max(100),
  content: z.string().max(5000),
  basis: z.string().max(5000),
  specialty: z.string().max(30),
  /** Percent (e.g. 5 for 5 %); null for none. */
  ratioCapPercent: z.number().min(0).max(100).nullable()
}
export const itemCreateSchema = z.object(itemFields).partial().required({ deptId: true, category: true, name: true })
export type ItemCreateInput = z.input<typeof itemCreateSchema>
export const itemUpdateSchema = z.object({ id: z.number().int().positive(), ...itemFields }).partial().required({ id: true })
export type ItemUpdateInput = z.input<typeof itemUpdateSchema>

/** What an import job returns (its `result`); rejected rows carry their sheet row number and a Chinese reason. */
export interface ImportSummary {
  registry: RegistryName
  file: string
  read: number
  imported: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  rejects: { row: number; sheet: string; reason: string; values: Record<string, string> }[]
  warningList: { row: number; sheet: string; field: string; raw: string; message: string }[]
}
const registryName = z.enum(['objects', 'inspectors', 'items'])

// ───────────────────────── 年度计划 (plans.*) and 抽查任务 (tasks.*) ─────────────────────────

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

// ───────────────────────── 数据交换 (exchange.*) and 备份 (backup.*) ─────────────────────────

export interface AgencyIdentity {
  name: string
  /** 'OFFICE' for the office, else the department's code. */
  code: string
  role: 'office' | 'department'
  /** 8 groups of 5 digits, read out over the phone. */
  fingerprint: string
  publicKey: string
  createdAt: string
}

export interface AgencyPeer {
  id: number
  name: string
  code: string
  role: 'office' | 'department'
  fingerprint: string
  confirmed: boolean
  addedAt: string
  confirmedAt: string | null
}

export type ExchangeChoice = 'theirs' | 'ours'
export type ExchangeRecordStatus = 'new' | 'updated' | 'unchanged' | 'keptLocal' | 'conflict'

export interface ExchangeCounts {
  new: number
  updated: number
  unchanged: number
  keptLocal: number
  conflicts: number
}

export interface ExchangeRecordChange {
  entity: string
  entityLabel: string
  key: string
  label: string
  status: ExchangeRecordStatus
  /** Column name, our value, their value (references shown as natural keys). */
  changes: { field: string; ours: unknown; theirs: unknown }[]
}

export interface ExchangePreview {
  token: string
  packageId: string
  from: { name: string; code: string; fingerprint: string }
  to: { name: string; code: string } | 'any'
  createdAt: string
  kind: 'full' | 'incremental'
  appVersion: string
  schemaVersion: number
  upgradedFrom: number | null
  alreadyImported: boolean
  olderThanLast: boolean
  entities: ({ entity: string; label: string } & ExchangeCounts)[]
  totals: ExchangeCounts
  conflicts: ExchangeRecordChange[]
  updates: ExchangeRecordChange[]
}

export interface ExchangeApplyResult extends ExchangePreview {
  applied: boolean
  decisions: { entity: string; key: string; choice: ExchangeChoice }[]
}

export interface ExchangeExportResult {
  file: string
  bytes: number
  packageId: string
  kind: 'full' | 'incremental'
  contents: Record<string, number>
}

export interface ExchangeLogEntry {
  id: number
  direction: 'sent' | 'received'
  packageId: string
  peerCode: string
  peerName: string
  kind: 'full' | 'incremental'
  manifestHash: string
  packageCreatedAt: string
  at: string
  file: string
  counts: Record<string, unknown>
  decisions: { entity: string; key: string; choice: ExchangeChoice }[]
}

export interface BackupFileInfo {
  file: string
  name: string
  kind: 'auto' | 'manual' | 'safety'
  bytes: number
  modifiedAt: string
}

export interface BackupContents {
  file: string
  bytes: number
  /** Program version that last changed the schema of this file. */
  appVersion: string
  schemaVersion: number
  /** True when the file needs a newer program than this one. */
  newer: boolean
  /** Rows per table, for the tables this file has (tasks and plans only from the versions that have them). */
  counts: Record<string, number>
  lastAuditAt: string | null
  lastAuditAction: string | null
  intact: boolean
}

const file = (what: string) => z.string().trim().min(1, `请选择${what}`)
const fingerprint = z
  .string()
  .trim()
  .refine((s) => s.replace(/\D/g, '').length === 40, '指纹应为 8 组、每组 5 位数字')
const choice = z.enum(['theirs', 'ours'])

// ───────────────────────── channels ─────────────────────────

export const exchangeContract = {
  'exchange.identity': ch<{ identity: AgencyIdentity | null }>()(none),
  'exchange.initIdentity': ch<AgencyIdentity>()(
    z.object({
      name: z.string().trim().min(2, '单位名称至少 2 个字').max(40),
      deptCode: z.string().trim().toUpperCase().optional()
    })
  ),
  'exchange.exportKey': ch<{ file: string; fingerprint: string }>()(z.object({ file: file('密钥文件的保存位置') })),
  'exchange.peers': ch<AgencyPeer[]>()(none),
  'exchange.addPeer': ch<AgencyPeer>()(z.object({ file: file('对方的密钥文件（.sjkey）'), fingerprint: fingerprint.optional() })),
  'exchange.confirmPeer': ch<AgencyPeer>()(z.object({ fingerprint })),
  'exchange.removePeer': ch<AgencyPeer[]>()(z.object({ code: z.string().trim().min(1) })),
  'exchange.export': ch<ExchangeExportResult>()(
    z.object({
      to: z.string().trim().min(1, '请选择接收单位'),
      full: z.boolean().default(false),
      file: z.string().trim().optional(),
      /** office → one department: include the county-wide registry (the page asks; off unless the department wants it) */
      withRegistry: z.boolean().default(true)
    })
  ),
  'exchange.preview': ch<ExchangePreview>()(z.object({ file: file('交换包（.sjbx）') })),
  'exchange.apply': ch<ExchangeApplyResult>()(
    z.object({
      file: file('交换包（.sjbx）'),
      token: z.string().length(64),
      default: choice.optional(),
      perRecord: z.array(z.object({ entity: z.string(), key: z.string(), choice })).default([])
    })
  ),
  'exchange.log': ch<ExchangeLogEntry[]>()(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional()),

  'backup.create': ch<{ file: string; bytes: number }>()(z.object({ file: z.string().trim().optional() })),
  'backup.list': ch<BackupFileInfo[]>()(none),
  'backup.preview': ch<BackupContents>()(z.object({ file: file('备份文件') })),
  'backup.restore': ch<{ restored: BackupContents; safetyCopy: string | null }>()(z.object({ file: file('备份文件') }))
} as const

// ───────────────────────── 随机抽取 (draws.*) ─────────────────────────

export const REPLACEMENT_REASON_LIST = ['岗位调整', '工作冲突', '健康状况', '执法回避'] as const
export type DrawRole = '组长' | '组员' | '专家'

/** One seed source typed at the draw: a witness's digits, or a public value named in advance. */
export const drawSourceSchema = z.object({
  kind: z.enum(['witness', 'public']),
  label: z.string().trim().min(1, '请填写见证人姓名或公开数值的名称').max(40, '名称不超过 40 个字'),
  value: z.string().trim().min(1, '请填写数字').max(200, '数字不超过 200 位')
})
export type DrawSourceInput = z.output<typeof drawSourceSchema>

/** Seed sources named before the draw (printed on the 抽取方案公告). */
export const plannedSourcesSchema = z.object({
  witnessCount: z.number().int().min(0).max(20).default(2),
  witnessNames: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** e.g. “福彩3D 2026300期” */
  publicLabels: z.array(z.string().trim().min(1).max(40)).max(5).default([])
})
export type PlannedSources = z.output<typeof plannedSourcesSchema>

/** 抽取方案公告: what is committed before the seed exists. */
export interface DrawAnnouncement {
  taskId: number
  taskUid: string
  taskNo: string
  taskName: string
  status: TaskStatus
  initiatorName: string
  departments: { deptName: string; inspectorsPerObject: number; expertsPerObject: number; requiredSpecialties: string[] }[]
  /** false: the task was published without freezing the roster yet (the page offers to do it) */
  frozen: boolean
  drawDate: string
  publishedAt: string | null
  algorithm: string
  prng: string
  poolSha256: string
  inspectorsSha256: string
  poolCount: number
  inspectorsCount: number
  countsByClass: Record<CreditClassName, number>
  quotas: Record<CreditClassName, { size: number; quota: number }>
  drawCount: number
  /** the rule as the seed material writes it (A:ratio:50;…) and in words */
  rule: string
  ruleLines: string[]
  exclusions: { code: string; name: string; reason: string }[]
  exclusionSummary: { reason: string; count: number }[]
  planned: PlannedSources
  materialHeader: string[]
  seedFormation: string[]
  /** feasibility: [] = the draw can start; otherwise each constraint that fails and by how much */
  problems: string[]
  /** the current draw of the task, if made */
  drawId: string | null
}

export interface DrawTeamMember {
  idNumber: string
  name: string
  deptId: number
  deptName: string
  certNo: string
  role: DrawRole
  /** came in through a replacement */
  replacement?: boolean
}

export interface DrawViewObject {
  order: number
  code: string
  name: string
  township: string
  creditClass: CreditClassName
  address?: string
  legalRep?: string
  team: DrawTeamMember[]
}

export interface DrawReplacementView {
  seq: number
  order: number
  objectCode: string
  objectName: string
  outIdNumber: string
  outName: string
  inIdNumber: string
  inName: string
  deptName: string
  role: DrawRole
  reason: string
  approver: string
  policy: 'manual' | 'redraw'
  operator: string
  time: string
}

/** A draw as it stands: teams with every replacement applied. What results and documents use. */
export interface DrawView {
  drawId: string
  taskId: number
  taskUid: string
  taskNo: string
  taskName: string
  seq: number
  drawDate: string
  drawnAt: string
  publishedAt: string
  operator: string
  witnesses: string[]
  supervisor: string
  /** printed on the paper and in the QR code (first 16 hex digits of drawSha256, grouped) */
  shortHash: string
  drawSha256: string
  supersedes: { drawId: string; reason: string } | null
  poolSha256: string
  poolCount: number
  seed: { sources: { kind: 'witness' | 'public'; label: string; value: string }[]; material: string; derived: string }
  objects: DrawViewObject[]
  replacements: DrawReplacementView[]
}

export interface DrawSummary {
  drawId: string
  seq: number
  drawnAt: string
  objectCount: number
  shortHash: string
  operator: string
  supersedes: string | null
  /** a later draw of the same task replaced this one */
  superseded: boolean
  replacements: number
}

export interface ReplacementCandidates {
  /** the county setting (设置 → 人员替换方式) */
  policy: 'manual' | 'redraw'
  member: { idNumber: string; name: string; deptName: string; role: DrawRole }
  candidates: { idNumber: string; name: string; certNo: string; load: number; drawable: boolean }[]
}

export interface EvidenceCheck {
  /** 0 = reproduces exactly, 1 = does not reproduce or was altered, 2 = unreadable */
  code: 0 | 1 | 2
  message: string
  differences: string[]
}

const drawIdSchema = z.string().trim().min(1, '请指定抽取编号').max(40)
const drawFile = (what: string) => z.string().trim().min(1, `请选择${what}`)

const drawsChannels = {
  /** 方案已公布 with the roster frozen: publish a 草稿 (or freeze an already published task) and return the 抽取方案公告 */
  'draws.publish': ch<DrawAnnouncement>()(
    z.object({ taskId: id, drawDate: ymd, planned: plannedSourcesSchema.default(plannedSourcesSchema.parse({})) })
  ),
  'draws.announcement': ch<DrawAnnouncement>()(z.object({ taskId: id })),
  'draws.perform': ch<DrawView>()(
    z.object({
      taskId: id,
      sources: z.array(drawSourceSchema).min(1, '请录入随机数来源'),
      operator: z.string().trim().min(1, '请填写操作人员姓名').max(20),
      witnesses: z.array(z.string().trim().min(1).max(20)).default([]),
      supervisor: z.string().trim().max(20).default(''),
      /** a new draw replacing the current one (the old stays on record) */
      supersede: z.object({ reason: z.string().trim().min(4, '请写明重新抽取的原因（至少 4 个字）').max(200) }).optional()
    })
  ),
  'draws.get': ch<DrawView>()(z.object({ taskId: id.optional(), drawId: drawIdSchema.optional() }).refine((v) => v.taskId !== undefined || !!v.drawId, '请指定任务或抽取编号')),
  'draws.list': ch<DrawSummary[]>()(z.object({ taskId: id })),
  'draws.replacementCandidates': ch<ReplacementCandidates>()(z.object({ drawId: drawIdSchema, order: z.number().int().min(1), outIdNumber: z.string().trim().min(1) })),
  'draws.replace': ch<DrawView>()(
    z.object({
      drawId: drawIdSchema,
      order: z.number().int().min(1),
      outIdNumber: z.string().trim().min(1, '请选择要替换的人员'),
      reason: z.enum(REPLACEMENT_REASON_LIST, '替换理由只能是：岗位调整、工作冲突、健康状况、执法回避'),
      approver: z.string().trim().min(1, '请填写批准替换的分管负责人').max(20),
      policy: z.enum(['manual', 'redraw']),
      manualIdNumber: z.string().trim().optional(),
      source: drawSourceSchema.optional(),
      note: z.string().trim().max(200).optional()
    })
  ),
  'draws.exportEvidence': ch<{ file: string; bytes: number; shortHash: string }>()(z.object({ drawId: drawIdSchema, file: drawFile('证据文件的保存位置') })),
  'draws.verifyFile': ch<EvidenceCheck>()(z.object({ file: drawFile('要核验的证据文件（.json）') })),
  'draws.drawRecordDocx': ch<{ file: string }>()(z.object({ drawId: drawIdSchema, file: drawFile('抽取记录的保存位置') }))
} as const

// ───────────────────────── 检查结果 (results.*), 统计 (stats.*) and 工作日 (workdays.*) ─────────────────────────

/** R9 result categories (`003_…` 第二十三条, `004_…` (七)), in the printed order. */
export const RESULT_CATEGORY_LIST = [
  '未发现问题',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '发现问题已责令改正',
  '不配合检查情节严重',
  '未发现开展本次抽查涉及的经营活动',
  '发现问题待后续处理',
  '合格',
  '不合格',
  '其他情况'
] as const
export type ResultCategory = (typeof RESULT_CATEGORY_LIST)[number]
/** Categories that are not a problem found: no follow-up is opened for them. */
export const NO_PROBLEM_CATEGORIES: readonly ResultCategory[] = ['未发现问题', '合格', '未发现开展本次抽查涉及的经营活动']
/** The object could not be inspected (`000_…` 第十七条): the evidence obtained must be noted. */
export const UNINSPECTABLE_CATEGORIES: readonly ResultCategory[] = ['通过登记的住所（经营场所）无法联系', '不配合检查情节严重']
export const CHECK_METHOD_LIST = ['实地核查', '书面检查', '网络监测', '委托专业机构'] as const
export const DISPOSAL_LIST = ['无须处置', '责令限期整改', '移送办案', '移交其他部门', '列入经营异常名录', '其他'] as const
export type Disposal = (typeof DISPOSAL_LIST)[number]

export const resultInspectorSchema = z.object({
  name: z.string().trim().min(1, '检查人员姓名不能为空').max(30),
  certNo: z.string().trim().max(40).default(''),
  deptName: z.string().trim().max(40).default('')
})
export type ResultInspector = z.output<typeof resultInspectorSchema>

/** The fields of a result without their defaults: a correction changes only the fields it names. */
const resultFieldSchemas = {
  category: z.enum(RESULT_CATEGORY_LIST, '检查结果应为规定的 11 种情形之一'),
  method: z.union([z.enum(CHECK_METHOD_LIST), z.literal('')], '核查方式应为规定的选项之一'),
  findings: z.string().trim().max(2000, '检查情况不超过 2000 字'),
  disposal: z.enum(DISPOSAL_LIST, '后续处置应为规定的选项之一'),
  /** 移送办案: the case number; 移交其他部门: the department; 其他: what. */
  disposalRef: z.string().trim().max(200, '案号或移交部门不超过 200 字'),
  evidence: z.string().trim().max(1000, '证据说明不超过 1000 字'),
  checkDate: ymd,
  inspectors: z.array(resultInspectorSchema).max(20, '检查人员不超过 20 人')
}

/** One result as entered: a drawn object, one item of one department. */
export const resultInputSchema = z.object({
  objectCode: z.string().trim().min(1, '请填写检查对象代码').max(40),
  deptId: z.number().int().positive(),
  itemUid: z.string().trim().min(1, '请选择检查事项'),
  category: resultFieldSchemas.category,
  method: resultFieldSchemas.method.default(''),
  findings: resultFieldSchemas.findings.default(''),
  disposal: resultFieldSchemas.disposal.default('无须处置'),
  disposalRef: resultFieldSchemas.disposalRef.default(''),
  evidence: resultFieldSchemas.evidence.default(''),
  checkDate: resultFieldSchemas.checkDate,
  inspectors: resultFieldSchemas.inspectors.default([])
})
export type ResultInput = z.input<typeof resultInputSchema>
export type ResultInputParsed = z.output<typeof resultInputSchema>

/** A stored result with its follow-up state. */
export interface InspectionResult extends ResultInputParsed {
  id: number
  uid: string
  taskId: number
  objectName: string
  deptName: string
  itemName: string
  followUpOpen: boolean
  followUpDoneOn: string | null
  followUpNote: string
  enteredBy: string
  updatedAt: string
  /** how many corrections after publication (R11) */
  corrections: number
}

/** One line of the entry grid: an object × item of the chosen department, entered or not yet. */
export interface ResultGridRow {
  objectCode: string
  objectName: string
  /** 1-based order of the draw (or code order when the draw record is not available) */
  order: number
  itemUid: string
  itemName: string
  /** 检查方式 of the item on the department's list, used as the default 核查方式 */
  itemMethod: string
  result: InspectionResult | null
  /** inspectors the draw sent to this object from this department (default for 检查人员) */
  team: ResultInspector[]
}

export interface DeptProgress {
  deptId: number
  deptName: string
  expected: number
  entered: number
}

/** Where a task stands: results in, completion, the publication deadline (R10). */
export interface TaskProgress {
  taskId: number
  taskNo: string
  taskName: string
  year: number
  status: TaskStatus
  objects: number
  expected: number
  entered: number
  byDept: DeptProgress[]
  complete: boolean
  completedOn: string | null
  dueOn: string | null
  publicationDays: number | null
  publishedOn: string | null
  /** published on or before the due date; null while not published */
  onTime: boolean | null
  /** working days from today to the due date (negative when overdue); null without a due date */
  workdaysLeft: number | null
  /** set when the holiday table does not cover the years of the deadline */
  coverageWarning: string | null
}

export interface ResultSheet {
  progress: TaskProgress
  deptId: number
  deptName: string
  /** the task's published/complete state decides whether the grid edits or corrects */
  locked: boolean
  rows: ResultGridRow[]
  /** the department's certified inspectors, for the 检查人员 picker */
  inspectorOptions: ResultInspector[]
}

export interface ResultImportReport {
  ok: boolean
  saved: number
  errors: { row: number; reason: string }[]
  progress: TaskProgress | null
}

export interface ResultCorrection {
  id: number
  resultId: number
  objectCode: string
  objectName: string
  deptName: string
  itemName: string
  before: ResultInputParsed
  after: ResultInputParsed
  reason: string
  approvedBy: string
  actor: string
  at: string
}

export interface FollowUpRow {
  resultId: number
  taskId: number
  taskNo: string
  taskName: string
  objectCode: string
  objectName: string
  deptId: number
  deptName: string
  itemName: string
  category: ResultCategory
  disposal: Disposal
  disposalRef: string
  checkDate: string
  doneOn: string | null
  note: string
}

export interface ObjectHistoryEntry {
  taskId: number | null
  taskUid: string
  taskNo: string
  taskName: string
  date: string
  departments: string[]
  results: { deptName: string; itemName: string; category: string; disposal: string; corrected: boolean }[]
}
export interface ObjectHistory {
  code: string
  name: string
  entries: ObjectHistoryEntry[]
}

export interface DeadlineRow {
  taskId: number
  taskNo: string
  taskName: string
  initiatorName: string
  completedOn: string
  dueOn: string
  workdaysLeft: number
  coverageWarning: string | null
}
export interface HomeDeadlines {
  today: string
  /** every completed task awaiting publication whose deadline has not passed (待公示), soonest first */
  pending: DeadlineRow[]
  /** those of `pending` within 5 working days */
  dueSoon: DeadlineRow[]
  overdue: DeadlineRow[]
  missing: { deptId: number; deptName: string; missing: number; tasks: { taskId: number; taskNo: string; taskName: string; missing: number }[] }[]
}

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

export const holidayOverrideSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(ymd).max(400),
  workdays: z.array(ymd).max(100)
})

const resultId = z.number().int().positive()
// Built from the fields without defaults: `.partial()` of a schema with defaults would still fill
// them in under zod 4, so a correction of one field used to erase 检查人员 and the rest.
const resultFields = z.object(resultFieldSchemas).partial()

export const resultsChannels = {
  'results.tasks': ch<TaskProgress[]>()(z.object({ year: year.optional() }).optional()),
  'results.progress': ch<TaskProgress>()(z.object({ taskId: id })),
  'results.sheet': ch<ResultSheet>()(z.object({ taskId: id, deptId: id })),
  'results.save': ch<{ saved: number; progress: TaskProgress }>()(z.object({ taskId: id, results: z.array(resultInputSchema).min(1, '没有要保存的结果').max(20000) })),
  'results.exportTemplate': ch<{ file: string; rows: number }>()(z.object({ taskId: id, deptId: id, path: nonEmpty('请选择保存位置') })),
  'results.import': ch<ResultImportReport>()(z.object({ taskId: id, path: nonEmpty('请选择要导入的表格') })),
  'results.publish': ch<TaskProgress>()(z.object({ taskId: id, date: ymd, note: z.string().trim().max(200).default('') })),
  'results.exportPublic': ch<{ file: string; rows: number }>()(z.object({ taskId: id, format: z.enum(['xlsx', 'docx']), path: nonEmpty('请选择保存位置') })),
  'results.correct': ch<ResultCorrection>()(
    z.object({
      resultId,
      changes: resultFields,
      reason: z.string().trim().min(4, '请写明更正原因（至少 4 个字）').max(500),
      approvedBy: z.string().trim().min(2, '请填写签字确认的部门主要负责人姓名').max(30)
    })
  ),
  'results.corrections': ch<ResultCorrection[]>()(z.object({ taskId: id })),
  'results.followUps': ch<FollowUpRow[]>()(z.object({ deptId: id.optional(), open: z.boolean().default(true), year: year.optional() }).optional()),
  'results.closeFollowUp': ch<FollowUpRow>()(z.object({ resultId, date: ymd, note: z.string().trim().min(2, '请写明处置结果').max(500) })),
  'results.history': ch<ObjectHistory>()(z.object({ code: z.string().trim().min(1, '请输入统一社会信用代码或注册号').max(40) })),
  'results.deadlines': ch<HomeDeadlines>()(z.object({ today: ymd.optional() }).optional()),
  'results.deadline': ch<{ due: string; days: number; warning: string | null }>()(z.object({ completed: ymd, days: z.number().int().min(1).max(60).optional() })),

  'stats.dashboard': ch<StatsDashboard>()(z.object({ year })),
  'stats.detail': ch<StatsDetail>()(z.object({ year, key: z.union([z.enum(INDICATOR_KEYS), z.literal('categories')]), deptId: id.optional() })),
  'stats.export': ch<{ file: string }>()(z.object({ year, format: z.enum(['xlsx', 'docx']), path: nonEmpty('请选择保存位置') })),

  'workdays.overrides': ch<{ overrides: { year: number; holidays: string[]; workdays: string[] }[]; coveredYears: number[]; bundledSource: string }>()(none),
  'workdays.setOverrides': ch<{ year: number; holidays: string[]; workdays: string[] }[]>()(z.object({ overrides: z.array(holidayOverrideSchema).max(50) }))
} as const

// ───────────────────────── 文书 (documents.*) ─────────────────────────

export const DOCUMENT_KINDS_LIST = [
  'itemList',
  'registryMarket',
  'registryInstitution',
  'registrySocial',
  'registryInspectors',
  'annualPlan',
  'workPlan',
  'notices',
  'forms',
  'resultSummary',
  'publicResults',
  'drawRecord'
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS_LIST)[number]

/** One kind of document and the subject it asks for (the 文书 page builds its form from this). */
export interface DocumentKindInfo {
  kind: DocumentKind
  label: string
  /** where the layout comes from, e.g. 附件3 */
  basis: string
  group: '名录与清单' | '年度计划' | '任务文书'
  dept: 'required' | 'optional' | 'none'
  year: boolean
  task: boolean
  township: boolean
  /** one document per drawn object: separate files or one combined file */
  batch: boolean
  available: boolean
  note: string
}

export const documentRequestSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS_LIST),
  taskId: z.number().int().positive().optional(),
  deptId: z.number().int().positive().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  filter: z.object({ township: z.string().trim().max(60).optional(), regStatus: z.string().trim().max(30).optional() }).default({}),
  /** batch kinds: `separate` writes a folder of files, `combined` one file */
  mode: z.enum(['separate', 'combined']).default('combined'),
  /** a .docx file, or the folder for separate files; absent → the export folder beside the database */
  path: z.string().trim().optional(),
  overwrite: z.boolean().default(false)
})
export type DocumentRequest = z.input<typeof documentRequestSchema>

/** The result of a documents.generate job (JobStatus.result). */
export interface DocumentResult {
  files: string[]
  /** the folder the files are in */
  folder: string
  cancelled: boolean
  /** 发文字号 taken by an issued document */
  docNumber?: string
  elapsedMs: number
}

/** 预览: the same request as generate; batches show their first `limit` objects. */
export const documentPreviewSchema = documentRequestSchema.extend({ limit: z.number().int().min(1).max(20).default(3) })
export type DocumentPreviewRequest = z.input<typeof documentPreviewSchema>

export interface DocumentPreview {
  title: string
  /** escaped HTML: one <section class="doc-sheet"> per sheet, no scripts; styled by the 文书 page */
  html: string
  sheets: number
  /** objects (batches) or rows (lists) shown, out of total */
  shown: number
  total: number
  /** what the preview leaves out, e.g. 预览显示前 3 份，共 120 份; empty when complete */
  note: string
}

export const documentsChannels = {
  'documents.kinds': ch<DocumentKindInfo[]>()(none),
  /** laid out in memory like generate, nothing written, no 发文字号 taken */
  'documents.preview': ch<DocumentPreview>()(documentPreviewSchema),
  /** runs as a job; refuses at once (before the job) when files exist and overwrite is false (code `exists`) */
  'documents.generate': ch<JobStatus>()(documentRequestSchema)
} as const

// ───────────────────────── 归档卷宗 (dossier.*) ─────────────────────────

/** The result of a dossier.export job (JobStatus.result): one .zip with everything that happened to a task (R13). */
export interface DossierResult {
  /** the .zip written */
  file: string
  taskNo: string
  /** files in the zip, 目录.txt included */
  files: number
  bytes: number
  /** SHA-256 of the .zip itself (also in the audit entry of the export) */
  sha256: string
  /** what the dossier does not contain yet, e.g. 03-文书／抽查结果汇总表：尚无：任务还没有录入检查结果 */
  gaps: string[]
  cancelled: boolean
  elapsedMs: number
}

const dossierChannels = {
  /** runs as a job; refuses at once (before the job) a draft task or an existing file (code `exists`) */
  'dossier.export': ch<JobStatus>()(
    z.object({ taskId: z.number().int().positive(), path: z.string().trim().min(1, '请选择归档卷宗的保存位置') })
  )
} as const

// ───────────────────────── channels ─────────────────────────

export const contract = {
  ...dossierChannels,
  ...documentsChannels,
  ...resultsChannels,
  ...drawsChannels,
  ...plansChannels,
  ...tasksChannels,
  ...exchangeContract,

  // app & database file
  'app.info': ch<AppInfo>()(none),
  'app.openDatabase': ch<AppInfo>()(z.object({ file: z.string().trim().min(1, '请填写数据库文件路径') })),
  'app.loadDemo': ch<DemoSummary>()(
    z.object({ objects: z.number().int().min(100).max(200_000).default(30_000), seed: z.string().max(40).default('demo') })
  ),

  // settings
  'settings.get': ch<Settings>()(none),
  'settings.update': ch<Settings>()(settingsSchema.partial()),

  // 成员单位
  'departments.list': ch<Department[]>()(z.object({ includeInactive: z.boolean().default(true) }).optional()),
  'departments.create': ch<Department>()(departmentInput),
  'departments.update': ch<Department>()(z.object({ id: z.number().int().positive(), ...withoutDefaults(deptFields) }).partial().required({ id: true })),
  'departments.move': ch<Department[]>()(z.object({ id: z.number().int().positive(), direction: z.enum(['up', 'down']) })),

  // 审计日志
  'audit.list': ch<AuditEntry[]>()(
    z
      .object({ entity: z.string().optional(), entityId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .optional()
  ),
  'audit.verify': ch<{ ok: boolean; entries: number; brokenAt?: { id: number; reason: string } }>()(none),

  // 一单两库: 检查对象
  'objects.query': ch<{ rows: RegistryObject[]; total: number }>()(
    objectFilterSchema.extend({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50), sort: z.string().max(30).optional() })
  ),
  'objects.get': ch<RegistryObject>()(z.object({ id: z.number().int().positive().optional(), code: z.string().max(40).optional() }).refine((v) => v.id !== undefined || !!v.code, '请指定对象编号或代码')),
  'objects.create': ch<RegistryObject>()(objectCreateSchema),
  'objects.update': ch<RegistryObject>()(objectUpdateSchema),
  'objects.changeCode': ch<RegistryObject>()(z.object({ id: z.number().int().positive(), code: z.string().max(40), reason: z.string().trim().min(1, '请填写更改代码的原因').max(200) })),
  'objects.delete': ch<{ deleted: true }>()(z.object({ id: z.number().int().positive() })),
  'objects.facets': ch<ObjectFacets>()(none),
  'objects.bulkTag': ch<BulkResult>()(z.object({ filter: objectFilterSchema, tag: z.string().max(30), action: z.enum(['add', 'remove']) })),
  'objects.bulkClass': ch<BulkResult>()(z.object({ filter: objectFilterSchema, creditClass: z.enum(['A', 'B', 'C', 'D']) })),

  // 一单两库: 执法检查人员
  'inspectors.list': ch<{ rows: InspectorListRow[]; total: number }>()(inspectorQuerySchema.optional()),
  'inspectors.get': ch<InspectorDetail>()(z.object({ id: z.number().int().positive() })),
  'inspectors.create': ch<InspectorDetail>()(inspectorCreateSchema),
  'inspectors.update': ch<InspectorDetail>()(inspectorUpdateSchema),
  'inspectors.facets': ch<InspectorFacets>()(none),

  // 一单两库: 随机抽查事项清单
  'items.list': ch<RegistryItem[]>()(z.object({ deptId: z.number().int().positive(), search: z.string().max(60).optional(), level: z.enum(['重点', '一般']).optional() })),
  'items.get': ch<RegistryItem>()(z.object({ id: z.number().int().positive() })),
  'items.create': ch<RegistryItem>()(itemCreateSchema),
  'items.update': ch<RegistryItem>()(itemUpdateSchema),
  'items.delete': ch<{ deleted: true }>()(z.object({ id: z.number().int().positive() })),
  'items.move': ch<RegistryItem[]>()(z.object({ id: z.number().int().positive(), direction: z.enum(['up', 'down']) })),
  'items.counts': ch<{ deptId: number; total: number; key: number }[]>()(none),

  // 一单两库: 表格导入（后台任务）、导出、空白模板
  'registry.importStart': ch<JobStatus>()(z.object({ registry: registryName, path: z.string().min(1, '请选择要导入的表格文件'), deptId: z.number().int().positive().optional() })),
  'registry.saveRejects': ch<{ file: string }>()(z.object({ jobId: z.string(), path: z.string().min(1) })),
  'registry.export': ch<{ file: string; rows: number }>()(
    z.object({
      registry: registryName,
      format: z.enum(['xlsx', 'csv']),
      path: z.string().min(1, '请选择保存位置'),
      deptId: z.number().int().positive().optional(),
      /** objects: export only what the page's filter shows */
      filter: objectFilterSchema.optional()
    })
  ),
  'registry.template': ch<{ file: string }>()(z.object({ registry: registryName, path: z.string().min(1, '请选择保存位置') })),

  // 后台任务 (long operations)
  'jobs.status': ch<JobStatus>()(z.object({ id: z.string() })),
  'jobs.cancel': ch<JobStatus>()(z.object({ id: z.string() })),

  // 文件：desktop dialogs where available; uploads and the export folder in the browser
  'files.pickOpen': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), filters: fileFilters })),
  'files.pickSave': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), defaultName: z.string().min(1), filters: fileFilters })),
  'files.upload': ch<{ path: string }>()(z.object({ name: z.string().min(1), base64: z.string().max(200 * 1024 * 1024, '文件太大（超过 150 MB），请拆分后再导入') })),
  'files.reveal': ch<{ shown: boolean }>()(z.object({ path: z.string() }))
} as const

// ───────────────────────── derived types ─────────────────────────

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type ResultOf<C extends ChannelName> = NonNullable<Contract[C]['__result']>

type GroupOf<K> = K extends `${infer G}.${string}` ? G : never
type MethodOf<K, G extends string> = K extends `${G}.${infer M}` ? M : never
type Fn<C extends ChannelName> = undefined extends InputOf<C> ? (input?: InputOf<C>) => Promise<ResultOf<C>> : (input: InputOf<C>) => Promise<ResultOf<C>>

/** `window.api`: one async method per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<ChannelName>]: { [M in MethodOf<ChannelName, G>]: Fn<Extract<`${G}.${M}`, ChannelName>> }
}

/** What crosses the wire: Electron would mangle a thrown error, so results are wrapped. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { message: string; code: string } }

export const channelNames = Object.keys(contract) as ChannelName[]

/** Builds the grouped API object from one transport function (used by preload and the browser client). */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of channelNames) {
    const [group, method] = name.split('.') as [string, string]
    ;(api[group] ??= {})[method] = (input?: unknown) => invoke(name, input)
  }
  return api as unknown as Api
}

/** Turns an envelope back into a value or a thrown error carrying the Chinese message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.data
  throw new ApiError(env.error.message, env.error.code)
}
