import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core'
import { departments } from './departments'

/**
 * 抽查任务: one concrete joint inspection. The per-department part
 * (items, inspectors per object) and the scope and rule are JSON text,
 * validated by the task service; they freeze when the 方案 is published.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(), // stable across installations (exchange)
    taskNo: text('task_no').notNull().unique(), // 任务编号, e.g. 2026-001
    year: integer('year').notNull(),
    name: text('name').notNull(),
    planEntryUid: text('plan_entry_uid'), // from a plan entry, or null for 临时 tasks
    adhocReason: text('adhoc_reason'), // 临时任务事由: 上级交办 / 投诉举报 / 专项整治 / 其他
    adhocNote: text('adhoc_note').notNull().default(''),
    initiatorDeptId: integer('initiator_dept_id')
      .notNull()
      .references(() => departments.id),
    departments: text('departments').notNull().default('[]'), // JSON TaskDepartmentSpec[] (initiator included)
    scope: text('scope').notNull().default('{}'), // JSON ObjectScope
    rule: text('rule').notNull(), // JSON DrawRule (per credit class: ratio ‰ or count)
    periodStart: text('period_start').notNull(), // 检查时间 YYYY-MM-DD
    periodEnd: text('period_end').notNull(),
    leaderFromInitiator: integer('leader_from_initiator', { mode: 'boolean' }).notNull().default(true),
    status: text('status', { enum: ['草稿', '方案已公布', '已抽取', '检查中', '已完成', '已公示', '已取消'] })
      .notNull()
      .default('草稿'),
    cancelReason: text('cancel_reason').notNull().default(''),
    cancelledFrom: text('cancelled_from'), // the status the task was in when cancelled
    publishedAt: text('published_at'), // 方案已公布: scope, rule and pool frozen from here on
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('tasks_year_idx').on(t.year), index('tasks_plan_entry_idx').on(t.planEntryUid)]
)

/**
 * The pool frozen at 方案已公布: every object in scope, eligible ones with
 * excludedReason null, the others with the reason printed on the evidence.
 */
export const taskPool = sqliteTable(
  'task_pool',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    township: text('township').notNull().default(''),
    creditClass: text('credit_class', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    excludedReason: text('excluded_reason')
  },
  (t) => [primaryKey({ columns: [t.taskId, t.code] })]
)

/**
 * 检查记录: one row per object per task that actually inspected it (filled by
 * the draw/results work). R2 counts distinct tasks per object per year here.
 */
export const objectInspections = sqliteTable(
  'object_inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    objectCode: text('object_code').notNull(),
    taskUid: text('task_uid').notNull(),
    year: integer('year').notNull(),
    date: text('date').notNull(), // YYYY-MM-DD
    depts: text('depts').notNull().default('[]'), // JSON array of departments.id that inspected
    createdAt: text('created_at').notNull()
  },
  (t) => [index('object_inspections_year_code_idx').on(t.year, t.objectCode, t.taskUid), index('object_inspections_task_idx').on(t.taskUid)]
)
