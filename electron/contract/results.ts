/** 检查结果 (results.*): entry, completion and deadline, publication, corrections, follow-ups, history. */
import { z } from 'zod'
import { ch, id, nonEmpty, year, ymd } from './common'
import type { TaskStatus } from './tasks'
import { RESULT_CATEGORY_LIST, CHECK_METHOD_LIST, DISPOSAL_LIST, type ResultCategory, type Disposal, type ReviewStatus } from './resultLists'

export * from './resultLists'
export const resultInspectorSchema = z.object({
  name: z.string().trim().min(1, '检查人员姓名不能为空').max(30),
  certNo: z.string().trim().max(40).default(''),
  deptName: z.string().trim().max(40).default('')
})
export type ResultInspector = z.output<typeof resultInspectorSchema>

/** The fields of a result without their defaults: a correction changes only the fields it names. */
const resultFieldSchemas = {
  category: z.enum(RESULT_CATEGORY_LIST, '检查结果应为规定的情形之一（见下拉列表）'),
  methods: z.array(z.enum(CHECK_METHOD_LIST, '核查方式应为规定的 6 种方式之一')).max(6, '核查方式最多 6 种'),
  findings: z.string().trim().max(2000, '检查情况不超过 2000 字'),
  disposal: z.enum(DISPOSAL_LIST, '后续处置应为规定的选项之一'),
  /** 抄告相关部门: the department; 其他: what was done. */
  disposalRef: z.string().trim().max(200, '处置说明不超过 200 字'),
  /** 移送办案机构: the 案件编号 that links the result to the 行政处罚 case. */
  caseNo: z.string().trim().max(60, '案件编号不超过 60 个字符'),
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
  methods: resultFieldSchemas.methods.default([]),
  findings: resultFieldSchemas.findings.default(''),
  disposal: resultFieldSchemas.disposal.default('无需处置'),
  disposalRef: resultFieldSchemas.disposalRef.default(''),
  caseNo: resultFieldSchemas.caseNo.default(''),
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
  /** the national code of `category` */
  resultCode: string
  reviewStatus: ReviewStatus
  reviewedBy: string
  /** 审核意见 */
  reviewNote: string
  reviewedAt: string | null
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
  /** results per review status (录入, 待审核, 退回, 已通过) */
  review: Record<ReviewStatus, number>
  /** 公示截止日期: after it 停止公示 may be recorded */
  publicUntil: string | null
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

/** The longest 办结说明, in the 后续处置 panel and in the results sheet alike. */
export const FOLLOW_UP_NOTE_MAX = 500

export interface ResultImportReport {
  ok: boolean
  saved: number
  /** follow-ups the sheet marked 完结 that were open before */
  closed: number
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
  caseNo: string
  checkDate: string
  doneOn: string | null
  note: string
}

/** One step of the review of a department's results of a task, kept for good. */
export interface ResultReviewEntry {
  id: number
  taskId: number
  deptId: number
  deptName: string
  action: '提交审核' | '退回' | '通过'
  results: number
  person: string
  /** 审核意见 */
  note: string
  at: string
}

/** 停止公示 of one object's results (信用修复). */
export interface PublicStop {
  taskId: number
  objectCode: string
  objectName: string
  stoppedOn: string
  reason: string
  approvedBy: string
}

/** 回访 of an inspected object. */
export interface Revisit {
  id: number
  taskId: number
  objectCode: string
  objectName: string
  visitedOn: string
  way: string
  satisfaction: string
  note: string
  actor: string
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
  'results.publish': ch<TaskProgress>()(z.object({ taskId: id, date: ymd, note: z.string().trim().max(200).default(''), publicUntil: ymd.optional() })),
  /** 录入 → 待审核: the department hands its entered (or returned and fixed) results to the reviewer */
  'results.submitReview': ch<TaskProgress>()(z.object({ taskId: id, deptId: id, person: z.string().trim().min(2, '请填写提交人姓名').max(30) })),
  /** 待审核 → 已通过 / 退回, with the reviewer and 审核意见 kept */
  'results.review': ch<TaskProgress>()(
    z.object({
      taskId: id,
      deptId: id,
      decision: z.enum(['通过', '退回'], '请选择通过或退回'),
      reviewer: z.string().trim().min(2, '请填写审核人姓名').max(30),
      note: z.string().trim().max(500).default(''),
      /** only these results (default: all 待审核 of the department) */
      resultIds: z.array(z.number().int().positive()).max(20000).optional()
    })
  ),
  'results.reviews': ch<ResultReviewEntry[]>()(z.object({ taskId: id })),
  /** 抽查检查结果 for 国家企业信用信息公示系统: every published result of the year in the national field layout */
  'results.exportGsxt': ch<{ file: string; rows: number }>()(z.object({ year, path: nonEmpty('请选择保存位置') })),
  'results.stopPublic': ch<PublicStop>()(
    z.object({
      taskId: id,
      objectCode: z.string().trim().min(1, '请选择检查对象').max(40),
      date: ymd,
      reason: z.string().trim().min(4, '请写明停止公示的依据（至少 4 个字）').max(500),
      approvedBy: z.string().trim().min(2, '请填写批准人姓名').max(30)
    })
  ),
  'results.publicStops': ch<PublicStop[]>()(z.object({ taskId: id })),
  'results.addRevisit': ch<Revisit>()(
    z.object({
      taskId: id,
      objectCode: z.string().trim().min(1, '请选择检查对象').max(40),
      date: ymd,
      way: z.enum(['电话回访', '实地回访', '书面问卷', '网络问卷'], '请选择回访方式'),
      satisfaction: z.enum(['满意', '基本满意', '不满意', ''], '请选择满意程度').default(''),
      note: z.string().trim().max(500).default('')
    })
  ),
  'results.revisits': ch<Revisit[]>()(z.object({ taskId: id })),
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
  'results.closeFollowUp': ch<FollowUpRow>()(z.object({ resultId, date: ymd, note: z.string().trim().min(2, '请写明处置结果').max(FOLLOW_UP_NOTE_MAX) })),
  'results.history': ch<ObjectHistory>()(z.object({ code: z.string().trim().min(1, '请输入统一社会信用代码或注册号').max(40) })),
  'results.deadlines': ch<HomeDeadlines>()(z.object({ today: ymd.optional() }).optional()),
  'results.deadline': ch<{ due: string; days: number; warning: string | null }>()(z.object({ completed: ymd, days: z.number().int().min(1).max(60).optional() }))
} as const
