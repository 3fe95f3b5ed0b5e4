import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { tasks } from './tasks'

/**
 * 抽取方案 frozen at 方案已公布 (commit, then draw): the roster as the draw
 * will see it, the hashes printed on the 抽取方案公告 and the seed sources
 * named in advance. One per task; triggers refuse UPDATE and DELETE so that
 * what was announced is what the draw uses.
 */
export const drawPlans = sqliteTable('draw_plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  taskId: integer('task_id')
    .notNull()
    .unique()
    .references(() => tasks.id),
  taskUid: text('task_uid').notNull(),
  drawDate: text('draw_date').notNull(), // YYYY-MM-DD, part of the seed material
  roster: text('roster').notNull(), // JSON Inspector[] in 身份证号 order (draws/types.ts)
  rosterSha256: text('roster_sha256').notNull(), // spec §3
  poolSha256: text('pool_sha256').notNull(), // spec §2, of task_pool's eligible rows
  poolCount: integer('pool_count').notNull(),
  announcement: text('announcement').notNull(), // JSON PlanAnnouncement as printed
  plannedSources: text('planned_sources').notNull().default('[]'), // JSON { witnesses: n, publics: [label] }
  publishedAt: text('published_at').notNull(),
  createdBy: text('created_by').notNull().default('')
})

/**
 * One draw (append-only). A re-draw is a new row naming the draw it
 * supersedes and why; the evidence JSON is stored whole, exactly as exported.
 */
export const draws = sqliteTable(
  'draws',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    drawId: text('draw_id').notNull().unique(), // printed 抽取编号
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    taskUid: text('task_uid').notNull(),
    seq: integer('seq').notNull(), // 1, 2 … per task
    evidence: text('evidence').notNull(), // JSON DrawEvidence with replacements: []
    drawSha256: text('draw_sha256').notNull(),
    shortHash: text('short_hash').notNull(),
    objectCount: integer('object_count').notNull(),
    operator: text('operator').notNull(),
    witnesses: text('witnesses').notNull().default('[]'), // JSON string[]
    supervisor: text('supervisor').notNull().default(''),
    drawnAt: text('drawn_at').notNull(),
    supersedesDrawId: text('supersedes_draw_id'),
    supersedeReason: text('supersede_reason').notNull().default('')
  },
  (t) => [uniqueIndex('draws_task_seq_idx').on(t.taskId, t.seq)]
)

/** R8 replacements (append-only), each the algorithm's ReplacementRecord, chained by hash. */
export const drawReplacements = sqliteTable(
  'draw_replacements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.drawId),
    seq: integer('seq').notNull(),
    record: text('record').notNull(), // JSON ReplacementRecord
    sha256: text('sha256').notNull(),
    objectOrder: integer('object_order').notNull(),
    outIdNumber: text('out_id_number').notNull(),
    inIdNumber: text('in_id_number').notNull(),
    reason: text('reason').notNull(),
    approver: text('approver').notNull(),
    policy: text('policy', { enum: ['manual', 'redraw'] }).notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('draw_replacements_seq_idx').on(t.drawId, t.seq)]
)
