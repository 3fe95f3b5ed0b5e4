/**
 * Child process of the registry bench: imports one file into one database in a
 * fresh process, so that its peak memory (maxRSS) is the import's own, and
 * prints the timings as JSON. With --twice it imports the file a second time
 * (the unchanged re-import).
 */
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../electron/services/db/open'
import { importObjects } from '../../electron/services/registry/import/objects'

const [file, db, mode] = process.argv.slice(2)
const { sqlite, db: d } = openDatabase(db!)
const ctx = { db: d, sqlite, file: db!, actor: '基准测试' }
const out: Record<string, unknown> = {}
let readEnd = 0
const t0 = performance.now()
try {
  const timings: Record<string, number> = {}
  const r = await importObjects(ctx, file!, { timings, onProgress: (phase) => phase === 'read' && (readEnd = performance.now()) })
  out.totalMs = performance.now() - t0
  out.readMs = readEnd - t0
  out.timings = timings
  out.counts = { imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected }
} catch (e) {
  out.totalMs = performance.now() - t0
  out.error = (e as Error).message
}
out.maxRssMb = process.resourceUsage().maxRSS / 1024
if (mode === '--twice') {
  const t1 = performance.now()
  const timings: Record<string, number> = {}
  const r = await importObjects(ctx, file!, { timings, onProgress: (phase) => phase === 'read' && (readEnd = performance.now()) })
  out.againMs = performance.now() - t1
  out.againReadMs = readEnd - t1
  out.againTimings = timings
  out.againCounts = { imported: r.imported, updated: r.updated, unchanged: r.unchanged }
}
sqlite.close()
process.stdout.write(JSON.stringify(out) + '\n')
