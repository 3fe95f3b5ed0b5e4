import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'

/**
 * One program per database file in the browser host too: the lock file names
 * the process and URL of the instance that has it, so a second start can point
 * the user there instead of opening the same database twice.
 */
export type LockResult = { acquired: true; release: () => void } | { acquired: false; url: string; pid: number }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function acquireLock(dbFile: string, url: string): LockResult {
  const path = `${dbFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify({ pid: process.pid, url }))
      closeSync(fd)
      return { acquired: true, release: () => rmSync(path, { force: true }) }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      let holder: { pid: number; url: string } | null = null
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'))
      } catch {
        holder = null
      }
      if (holder && holder.pid !== process.pid && alive(holder.pid)) return { acquired: false, url: holder.url, pid: holder.pid }
      rmSync(path, { force: true }) // left behind by a crashed instance
    }
  }
  throw new Error(`无法创建锁文件 ${path}`)
}
