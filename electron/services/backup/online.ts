import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { UserError } from '../errors'

/** 1 MB of 4 KB pages a turn: few enough turns that a large file is not slowed, enough that the bar moves. */
const PAGES_PER_STEP = 256

/**
 * A consistent copy of a database through SQLite's online backup API: it
 * works while the program keeps using the file, and includes what is still in
 * the -wal. Written under a temporary name and renamed, so a half-written
 * copy never looks like a backup.
 */
export async function onlineBackup(sqlite: Database.Database, dest: string, onPages?: (copied: number, total: number) => void): Promise<{ file: string; bytes: number }> {
  if (existsSync(dest)) throw new UserError(`备份文件“${dest}”已存在，请换一个文件名。`, 'exists')
  const part = `${dest}.part`
  try {
    mkdirSync(dirname(dest), { recursive: true })
    rmSync(part, { force: true })
    // SQLite copies a step of pages per turn of the event loop, so a bar can follow it and the program keeps answering.
    await sqlite.backup(part, {
      progress: ({ totalPages, remainingPages }) => {
        onPages?.(totalPages - remainingPages, totalPages)
        return PAGES_PER_STEP
      }
    })
    // A backup is one self-contained file (no -wal/-shm beside it), whatever the source's journal mode.
    const copy = new Database(part)
    copy.pragma('journal_mode = DELETE')
    copy.close()
    renameSync(part, dest)
  } catch (e) {
    rmSync(part, { force: true })
    throw new UserError(`无法写入备份文件“${dest}”：${(e as Error).message}。请检查文件夹是否存在、是否有写入权限、磁盘是否已满。`, 'io')
  }
  return { file: dest, bytes: statSync(dest).size }
}
