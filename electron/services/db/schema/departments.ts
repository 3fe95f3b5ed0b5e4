import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core'

/** 成员单位: the member departments of the joint-inspection mechanism. */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  shortName: text('short_name').notNull(),
  code: text('code').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})
