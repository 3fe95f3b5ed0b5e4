import { readFileSync } from 'node:fs'

/**
 * Which program has a database open, from the lock file the desktop window
 * and the browser host keep beside it (`<db>.lock`: process, launch URL,
 * program). Used to say who holds a busy database and to keep the command
 * line off a database another program is using.
 */
export interface Holder {
  pid: number
  url: string
  program: string
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The live process other than this one that holds the database's lock, or null. */
export function lockHolder(dbFile: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(`${dbFile}.lock`, 'utf8')) as { pid: number; url: string; program?: string }
    if (typeof h.pid !== 'number' || h.pid === process.pid || !alive(h.pid)) return null
    return { pid: h.pid, url: h.url, program: h.program ?? '双随机联合抽查工作台' }
  } catch {
    return null
  }
}

/** “双随机联合抽查工作台（浏览器方式，进程 1234）” — never the launch token. */
export function describeHolder(h: Holder): string {
  return `${h.program}（进程 ${h.pid}）`
}

/** The Chinese sentence for a database that stayed locked past the busy timeout. */
export function busyMessage(dbFile: string | null): string {
  const h = dbFile ? lockHolder(dbFile) : null
  return h
    ? `数据库正被${describeHolder(h)}占用，暂时无法保存。请等它完成当前操作后再试，或先关闭该程序。`
    : '数据库正被另一个程序（例如命令行工具或另一个窗口）占用，暂时无法保存。请等它完成当前操作后再试。'
}
