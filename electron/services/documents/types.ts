import { CHECK_METHOD_LIST, DISPOSAL_LIST, RESULT_CATEGORY_LIST, RESULT_CODES } from '@contract'

/**
 * Plain inputs of the document builders. Other services (tasks, draws,
 * results, registry) map their rows onto these; nothing here knows the
 * database. Dates are `YYYY-MM-DD` strings unless said otherwise.
 */

/** Office settings used by every template (from the settings service). */
export interface OfficeInfo {
  /** 办公室全称, e.g. 县“双随机、一公开”监管联席会议办公室. Also the default 印发机关. */
  officeName: string
  /** 发文机关标志 text; default `${officeName}文件`. */
  mastheadText?: string
  /** 发文字号 prefix, e.g. 临双随机办发. */
  docPrefix: string
  /** Next running number of the 发文字号 (the caller reserves and increments it). */
  docNumber: number
  contactPerson: string
  contactPhone: string
  /** Names of the member departments that issue jointly (署名), if any. */
  issuingDepartments?: string[]
  /** Text printed where the seal goes, e.g. （印章）; empty for none. */
  sealText?: string
}

/** 核查方式 (`003_…` 第二十条): the contract's standard list. */
export const CHECK_METHODS = CHECK_METHOD_LIST
export type CheckMethod = (typeof CHECK_METHODS)[number]

/** Result categories of R9, in the printed order: the contract's list. */
export const RESULT_CATEGORIES = RESULT_CATEGORY_LIST

/** 后续处置 choices on the inspection form: the contract's standard list. */
export const FOLLOW_UPS = DISPOSAL_LIST
/** 检查结果 boxes as printed: the national code and our wording. */
export const RESULT_BOXES = RESULT_CODES.map((d) => `${d.code}.${d.label}`)

/** The drawn object as the notices and forms need it. */
export interface ObjectInfo {
  name: string
  /** 统一社会信用代码 or 注册号. */
  code: string
  address?: string
  legalRepresentative?: string
}

export interface CheckItem {
  /** 检查事项 (name on the department's list). */
  name: string
  /** 检查内容. */
  content?: string
  /** 检查依据. */
  basis?: string
  /** The department responsible for the item. */
  department?: string
}

/** 随机抽查通知书/告知书 (`000_…` 第十六条, `003_…` 第二十一条(二)). */
export interface NoticeInput {
  /** 通知书 (default) or 告知书. */
  kind?: '通知书' | '告知书'
  /** Optional document number printed under the title, e.g. 临市监抽告〔2026〕12号. */
  noticeNumber?: string
  object: ObjectInfo
  taskNumber: string
  taskName: string
  /** 法律依据: each a law/article, e.g. 《企业信息公示暂行条例》第十四条. */
  legalBasis: string[]
  items: CheckItem[]
  /** Inspection period. */
  periodStart: string
  periodEnd: string
  methods: CheckMethod[]
  /** 需要准备的材料. */
  materials: string[]
  /** Consequence of refusing; a default citing 第二十六条 is printed when absent. */
  refusalConsequence?: string
  contact: { person: string; phone: string }
  /** 发起部门 that issues the notice (署名). */
  issuingDepartment: string
  /** Departments joining the inspection. */
  partnerDepartments?: string[]
  issueDate: string
}

export interface InspectorInfo {
  name: string
  /** 执法证号. */
  certificateNo: string
  department: string
  /** Team leader (组长). */
  leader?: boolean
}

/** 随机抽查检查表 (`000_…` 第十六条, `003_…` 第二十一条(三)). */
export interface InspectionFormInput {
  taskNumber: string
  taskName: string
  /** 检查部门 (发起 and 配合). */
  departments: string[]
  object: ObjectInfo
  items: CheckItem[]
  inspectors: InspectorInfo[]
  /** Items per sheet (`planFormSheets`); absent → six to a sheet. */
  sheets?: number[]
}

/** One object's line in the 抽查结果汇总表. */
export interface SummaryRow {
  objectName: string
  objectCode: string
  items: string[]
  result: string
  /** The one R9 category the object is counted under in the 合计 line when `result` lists several. */
  category?: string
  followUp?: string
  inspectors: string[]
  /** The result of each of the task's items (`ResultSummaryInput.itemColumns`, same order); '' where none is entered. */
  itemResults?: string[]
}

/** 抽查结果汇总表 (`003_…` 第二十二条). */
export interface ResultSummaryInput {
  taskNumber: string
  taskName: string
  leadDepartment: string
  partnerDepartments: string[]
  periodStart: string
  periodEnd: string
  rows: SummaryRow[]
  /** The task's items as column heads (name and department); with rows' `itemResults`, each object takes one compact row. */
  itemColumns?: { name: string; department?: string }[]
  /** 检查小组成员 who sign. */
  team: { name: string; department: string }[]
  /** Date printed under the table; blank for handwriting when absent. */
  date?: string
}

/** One row of 附件5. */
export interface AnnualPlanRow {
  planName: string
  taskName: string
  /** 抽查类型: 定向抽查 / 不定向抽查. */
  checkType: string
  objectTotal: number | string
  /** 抽查比例, as printed (e.g. 5%). */
  ratio: string
  items: string[]
  objectScope: string
  initiator: string
  partners: string[]
  /** 抽取日期, as printed (e.g. 2026年4月 or a date). */
  drawDate: string
}

/** 年度部门双随机联合抽查工作计划表 (`003_…` 附件5). */
export interface AnnualPlanInput {
  /** Department name, or the county's name for the county-wide table. */
  owner: string
  year: number
  rows: AnnualPlanRow[]
  /** 附件 number when printed as an attachment; absent → no label. */
  attachmentNo?: number
}

/** One row of 附件3. */
export interface ItemListRow {
  category: string
  item: string
  objectType: string
  /** 事项类别: 重点 or 一般. */
  itemClass: string
  method: string
  subject: string
  frequency: string
  content: string
  basis: string
}

/** 随机抽查事项清单 (`003_…` 附件3). */
export interface ItemListInput {
  department: string
  rows: ItemListRow[]
  attachmentNo?: number
}

/** 名录库 layouts of `003_…` 附件4. */
export type RegistryKind = '市场主体' | '机关/事业单位' | '社会团体' | '执法人员'

export interface MarketEntityRow {
  code: string
  name: string
  entityType: string
  registrationAuthority: string
  legalRepresentative: string
  address: string
  status: string
  establishedOn: string
  businessScope: string
}

export interface OrganizationRow {
  code: string
  name: string
  registrationAuthority: string
  legalRepresentative: string
  address: string
  establishedOn: string
  note?: string
}

export interface InspectorRegistryRow {
  idNumber: string
  name: string
  gender: string
  mobile: string
  unit: string
  department: string
  userLevel: string
  certificateNo: string
  certificateAuthority: string
  speciality: string
}

export type RegistryInput =
  | { kind: '市场主体'; department: string; rows: MarketEntityRow[]; attachmentNo?: number }
  | { kind: '机关/事业单位' | '社会团体'; department: string; rows: OrganizationRow[]; attachmentNo?: number }
  | { kind: '执法人员'; department: string; rows: InspectorRegistryRow[]; attachmentNo?: number }

/** 抽取记录 of a draw (DESIGN §4). */
export interface DrawRecordInput {
  drawId: string
  taskNumber: string
  taskName: string
  /** 抽取对象 / 抽取检查人员. */
  drawKind: string
  algorithmId: string
  algorithmVersion: string
  /** When the pool was frozen and when the draw was made (free text or ISO). */
  committedAt: string
  drawnAt: string
  strata: { name: string; poolCount: number; poolHash: string; drawCount: number }[]
  exclusions: { name: string; code: string; reason: string }[]
  /** 抽取规则 in words (ratio per class, caps, …). */
  rule: string[]
  seedSources: { label: string; value: string }[]
  derivedSeed: string
  results: { order: number; name: string; code: string; stratum?: string; team?: string; leader?: string; members?: string[] }[]
  replacements: { original: string; replacement: string; reason: string; approvedBy: string; at: string }[]
  operator: string
  witnesses: string[]
  supervisor?: string
  /** SHA-256 of the evidence file (hex); the record prints its first 16 characters unless `checkCode` is given. */
  evidenceHash: string
  /** The 校验码 exactly as the screen shows it (e.g. 3F2A-91C0-…); printed in place of the hash's first 16 characters. */
  checkCode?: string
  /** Name of the file beside the record that lists every excluded object; the record prints the counts by reason and names it. */
  exclusionsFile?: string
  /** Text encoded in the QR code; defaults to `${drawId} ${evidenceHash}`. */
  qrText?: string
  /** A reference to an earlier draw this one replaces, with the reason. */
  supersedes?: { drawId: string; reason: string }
  /** The seed sources the 抽取方案公告 fixed (how many witnesses, digits, which public values). */
  announcedSources?: string
  /** The published pool and roster files, named with their hashes. */
  poolFiles?: string[]
  /** Drawn after the inspection period ended: the stated reason. */
  lateReason?: string
  /** Replacements and re-draws chained to the draw: their count and the chain head's short code. */
  chain?: { adjustments: number; headCode: string }
}

/**
 * One line of the 抽查结果公示表. Deliberately has no field for a person: the
 * public list never names inspectors or carries 身份证号 or phone numbers.
 */
export interface PublicResultRow {
  objectName: string
  objectCode: string
  items: string[]
  result: string
  /** 检查机关. */
  authority: string
  /** 检查完成日期. */
  completedOn: string
}

/** 抽查结果公示表 (`000_…` 第十八条, `003_…` 第二十五条). */
export interface PublicResultsInput {
  taskNumber: string
  taskName: string
  departments: string[]
  rows: PublicResultRow[]
  publishDate: string
}

/** A heading with paragraphs and optional sub-headings, for issued documents. */
export interface DocPart {
  /** “一、…” (the numbering is added). */
  heading: string
  paragraphs?: string[]
  /** “（一）…” parts; `heading` is printed in 楷体 and `text` runs on in 仿宋. */
  subparts?: { heading: string; text: string }[]
}

/** 联合抽查工作方案, issued as a file with 发文字号 and 版记. */
export interface WorkPlanInput {
  taskNumber: string
  taskName: string
  leadDepartment: string
  partnerDepartments: string[]
  /** 主送机关, e.g. 各成员单位. */
  recipients: string
  items: CheckItem[]
  objectScope: string
  objectCount: number
  /** 抽查比例 in words, per credit class where it differs. */
  ratio: string
  periodStart: string
  periodEnd: string
  methods: CheckMethod[]
  /** Extra parts after the generated ones (工作要求 …); optional. */
  extraParts?: DocPart[]
  /** Names of attachments listed under the body; their pages are given in `attachments`. */
  attachments?: { title: string; rows: string[][]; header: string[] }[]
  issueDate: string
  copyTo?: string[]
}
