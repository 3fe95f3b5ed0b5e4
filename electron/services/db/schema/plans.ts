import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core'
import { departments } from './departments'

/**
 * 年度部门双随机联合抽查工作计划 (seed 003 附件5): one row per planned check.
 * Lists (items, joint departments, scope) are JSON text: they are read and
 * written whole, and json_each() answers the few questions asked across them.
 */
export const planEntries = sqliteTable(
  'plan_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(), // stable across installations (exchange)
    year: integer('year').notNull(),
    planName: text('plan_name').notNull(), // 抽查计划名称
    taskName: text('task_name').notNull(), // 抽查任务名称
    checkType: text('check_type', { enum: ['定向', '不定向'] }).notNull().default('不定向'), // 抽查类型
    ratioText: text('ratio_text').notNull().default(''), // 抽查比例, as agreed (e.g. “5%”, “A类1%、D类10%”)
    itemUids: text('item_uids').notNull().default('[]'), // 抽查事项: JSON array of items.uid
    scope: text('scope').notNull().default('{}'), // 抽查对象范围: JSON ObjectScope
    initiatorDeptId: integer('initiator_dept_id')
      .notNull()
      .references(() => departments.id), // 检查发起机关 (whose plan this is)
    jointDeptIds: text('joint_dept_ids').notNull().default('[]'), // 联合机关: JSON array of departments.id
    drawDate: text('draw_date').notNull().default(''), // 抽取日期: 'YYYY-MM' or 'YYYY-MM-DD'
    inspectionTime: text('inspection_time').notNull().default(''), // 检查时间 (free text, e.g. “4月—6月”)
    status: text('status', { enum: ['草稿', '已报送', '已发布', '已合并', '已取消'] }).notNull().default('草稿'),
    mergedFrom: text('merged_from').notNull().default('[]'), // JSON array of plan entry uids folded into this one
    mergedInto: text('merged_into'), // uid of the entry this one was folded into
    remark: text('remark').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('plan_entries_year_idx').on(t.year, t.initiatorDeptId)]
)
