import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildStatsYear } from '../helpers/statsYear'
import { Workbench } from '../../electron/services/workbench'
import { statsDashboard } from '../../electron/services/dashboard'

/** Issue 7: `suiji stats` for a year with 150 000 objects and 10 000 results, goal ≤ 300 ms. */
export async function benchStats(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-stats-'))
  try {
    const db = join(dir, 'year.db')
    const t0 = performance.now()
    buildStatsYear(db, { objects: 150_000, tasks: 50, perTask: 200 })
    const build = performance.now() - t0
    const wb = new Workbench(db)
    try {
      const cold = performance.now()
      statsDashboard(wb.ctx(), 2026)
      const coldMs = performance.now() - cold
      const runs: number[] = []
      for (let i = 0; i < 5; i++) {
        const s = performance.now()
        statsDashboard(wb.ctx(), 2026)
        runs.push(performance.now() - s)
      }
      runs.sort((a, b) => a - b)
      const median = runs[2]!
      return [
        `数据准备（150 000 户、50 个任务、10 000 条结果）：${(build / 1000).toFixed(1)} s`,
        `统计看板（全县 + 各部门）首次：${coldMs.toFixed(0)} ms；5 次中位数：${median.toFixed(0)} ms（目标 ≤ 300 ms，为目标的 ${(median / 300).toFixed(2)} 倍）`
      ]
    } finally {
      wb.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
