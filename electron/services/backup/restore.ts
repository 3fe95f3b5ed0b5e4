import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../db/open'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { onlineBackup } from './online'
import { previewBackup, type BackupPreview } from './inspect'
import { safetyDir, stamp } from './paths'
import type { Report } from '../jobs/runner'

export interface RestoreResult {
  restored: BackupPreview
  /** The copy of the file as it was just before the restore (null if there was no file). */
  safetyCopy: string | null
}

/** What a restore does first (the job's status says it before the check starts). */
export const RESTORE_FIRST_PHASE = '检查备份是否完整'

export interface RestoreOptions {
  actor?: string
  now?: Date
  /** Follows the stages on a bar of 100 (the safety copy is most of the time). */
  report?: Report
  /**
   * Closes the program's own connection to the file, called once the backup
   * has been found usable: a refused backup leaves the program as it was.
   * Without it the file must already be closed.
   */
  release?: () => void
}

/**
 * Replaces a database file by a backup. The caller reopens the file
 * afterwards. The current content is first saved to `备份/恢复前/`, so a
 * restore can itself be undone.
 */
export async function restoreBackup(backupFile: string, targetFile: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const report: Report = opts.report ?? (() => {})
  report(RESTORE_FIRST_PHASE, 0, 100)
  const preview = previewBackup(backupFile)
  if (preview.newer) {
    throw new UserError(`该备份由较新版本的程序（${preview.appVersion}）制作，本程序无法使用。请升级到 ${preview.appVersion} 或更高版本后再恢复。当前数据库未作改动。`, 'newer-version')
  }
  if (!preview.intact) throw new UserError(`备份“${basename(backupFile)}”已损坏（完整性检查未通过），未恢复。请选择其他备份。当前数据库未作改动。`, 'corrupt')

  opts.release?.()
  let safetyCopy: string | null = null
  if (existsSync(targetFile)) {
    report('另存恢复前的数据', 10, 100)
    safetyCopy = join(safetyDir(targetFile), `${basename(targetFile, '.db')}-${stamp(opts.now)}.db`)
    const cur = new Database(targetFile, { fileMustExist: true })
    try {
      await onlineBackup(cur, safetyCopy, (copied, total) => report('另存恢复前的数据', 10 + Math.floor((70 * copied) / total), 100))
      // Fold the -wal into the file and drop it: a stale -wal next to the restored file would be replayed onto it.
      cur.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      cur.close()
    }
  }
  report('用备份替换数据库文件', 80, 100)
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
  report('打开恢复后的数据库', 90, 100)
  const opened = openDatabase(targetFile)
  try {
    const ctx = { db: opened.db, sqlite: opened.sqlite, file: targetFile, actor: opts.actor ?? '系统' }
    opened.sqlite.transaction(() => audit(ctx, { action: '从备份恢复数据库', entity: 'database', detail: { backup: backupFile, safetyCopy } }))()
  } finally {
    opened.sqlite.close()
  }
  report('完成', 100, 100)
  return { restored: preview, safetyCopy }
}
