import { afterAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase, APPLICATION_ID, defaultMigrationsDir } from '../../../electron/services/db/open'
import { loadMigrations } from '../../../electron/services/db/migrate'
import { UserError } from '../../../electron/services/errors'
import { tempDir } from '../../helpers/tmp'

const t = tempDir()
afterAll(t.cleanup)
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

describe('opening and migrating a database file', () => {
  it('creates every table from an empty file, with WAL, foreign keys and our application id', () => {
    const file = join(t.dir, 'new.db')
    const o = openDatabase(file)
    const tables = (o.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['settings', 'departments', 'audit_log', 'objects', 'inspectors', 'items', '_schema_migrations']))
    expect(o.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(o.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(o.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(o.migrated).toEqual(loadMigrations(defaultMigrationsDir).map((m) => m.tag))
    o.sqlite.close()
  })

  it('a second start applies nothing and takes no backup', () => {
    const file = join(t.dir, 'twice.db')
    openDatabase(file).sqlite.close()
    const again = openDatabase(file)
    expect(again.migrated).toEqual([])
    expect(again.backupBeforeMigration).toBeNull()
    again.sqlite.close()
  })

  it('takes a copy of the file before applying pending migrations', () => {
    const dir = join(t.dir, 'mig')
    const full = loadMigrations(defaultMigrationsDir)
    // Simulate an older program: a migrations folder with only the first migration.
    const old = join(t.dir, 'old-migrations')
    mkdirSync(join(old, 'meta'), { recursive: true })
    mkdirSync(dir, { recursive: true })
    const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta/_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, 1)
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify(journal))
    copyFileSync(join(defaultMigrationsDir, `${full[0]!.tag}.sql`), join(old, `${full[0]!.tag}.sql`))
    const file = join(dir, 'upgrade.db')
    const first = openDatabase(file, { migrationsDir: old })
    first.sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('county', '"测试县"', 'x')`).run()
    first.sqlite.close()
    const upgraded = openDatabase(file)
    expect(upgraded.migrated).toEqual(full.slice(1).map((m) => m.tag))
    expect(upgraded.backupBeforeMigration).not.toBeNull()
    const copy = new Database(upgraded.backupBeforeMigration!, { readonly: true })
    expect((copy.prepare(`SELECT COUNT(*) n FROM _schema_migrations`).get() as { n: number }).n).toBe(1)
    expect((copy.prepare(`SELECT value FROM settings WHERE key='county'`).get() as { value: string }).value).toBe('"测试县"')
    copy.close()
    upgraded.sqlite.close()
  })

  it('refuses a file that is not a SQLite database and leaves it untouched', () => {
    const file = join(t.dir, 'notes.db')
    writeFileSync(file, '这是一份普通的文本文件，不是数据库。'.repeat(20))
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(UserError)
    expect(() => openDatabase(file)).toThrowError(/不是本程序的数据库文件/)
    expect(sha(file)).toBe(before)
    expect(readdirSync(t.dir).filter((f) => f.startsWith('notes.db-'))).toEqual([])
  })

  it('refuses another program’s SQLite database and leaves it untouched', () => {
    const file = join(t.dir, 'other.sqlite')
    const other = new Database(file)
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)')
    other.close()
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(/其他程序的 SQLite 数据库/)
    expect(sha(file)).toBe(before)
  })

  it('refuses a database made by a newer program version, naming the version needed, and changes nothing', () => {
    const file = join(t.dir, 'newer.db')
    const o = openDatabase(file)
    o.sqlite.prepare(`INSERT INTO _schema_migrations (idx, tag, applied_at, app_version) VALUES (999, '0999_future', 'x', '9.3.0')`).run()
    o.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    o.sqlite.close()
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(/较新版本的程序（9\.3\.0）.*请升级到 9\.3\.0/)
    expect(sha(file)).toBe(before)
  })
})
