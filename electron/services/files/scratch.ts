/**
 * The program's own scratch folders in the system temp folder (dossier
 * documents, exchange packages being packed or unpacked). Each is removed by
 * the operation that made it; a crash leaves one behind, so at start the
 * leftovers older than a day are removed — old enough that no running copy of
 * the program (the desktop window and a command line at once) can still be
 * using them. Only folders with our prefixes are touched.
 */
import { readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SCRATCH_PREFIXES = ['suiji-dossier-', 'sjbx-in-', 'sjbx-out-']
const DAY = 86_400_000

export function sweepScratch(dir = tmpdir(), now = Date.now()): string[] {
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return removed
  }
  for (const n of names) {
    if (!SCRATCH_PREFIXES.some((p) => n.startsWith(p))) continue
    const p = join(dir, n)
    try {
      if (now - statSync(p).mtimeMs < DAY) continue
      rmSync(p, { recursive: true, force: true })
      removed.push(n)
    } catch {
      // Another process may be removing it at the same moment; the next start tries again.
    }
  }
  return removed
}
