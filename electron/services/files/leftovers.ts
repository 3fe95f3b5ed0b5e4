import { readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { alive } from '../db/holder'
import { backupRoot } from '../backup/paths'
import { UPLOAD_FOLDER } from './locations'

/** Temporary folders of exchange packages carry the process id: `sjbx-in-<pid>-…`, `sjbx-out-<pid>-…`. */
export const exchangeTempPrefix = (direction: 'in' | 'out') => `sjbx-${direction}-${process.pid}-`

const DAY = 24 * 60 * 60 * 1000

/**
 * What a crashed (killed, powered-off) import, export or backup left behind:
 * the unpacked package folders of processes that no longer run (or, from
 * older versions without a process id, older than a day), and half-written
 * backup copies (`.part`) beside the database and in its backup folders,
 * and half-received uploads of the browser host (`.<pid>-….upload.part`).
 * A running program's files are never touched. Called when a database is opened.
 */
export function removeCrashLeftovers(dbFile: string): string[] {
  const removed: string[] = []
  const rm = (p: string) => {
    try {
      rmSync(p, { recursive: true, force: true })
      removed.push(p)
    } catch {
      // Still in use on Windows, or not ours to remove: try again next start.
    }
  }
  const tmp = tmpdir()
  for (const name of safeList(tmp)) {
    const m = /^sjbx-(?:in|out)-(?:(\d+)-)?/.exec(name)
    if (!m) continue
    const p = join(tmp, name)
    if (m[1] ? !alive(Number(m[1])) : olderThan(p, DAY)) rm(p)
  }
  const partOfDb = new RegExp(`^\\.${escape(basename(dbFile))}\\.restore\\.part$`)
  for (const name of safeList(dirname(dbFile))) if (partOfDb.test(name)) rm(join(dirname(dbFile), name))
  for (const dir of walk(backupRoot(dbFile), 2)) for (const name of safeList(dir)) if (name.endsWith('.part')) rm(join(dir, name))
  const uploads = join(dirname(dbFile), UPLOAD_FOLDER)
  for (const name of safeList(uploads)) {
    const u = /^\.(\d+)-.*\.upload\.part$/.exec(name)
    if (u && !alive(Number(u[1]))) rm(join(uploads, name))
  }
  return removed
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function olderThan(p: string, ms: number): boolean {
  try {
    return Date.now() - statSync(p).mtimeMs > ms
  } catch {
    return false
  }
}

function walk(dir: string, depth: number): string[] {
  const out = [dir]
  if (depth === 0) return out
  for (const name of safeList(dir)) {
    const p = join(dir, name)
    try {
      if (statSync(p).isDirectory()) out.push(...walk(p, depth - 1))
    } catch {
      // gone meanwhile
    }
  }
  return out
}
