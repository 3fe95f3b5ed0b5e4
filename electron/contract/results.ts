/** 检查结果 (results.*): entry, completion and deadline, publication, corrections, follow-ups, history. */
import { z } from 'zod'
import { ch, id, nonEmpty, year, ymd } from './common'
import type { TaskStatus } from './tasks'

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

/** One result as entered: a drawn object, one item of one department. */
export const resultInputSchema = z.object({
  objectCode: z.string().trim().min(1, '请填写检查对象代码').max(40),
  deptId: z.number().int().positive(),
  itemUid: z.string().trim().min(1, '请选择检查事项'),
  category: z.enum(RESULT_CATEGORY_LIST, '检查结果应为规定的 11 种情形之一'),
  method: z.union([z.enum(CHECK_METHOD_LIST), z.literal('')]).default(''),
  findings: z.string().trim().max(2000, '检查情况不超过 2000 字').default(''),
  disposal: z.enum(DISPOSAL_LIST, '后续处置应为规定的选项之一').default('无须处置'),
  /** 移送办案: the case number; 移交其他部门: the department; 其他: what. */
  disposalRef: z.string().trim().max(200).default(''),
  evidence: z.string().trim().max(1000).default(''),
  checkDate: ymd,
  inspectors: z.array(resultInspectorSchema).max(20).default([])
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
  dueSoon: DeadlineRow[]
  overdue: DeadlineRow[]
  missing: { deptId: number; deptName: string; missing: number; tasks: { taskId: number; taskNo: string; taskName: string; missing: number }[] }[]
}

const resultId = z.number().int().positive()
const resultFields = resultInputSchema.omit({ objectCode: true, deptId: true, itemUid: true }).partial()

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
  'results.deadline': ch<{ due: string; days: number; warning: string | null }>()(z.object({ completed: ymd, days: z.number().int().min(1).max(60).optional() }))
} as const
