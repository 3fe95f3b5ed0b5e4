import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { zipSync, type Zippable } from 'fflate'

/** Most a folder handed to the browser as one .zip may hold: generated documents, never a whole disk. */
export const ZIP_FOLDER_LIMIT = 512 * 1024 * 1024

/**
 * Every file under `dir` (its sub-folders too) as one .zip, names relative to
 * `dir`: in the browser, “每户一个文件” is then one download instead of one link
 * per object. Already-compressed .docx/.xlsx are stored, not deflated again.
 */
export function zipFolder(dir: string): Uint8Array {
  const files: Zippable = {}
  let size = 0
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) {
        size += statSync(p).size
        if (size > ZIP_FOLDER_LIMIT) throw new Error('folder too large')
        files[relative(dir, p).split(sep).join('/')] = [readFileSync(p), { level: /\.(docx|xlsx|zip|png|jpg)$/i.test(p) ? 0 : 6 }]
      }
    }
  }
  walk(dir)
  return zipSync(files)
}
