import { chmodSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'

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

function programName(): string {
  return process.versions.electron ? '双随机联合抽查工作台（桌面窗口）' : process.argv.some((a) => /suiji/.test(a)) ? '命令行工具（suiji）' : '双随机联合抽查工作台（浏览器方式）'
}

/** Who holds a database's lock, when a live process other than this one does. */
export function lockHolder(dbFile: string): { pid: number; url: string; program: string } | null {
  try {
    const h = JSON.parse(readFileSync(`${dbFile}.lock`, 'utf8')) as { pid: number; url: string; program?: string }
    if (h.pid === process.pid || !alive(h.pid)) return null
    return { pid: h.pid, url: h.url, program: h.program ?? '双随机联合抽查工作台' }
  } catch {
    return null
  }
}

export function acquireLock(dbFile: string, url: string): LockResult {
  const path = `${dbFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // The URL carries the launch token: readable by this user only (the mode is also forced where a umask would widen it).
      const fd = openSync(path, 'wx', 0o600)
      if (process.platform !== 'win32') chmodSync(path, 0o600)
      writeSync(fd, JSON.stringify({ pid: process.pid, url, program: programName() }))
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
