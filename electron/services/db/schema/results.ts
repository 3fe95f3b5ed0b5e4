import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { tasks } from './tasks'
import { departments } from './departments'

/**
 * 检查结果: one row per drawn object × item × department (谁检查、谁录入).
 * Holds the current value; after publication it changes only together with
 * a row in result_corrections that keeps what it was before (R11).
 */
export const inspectionResults = sqliteTable(
  'inspection_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(), // stable across installations (exchange)
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    taskUid: text('task_uid').notNull(),
    objectCode: text('object_code').notNull(),
    objectName: text('object_name').notNull().default(''), // as drawn; the registry may rename later
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    itemUid: text('item_uid').notNull(),
    resultCode: text('result_code').notNull().default(''), // 检查结果代码 (RESULT_CODE_LIST); the key statistics group by
    category: text('category').notNull(), // 检查结果 in our R9 wording, written together with result_code
    methods: text('methods').notNull().default('[]'), // 核查方式, JSON array of CHECK_METHOD_LIST entries
    findings: text('findings').notNull().default(''), // 检查情况
    // The column default predates the standard list; rows always carry a DISPOSAL_LIST value (0010 mapped the old ones).
    disposal: text('disposal').notNull().default('无须处置'), // 后续处置
    disposalRef: text('disposal_ref').notNull().default(''), // 抄告的部门 / 其他处置的说明
    caseNo: text('case_no').notNull().default(''), // 移送办案机构: 案件编号, links the result to the 行政处罚 case (seed 004 (八))
    evidence: text('evidence').notNull().default(''), // 无法联系、不配合: 取得的证据
    checkDate: text('check_date').notNull(), // YYYY-MM-DD
    inspectors: text('inspectors').notNull().default('[]'), // JSON [{ name, certNo, deptName }]
    followUpDoneOn: text('follow_up_done_on'), // 后续处置办结日期
    followUpNote: text('follow_up_note').notNull().default(''),
    enteredBy: text('entered_by').notNull().default(''),
    // 谁检查、谁录入、谁负责: 录入 → 待审核 → 退回 / 已通过; only 已通过 results are published.
    reviewStatus: text('review_status').notNull().default('录入'),
    reviewedBy: text('reviewed_by').notNull().default(''),
    reviewNote: text('review_note').notNull().default(''), // 审核意见
    reviewedAt: text('reviewed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('inspection_results_cell_idx').on(t.taskId, t.objectCode, t.deptId, t.itemUid),
    index('inspection_results_code_idx').on(t.objectCode),
    index('inspection_results_dept_idx').on(t.deptId, t.category),
    index('inspection_results_review_idx').on(t.taskId, t.reviewStatus)
  ]
)

/** R11: a correction of a published result, signed off by the department head. Append-only. */
export const resultCorrections = sqliteTable(
  'result_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resultId: integer('result_id')
      .notNull()
      .references(() => inspectionResults.id),
    before: text('before').notNull(), // JSON of the result's fields before this correction
    after: text('after').notNull(), // JSON of the fields after it
    reason: text('reason').notNull(),
    approvedBy: text('approved_by').notNull(), // 部门主要负责人
    actor: text('actor').notNull(),
    at: text('at').notNull()
  },
  (t) => [index('result_corrections_result_idx').on(t.resultId)]
)

/** When a task's inspections were complete, its publication deadline (R10) and when it was published. */
export const taskOutcomes = sqliteTable('task_outcomes', {
  taskId: integer('task_id')
    .primaryKey()
    .references(() => tasks.id),
  completedOn: text('completed_on'), // YYYY-MM-DD: the last check date once every result is in
  dueOn: text('due_on'), // completedOn + N working days
  publicationDays: integer('publication_days'), // N used for dueOn
  publishedOn: text('published_on'), // 公示日期
  publishNote: text('publish_note').notNull().default(''),
  publicUntil: text('public_until'), // 公示截止日期: after it the office may record 停止公示 (信用修复, seed 004 (十一))
  updatedAt: text('updated_at').notNull()
})

/** Every review step of a task's results (录入 → 待审核 → 退回 / 通过), kept for good with the 审核意见. Append-only. */
export const resultReviews = sqliteTable(
  'result_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    action: text('action').notNull(), // 提交审核 / 退回 / 通过
    results: integer('results').notNull(), // how many results the step covered
    person: text('person').notNull(), // who submitted, or the reviewer
    note: text('note').notNull().default(''), // 审核意见
    at: text('at').notNull()
  },
  (t) => [index('result_reviews_task_idx').on(t.taskId, t.deptId)]
)

/** 停止公示 of one object's results of a task once its publication period has ended (信用修复). */
export const resultPublicStops = sqliteTable(
  'result_public_stops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    objectCode: text('object_code').notNull(),
    stoppedOn: text('stopped_on').notNull(),
    reason: text('reason').notNull(),
    approvedBy: text('approved_by').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull()
  },
  (t) => [uniqueIndex('result_public_stops_object_idx').on(t.taskId, t.objectCode)]
)

/** 回访 of an inspected object (seed 004 (十)): optional, any number per object and task. */
export const resultRevisits = sqliteTable(
  'result_revisits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    objectCode: text('object_code').notNull(),
    visitedOn: text('visited_on').notNull(),
    way: text('way').notNull(), // 电话 / 实地 / 问卷 …
    satisfaction: text('satisfaction').notNull().default(''),
    note: text('note').notNull().default(''),
    actor: text('actor').notNull(),
    at: text('at').notNull()
  },
  (t) => [index('result_revisits_object_idx').on(t.taskId, t.objectCode)]
)
