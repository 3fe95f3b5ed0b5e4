import { anchorCurrentHead } from '../audit/anchor'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'
import { UserError } from '../errors'
import { appliedCount, applyMigrations, loadMigrations, MIGRATIONS_TABLE } from './migrate'
import { APP_VERSION } from '../version'

export type Db = BetterSQLite3Database<typeof schema>

export interface OpenDb {
  file: string
  sqlite: Database.Database
  db: Db
  /** Migrations applied during this open, and where the pre-migration copy went. */
  migrated: string[]
  backupBeforeMigration: string | null
}

/** Marks our files, so that another program's SQLite database is not mistaken for ours. */
export const APPLICATION_ID = 0x534a4257 // "SJBW"

export const defaultMigrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

const SQLITE_MAGIC = 'SQLite format 3\0'

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(100)
    const n = readSync(fd, buf, 0, 100, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/**
 * Checks, without writing a byte, that an existing file is a database of this
 * program. A file that fails is left exactly as it was.
 */
function inspectExisting(file: string, known: number, appVersion: string): { applied: number } {
  if (statSync(file).size === 0) return { applied: 0 }
  const header = readHeader(file)
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw new UserError(`“${file}”不是本程序的数据库文件（不是 SQLite 数据库）。请选择扩展名为 .db 的工作台数据库，或新建一个数据库。`, 'not-a-database')
  }
  let ro: Database.Database | undefined
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    const appId = ro.pragma('application_id', { simple: true }) as number
    const tables = (ro.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type='table'`).get() as { n: number }).n
    if (tables > 0 && appId !== APPLICATION_ID) {
      throw new UserError(`“${file}”是其他程序的 SQLite 数据库，不是本工作台的数据库，未作任何改动。请选择工作台的数据库文件。`, 'foreign-database')
    }
    const applied = appliedCount(ro)
    if (applied > known) {
      const row = ro.prepare(`SELECT app_version FROM ${MIGRATIONS_TABLE} ORDER BY idx DESC LIMIT 1`).get() as { app_version: string }
      throw new UserError(
        `该数据库由较新版本的程序（${row.app_version}）创建，本程序版本为 ${appVersion}，无法打开。请升级到 ${row.app_version} 或更高版本后再打开，文件未作任何改动。`,
        'newer-version'
      )
    }
    return { applied }
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError(`无法读取“${file}”：文件已损坏或不是工作台数据库（${(e as Error).message}）。请从备份恢复或选择其他文件。`, 'not-a-database')
  } finally {
    ro?.close()
  }
}

export interface OpenOptions {
  migrationsDir?: string
  appVersion?: string
}

/** Opens (creating if needed) a workbench database and brings its schema up to date. */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenDb {
  const appVersion = opts.appVersion ?? APP_VERSION
  const migrations = loadMigrations(opts.migrationsDir ?? defaultMigrationsDir)
  if (!existsSync(dirname(file))) {
    throw new UserError(`文件夹“${dirname(file)}”不存在，无法在那里打开或新建数据库。请先建立该文件夹，或选择其他位置。`, 'no-folder')
  }
  const existed = existsSync(file)
  const before = existed ? inspectExisting(file, migrations.length, appVersion) : { applied: 0 }

  const sqlite = new Database(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('busy_timeout = 5000')
    writersBeginImmediate(sqlite)
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    let backup: string | null = null
    if (before.applied > 0 && before.applied < migrations.length) {
      backup = `${file}.迁移前备份-${Date.now()}.db`
      sqlite.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`)
    }
    if ((sqlite.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    }
    const migrated = applyMigrations(sqlite, migrations, appVersion)
    // The signed head starts where the log stands when its table is created; afterwards every append moves it.
    if (migrated.some((t) => t.startsWith('0011_'))) anchorCurrentHead(sqlite)
    return { file, sqlite, db: drizzle(sqlite, { schema }), migrated, backupBeforeMigration: backup }
  } catch (e) {
    sqlite.close()
    throw e
  }
}

/**
 * Every transaction of ours begins IMMEDIATE: it takes the write lock at the
 * start, waiting up to the busy timeout, instead of failing half-way with
 * "database is locked" when another program wrote in between. Nested calls
 * stay savepoints (better-sqlite3 does that for every variant).
 */
function writersBeginImmediate(sqlite: Database.Database): void {
  const plain = sqlite.transaction.bind(sqlite)
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = plain(fn)
    const immediate = (...args: unknown[]) => t.immediate(...args)
    return Object.assign(immediate, { default: t.default, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive })
  }) as unknown as typeof sqlite.transaction
}

