import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupContents, BackupFileInfo } from '@contract'
import { APPLICATION_ID, defaultMigrationsDir } from '../db/open'
import { appliedCount, loadMigrations, newestAppliedBy } from '../db/migrate'
import { UserError } from '../errors'
import { nowText } from '../time'
import { autoDir, backupRoot, safetyDir } from './paths'

export type BackupFile = BackupFileInfo

/** Every backup of this database: automatic, manual, and safety copies made before a restore. Newest first. */
export function listBackups(dbFile: string): BackupFile[] {
  const out: BackupFile[] = []
  const scan = (dir: string, kind: BackupFile['kind']) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.db')) continue
      const file = join(dir, name)
      const st = statSync(file)
      if (st.isFile()) out.push({ file, name, kind, bytes: st.size, modifiedAt: nowText(st.mtime) })
    }
  }
  scan(autoDir(dbFile), 'auto')
  scan(backupRoot(dbFile), 'manual')
  scan(safetyDir(dbFile), 'safety')
  return out.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1))
}

export type BackupPreview = BackupContents

const COUNTED = ['departments', 'objects', 'inspectors', 'items', 'plan_entries', 'tasks']

/** What a backup holds, read without changing it; refuses files that are not workbench databases. */
export function previewBackup(file: string, migrationsDir = defaultMigrationsDir): BackupPreview {
  if (!existsSync(file)) throw new UserError(`找不到备份文件“${file}”。`, 'not-found')
  let ro: Database.Database
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    ro.pragma('schema_version')
  } catch {
    throw new UserError(`“${basename(file)}”不是工作台的数据库备份（无法作为 SQLite 数据库读取）。请选择其他备份。`, 'not-a-database')
  }
  try {
    if ((ro.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw new UserError(`“${basename(file)}”不是工作台的数据库备份（是其他程序的文件）。请选择其他备份。`, 'foreign-database')
    }
    const tables = new Set(ro.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[])
    const counts: Record<string, number> = {}
    for (const t of COUNTED) if (tables.has(t)) counts[t] = (ro.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n
    const last = tables.has('audit_log') ? (ro.prepare('SELECT at, action FROM audit_log ORDER BY id DESC LIMIT 1').get() as { at: string; action: string } | undefined) : undefined
    const schemaVersion = appliedCount(ro)
    return {
      file,
      bytes: statSync(file).size,
      appVersion: newestAppliedBy(ro),
      schemaVersion,
      newer: schemaVersion > loadMigrations(migrationsDir).length,
      counts,
      lastAuditAt: last?.at ?? null,
      lastAuditAction: last?.action ?? null,
      intact: (ro.pragma('quick_check', { simple: true }) as string) === 'ok'
    }
  } catch (e) {
    if (e instanceof UserError) throw e
    // SQLite's own words (“database disk image is malformed” …) mean nothing to the clerk: the sentence says what to do
    throw new UserError(`备份“${basename(file)}”已损坏，无法读取（文件内容不完整或被改动过）。请选择其他备份。`, 'corrupt')
  } finally {
    ro.close()
  }
}
