import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core'

/**
 * Append-only trail of every change. Each row carries the hash of the previous
 * row so that an edited or deleted entry breaks the chain (全程留痕).
 * Triggers in the migration forbid UPDATE and DELETE.
 */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull().default(''),
  detail: text('detail').notNull().default('{}'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull()
})
