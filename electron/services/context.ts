import type Database from 'better-sqlite3'
import type { Db } from './db/open'

/** What every service function gets: the open database and who is acting. */
export interface Ctx {
  db: Db
  sqlite: Database.Database
  file: string
  /** The person recorded in the audit log (操作人), from the settings or the OS user. */
  actor: string
}
