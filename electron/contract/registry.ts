/** 一单两库 (objects.*, inspectors.*, items.*, registry.*): the registries, their import and export. */
import { z } from 'zod'
import { ch, none } from './common'
import type { JobStatus } from './app'

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
  /** The text encoding a .csv file was read in (e.g. “GB18030”); absent for .xlsx. */
  encoding?: string
  /** Every updated row with its changed fields (caption, old → new). */
  changes: { row: number; sheet: string; key: string; fields: { field: string; old: string; new: string }[] }[]
  /** True for a preview: counts and changes of what the import would do; nothing was written. */
  dryRun?: boolean
  /** Digest of the file's bytes as read; the confirmation of a preview passes it back as expectFingerprint. */
  fingerprint?: string
}
const registryName = z.enum(['objects', 'inspectors', 'items'])
const registryExportSchema = z.object({
  registry: registryName,
  format: z.enum(['xlsx', 'csv']),
  path: z.string().min(1, '请选择保存位置'),
  deptId: z.number().int().positive().optional(),
  /** objects: export only what the page's filter shows */
  filter: objectFilterSchema.optional()
})

export const registryChannels = {
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
  'registry.importStart': ch<JobStatus>()(
    z.object({
      registry: registryName,
      path: z.string().min(1, '请选择要导入的表格文件'),
      deptId: z.number().int().positive().optional(),
      dryRun: z.boolean().optional(),
      /** The preview's fingerprint: the import is refused if the file is no longer what was previewed. */
      expectFingerprint: z.string().max(128).optional()
    })
  ),
  'registry.saveRejects': ch<{ file: string }>()(z.object({ jobId: z.string(), path: z.string().min(1) })),
  'registry.export': ch<{ file: string; rows: number }>()(registryExportSchema),
  /** the same export as a job, for the page: its bar counts the rows written; the result is { file, rows } */
  'registry.exportStart': ch<JobStatus>()(registryExportSchema),
  'registry.template': ch<{ file: string }>()(z.object({ registry: registryName, path: z.string().min(1, '请选择保存位置') }))
} as const
