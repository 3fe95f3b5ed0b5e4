/** Large batches of writes to one table (an exchange merge, a registry import): what they switch off and rebuild once. */
import type Database from 'better-sqlite3'

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Runs `fn` with the full-text-index sync triggers of `table` switched off,
 * then puts them back. Per-row trigram indexing makes a 150 000-row merge
 * several times slower than the rows themselves; one rebuild at the end is
 * cheap. Only triggers that write into an external-content FTS table of
 * `table` are touched; every other trigger keeps firing. Must run inside the
 * caller's transaction (SQLite DDL is transactional, so a rollback restores
 * the triggers too).
 *
 * `rebuild: false` leaves the index empty — only for the embedded database of
 * a package, which is never searched.
 */
export function withFtsSuspended<T>(sqlite: Database.Database, table: string, opts: { rebuild: boolean }, fn: () => T): T {
  const s = suspendFts(sqlite, table)
  const result = fn()
  s.resume(opts)
  return result
}

/** The two halves of withFtsSuspended, for writes spread over callbacks. */
export function suspendFts(sqlite: Database.Database, table: string): { resume(opts: { rebuild: boolean }): void } {
  const fts = (sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string; sql: string }[])
    .filter((t) => /using\s+fts5/i.test(t.sql) && new RegExp(`content\\s*=\\s*['"]?${table}['"]?`, 'i').test(t.sql))
    .map((t) => t.name)
  if (fts.length === 0) return { resume() {} }
  const triggers = (sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as { name: string; sql: string }[]).filter((t) =>
    fts.some((f) => t.sql.includes(f))
  )
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${ident(t.name)}`)
  return {
    resume(opts) {
      if (opts.rebuild) for (const f of fts) sqlite.exec(`INSERT INTO "${f}"("${f}") VALUES ('rebuild')`)
      for (const t of triggers) sqlite.exec(t.sql)
    }
  }
}

/**
 * Drops the plain (non-unique) indexes of `table` and gives back a function
 * that creates them again from their own SQL. Building an index once over
 * 150 000 sorted keys is several times cheaper than maintaining seven of them
 * row by row. Unique indexes stay: they enforce the natural keys and answer
 * the merge's lookups. Same transaction rules as suspendFts: a rollback
 * brings the indexes back untouched.
 */
export function suspendIndexes(sqlite: Database.Database, table: string): { resume(): void } {
  const idx = (
    sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { name: string; sql: string }[]
  ).filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql))
  for (const i of idx) sqlite.exec(`DROP INDEX ${ident(i.name)}`)
  return {
    resume() {
      for (const i of idx) sqlite.exec(i.sql)
    }
  }
}

/** Both: what a large batch of writes to one table switches off until it is done. */
export function suspendForBulk(sqlite: Database.Database, table: string): { resume(opts: { rebuild: boolean }): void } {
  const fts = suspendFts(sqlite, table)
  const indexes = suspendIndexes(sqlite, table)
  return {
    resume(opts) {
      indexes.resume()
      fts.resume(opts)
    }
  }
}

/** Below this many writes to one table the triggers and indexes are cheaper than a rebuild. */
export const BULK_THRESHOLD = 5000
