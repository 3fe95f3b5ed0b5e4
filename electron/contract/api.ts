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

// ───────────────────────── channels ─────────────────────────

export const contract = {
  // app & database file
  'app.info': ch<AppInfo>()(none),
  'app.openDatabase': ch<AppInfo>()(z.object({ file: z.string().trim().min(1, '请填写数据库文件路径') })),
  'app.backup': ch<{ file: string; bytes: number }>()(z.object({ file: z.string().trim().optional() })),
  'app.loadDemo': ch<DemoSummary>()(
    z.object({ objects: z.number().int().min(100).max(200_000).default(30_000), seed: z.string().max(40).default('demo') })
  ),

  // settings
  'settings.get': ch<Settings>()(none),
  'settings.update': ch<Settings>()(settingsSchema.partial()),

  // 成员单位
  'departments.list': ch<Department[]>()(z.object({ includeInactive: z.boolean().default(true) }).optional()),
  'departments.create': ch<Department>()(departmentInput),
  'departments.update': ch<Department>()(z.object({ id: z.number().int().positive(), ...deptFields }).partial().required({ id: true })),
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
    z.object({ registry: registryName, format: z.enum(['xlsx', 'csv']), path: z.string().min(1, '请选择保存位置'), deptId: z.number().int().positive().optional() })
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
