import type Database from 'better-sqlite3'

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
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)
  return {
    resume(opts) {
      if (opts.rebuild) for (const f of fts) sqlite.exec(`INSERT INTO "${f}"("${f}") VALUES ('rebuild')`)
      for (const t of triggers) sqlite.exec(t.sql)
    }
  }
}

/** Below this many writes to one table the triggers are cheaper than a rebuild. */
export const BULK_THRESHOLD = 5000
