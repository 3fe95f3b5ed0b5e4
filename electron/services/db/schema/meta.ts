import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Key/value settings of the office (名称, 县, 公示期限 …); values are JSON text. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull()
})
