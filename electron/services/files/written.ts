import { existsSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

/**
 * Files this program itself wrote during this run. Only these may be handed
 * to the operating system to open or show (a link in a page, a “show in
 * folder” request): a request naming any other path — a system program, a
 * file on a share — is ignored, whatever the page asks.
 */
const written = new Set<string>()

const norm = (p: string) => (process.platform === 'win32' ? resolve(p).toLowerCase() : resolve(p))

export function noteWritten(path: string): void {
  if (isAbsolute(path)) written.add(norm(path))
}

export function wasWritten(path: string): boolean {
  if (!isAbsolute(path) || !written.has(norm(path))) return false
  try {
    return statSync(path).isFile() || statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Every absolute path in a service's result that now exists: what it wrote (file, files, path, out …). */
export function noteWrittenIn(result: unknown, depth = 0): void {
  if (depth > 3 || result === null || typeof result !== 'object') return
  for (const [k, v] of Object.entries(result as Record<string, unknown>)) {
    if (typeof v === 'string' && /^(file|files|path|out|dir|folder)$/i.test(k) && isAbsolute(v) && existsSync(v)) noteWritten(v)
    else if (Array.isArray(v) && /^(files|paths)$/i.test(k)) for (const x of v) if (typeof x === 'string' && isAbsolute(x) && existsSync(x)) noteWritten(x)
    else if (typeof v === 'object') noteWrittenIn(v, depth + 1)
  }
}
