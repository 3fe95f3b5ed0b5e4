/**
 * The demo county the benchmarks work on: 150 000 objects and the year of work
 * on them, built through the ordinary services as 载入演示数据 builds it.
 * Goal: ≤ 30 s on an office PC.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workbench } from '../../electron/services/workbench'
import { loadDemo } from '../../electron/services/demo/load'

const N = 150_000
const GOAL_MS = 30_000

export async function benchDemo(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sj-bench-demo-'))
  const wb = new Workbench(join(dir, 'county.db'))
  try {
    const t0 = performance.now()
    const r = loadDemo({ ...wb.ctx(), actor: '基准' }, { objects: N, seed: 'bench' })
    const ms = performance.now() - t0
    return [
      `demo county ${r.objects} objects, ${r.inspectors} inspectors, ${r.items} items; year ${r.year}: ${r.planEntries} plan entries, ${r.tasks} tasks, ${r.results} results`,
      `built in ${(ms / 1000).toFixed(2)} s — ${(ms / GOAL_MS).toFixed(2)}× of the ${GOAL_MS / 1000} s goal ${ms <= GOAL_MS ? '✓' : '✗'}`
    ]
  } finally {
    wb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
