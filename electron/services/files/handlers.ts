import { writeFileSync, existsSync } from 'node:fs'
import { join, extname, basename } from 'node:path'
import type { HandlerGroup } from '../api/dispatch'
import { exportDir, safeName, uploadDir } from './locations'
import { nowText } from '../time'
import { wasWritten } from './written'

export const fileHandlers: HandlerGroup<'files'> = {
  'files.pickOpen': async (opts, wb) => (wb.shell ? { available: true, path: await wb.shell.pickOpen(opts) } : { available: false, path: null }),
  'files.pickSave': async (opts, wb) => {
    if (wb.shell) return { available: true, path: await wb.shell.pickSave(opts) }
    return { available: false, path: uniquePath(exportDir(wb.file), safeName(opts.defaultName)) }
  },
  'files.upload': ({ name, base64 }, wb) => {
    const target = uniquePath(uploadDir(wb.file), `${nowText().replace(/[: ]/g, '-')}-${safeName(name)}`)
    writeFileSync(target, Buffer.from(base64, 'base64'))
    return { path: target }
  },
  'files.reveal': ({ path }, wb) => {
    // Only what this program wrote is shown; any other path the page names is ignored.
    if (!wb.shell || !wasWritten(path)) return { shown: false }
    wb.shell.reveal(path)
    return { shown: true }
  }
}

/** `name.xlsx`, else `name (2).xlsx`, …: never overwrites a file already there. */
export function uniquePath(dir: string, name: string): string {
  const ext = extname(name)
  const stem = basename(name, ext)
  let candidate = join(dir, name)
  for (let i = 2; existsSync(candidate); i++) candidate = join(dir, `${stem} (${i})${ext}`)
  return candidate
}
