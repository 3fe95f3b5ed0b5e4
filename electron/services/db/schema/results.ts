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
    category: text('category').notNull(), // R9 检查结果
    method: text('method').notNull().default(''), // 核查方式
    findings: text('findings').notNull().default(''), // 检查情况
    disposal: text('disposal').notNull().default('无须处置'), // 后续处置
    disposalRef: text('disposal_ref').notNull().default(''), // 案件编号 / 移交部门 / 其他说明
    evidence: text('evidence').notNull().default(''), // 无法联系、不配合: 取得的证据
    checkDate: text('check_date').notNull(), // YYYY-MM-DD
    inspectors: text('inspectors').notNull().default('[]'), // JSON [{ name, certNo, deptName }]
    followUpDoneOn: text('follow_up_done_on'), // 后续处置办结日期
    followUpNote: text('follow_up_note').notNull().default(''),
    enteredBy: text('entered_by').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('inspection_results_cell_idx').on(t.taskId, t.objectCode, t.deptId, t.itemUid),
    index('inspection_results_code_idx').on(t.objectCode),
    index('inspection_results_dept_idx').on(t.deptId, t.category)
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
  updatedAt: text('updated_at').notNull()
})
