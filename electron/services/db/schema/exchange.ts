import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core'

/**
 * This installation as an agency of the exchange (the office or one member
 * department). One row (id = 1). The private key never leaves the database.
 */
export const agencyIdentity = sqliteTable('agency_identity', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** 'OFFICE' for the office, otherwise the department's code. */
  code: text('code').notNull(),
  role: text('role', { enum: ['office', 'department'] }).notNull(),
  publicKey: text('public_key').notNull(), // SPKI PEM
  privateKey: text('private_key').notNull(), // PKCS#8 PEM
  fingerprint: text('fingerprint').notNull(),
  createdAt: text('created_at').notNull(),
  /** Sequence number of the last package made here; every package carries the next one (receivers refuse going back). */
  packageSeq: integer('package_seq').notNull().default(0)
})

/** Other agencies whose packages we accept once their fingerprint is confirmed. */
export const agencyPeers = sqliteTable('agency_peers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  role: text('role', { enum: ['office', 'department'] }).notNull(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull().unique(),
  confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(false),
  addedAt: text('added_at').notNull(),
  confirmedAt: text('confirmed_at'),
  /** Highest package sequence applied from this peer: older or replayed packages are refused. */
  lastSeq: integer('last_seq').notNull().default(0),
  /** The last head of the peer's audit log we saw (signed by the peer): later packages must extend it. */
  auditHeadSeq: integer('audit_head_seq'),
  auditHeadHash: text('audit_head_hash')
})

/**
 * What this installation and one peer last agreed on, per record: the content
 * hash last sent to or received from that peer. Conflict = both sides moved
 * away from it.
 */
export const exchangeBaseline = sqliteTable(
  'exchange_baseline',
  {
    peerCode: text('peer_code').notNull(),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    hash: text('hash').notNull(),
    at: text('at').notNull()
  },
  (t) => [primaryKey({ columns: [t.peerCode, t.entity, t.key] })]
)

/** Every package made or applied here. */
export const exchangeLog = sqliteTable(
  'exchange_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: ['sent', 'received'] }).notNull(),
    packageId: text('package_id').notNull(),
    peerCode: text('peer_code').notNull(), // receiver when sent ('any' possible), sender when received
    peerName: text('peer_name').notNull().default(''),
    kind: text('kind', { enum: ['full', 'incremental'] }).notNull(),
    manifestHash: text('manifest_hash').notNull(),
    packageCreatedAt: text('package_created_at').notNull(),
    at: text('at').notNull(),
    file: text('file').notNull().default(''),
    counts: text('counts').notNull().default('{}'), // JSON
    decisions: text('decisions').notNull().default('[]') // JSON: conflict decisions taken
  },
  (t) => [index('exchange_log_peer_idx').on(t.direction, t.peerCode), index('exchange_log_package_idx').on(t.packageId)]
)

/** Who last changed a record through an exchange (hash tells whether it was edited locally since). */
export const recordOrigin = sqliteTable(
  'record_origin',
  {
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    agencyCode: text('agency_code').notNull(),
    agencyName: text('agency_name').notNull(),
    hash: text('hash').notNull(),
    changedAt: text('changed_at').notNull(),
    packageId: text('package_id').notNull()
  },
  (t) => [primaryKey({ columns: [t.entity, t.key] })]
)
