import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../db/open'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { onlineBackup } from './online'
import { previewBackup, type BackupPreview } from './inspect'
import { safetyDir, stamp } from './paths'

export interface RestoreResult {
  restored: BackupPreview
  /** The copy of the file as it was just before the restore (null if there was no file). */
  safetyCopy: string | null
}

/**
 * Replaces a database file by a backup. The file must be closed (the caller
 * reopens it afterwards). The current content is first saved to
 * `备份/恢复前/`, so a restore can itself be undone.
 */
export async function restoreBackup(backupFile: string, targetFile: string, opts: { actor?: string; now?: Date } = {}): Promise<RestoreResult> {
  const preview = previewBackup(backupFile)
  if (preview.newer) {
    throw new UserError(`该备份由较新版本的程序（${preview.appVersion}）制作，本程序无法使用。请升级到 ${preview.appVersion} 或更高版本后再恢复。当前数据库未作改动。`, 'newer-version')
  }
  if (!preview.intact) throw new UserError(`备份“${basename(backupFile)}”已损坏（完整性检查未通过），未恢复。请选择其他备份。当前数据库未作改动。`, 'corrupt')

  let safetyCopy: string | null = null
  if (existsSync(targetFile)) {
    safetyCopy = join(safetyDir(targetFile), `${basename(targetFile, '.db')}-${stamp(opts.now)}.db`)
    const cur = new Database(targetFile, { fileMustExist: true })
    try {
      await onlineBackup(cur, safetyCopy)
      // Fold the -wal into the file and drop it: a stale -wal next to the restored file would be replayed onto it.
      cur.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      cur.close()
    }
  }
  const part = join(dirname(targetFile), `.${basename(targetFile)}.restore.part`)
  try {
    copyFileSync(backupFile, part)
    rmSync(`${targetFile}-wal`, { force: true })
    rmSync(`${targetFile}-shm`, { force: true })
    renameSync(part, targetFile)
  } catch (e) {
    rmSync(part, { force: true })
    throw new UserError(`无法用备份替换数据库文件：${(e as Error).message}。请关闭其他使用该文件的程序后重试${safetyCopy ? `；恢复前的副本在“${safetyCopy}”` : ''}。`, 'io')
  }
  // The restored file records that it was restored (and is upgraded if the backup is older).
  const opened = openDatabase(targetFile)
  try {
    const ctx = { db: opened.db, sqlite: opened.sqlite, file: targetFile, actor: opts.actor ?? '系统' }
    opened.sqlite.transaction(() => audit(ctx, { action: '从备份恢复数据库', entity: 'database', detail: { backup: backupFile, safetyCopy } }))()
  } finally {
    opened.sqlite.close()
  }
  return { restored: preview, safetyCopy }
}
