import { chmodSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { alive } from '../services/db/holder'

export { lockHolder } from '../services/db/holder'

/**
 * One program per database file in the browser host too: the lock file names
 * the process and URL of the instance that has it, so a second start can point
 * the user there instead of opening the same database twice.
 */
export type LockResult = { acquired: true; release: () => void } | { acquired: false; url: string; pid: number }


function programName(): string {
  return process.versions.electron ? '双随机联合抽查工作台（桌面窗口）' : process.argv.some((a) => /suiji/.test(a)) ? '命令行工具（suiji）' : '双随机联合抽查工作台（浏览器方式）'
}

/** `program` names the holder in other programs' messages (the command line passes its own name). */
export function acquireLock(dbFile: string, url: string, program = programName()): LockResult {
  const path = `${dbFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // The URL carries the launch token: readable by this user only (the mode is also forced where a umask would widen it).
      const fd = openSync(path, 'wx', 0o600)
      if (process.platform !== 'win32') chmodSync(path, 0o600)
      writeSync(fd, JSON.stringify({ pid: process.pid, url, program }))
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
