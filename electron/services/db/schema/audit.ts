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

/**
 * The signed head of the audit log, kept apart from the log (one row, id = 1):
 * the last entry's id and hash, signed with the agency's key (or, before the
 * agency has one, with this installation's own audit key). Rewriting,
 * truncating or extending the log without signing again no longer verifies.
 */
export const auditAnchor = sqliteTable('audit_anchor', {
  id: integer('id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  signature: text('signature').notNull(), // base64 Ed25519 over "sjaudit|seq|hash"
  publicKey: text('public_key').notNull(), // the key that signed it (SPKI PEM)
  /** Only for this installation's own audit key, used until it has an agency key. */
  localPrivateKey: text('local_private_key'),
  at: text('at').notNull()
})
