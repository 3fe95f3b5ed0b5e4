/**
 * `npm run bench`: every benchmark in one run, printed as measured figures and
 * ratios against their goals. Speed goals live here, not in timed tests.
 * `npm run bench -- registry draws` runs only the named groups.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const groups: { name: string; file: string; fn: string }[] = [
  { name: 'registry', file: 'registry.bench.ts', fn: 'benchRegistry' },
  { name: 'tasks', file: 'tasks.bench.ts', fn: 'benchTasks' },
  { name: 'draws', file: 'draws.bench.ts', fn: 'benchDraws' },
  { name: 'documents', file: 'documents.bench.ts', fn: 'benchDocuments' },
  { name: 'exchange', file: 'exchange.bench.ts', fn: 'benchExchange' },
  { name: 'stats', file: 'stats.bench.ts', fn: 'benchStats' },
  { name: 'demo', file: 'demo.bench.ts', fn: 'benchDemo' },
  { name: 'ui', file: 'ui.bench.ts', fn: 'benchUi' }
]

const only = process.argv.slice(2)
console.log(`基准测试 — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}/${process.arch}\n`)
for (const g of groups) {
  if (only.length && !only.includes(g.name)) continue
  const path = join(import.meta.dirname, g.file)
  if (!existsSync(path)) continue
  const mod = (await import(path)) as Record<string, () => Promise<string[]>>
  console.log(`== ${g.name} ==`)
  for (const line of await mod[g.fn]!()) console.log(line)
  console.log()
}
