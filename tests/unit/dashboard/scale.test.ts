import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../../helpers/tmp'
import { buildStatsYear } from '../../helpers/statsYear'
import { Workbench } from '../../../electron/services/workbench'
import { statsDashboard } from '../../../electron/services/dashboard'
import { statsCommand } from '../../../electron/cli/commands/results'

/**
 * The indicators on a bigger year than the hand-counted fixture: counts must
 * come out exactly. Speed at 150 000 objects / 10 000 results is measured by
 * `npm run bench -- stats`, not here.
 */
const t = tempDir('suiji-dashboard-scale-')
const db = join(t.dir, 'big.db')
const N = 20_000
const TASKS = 20
const PER_TASK = 100

beforeAll(() => buildStatsYear(db, { objects: N, tasks: TASKS, perTask: PER_TASK }), 120_000)
afterAll(t.cleanup)

describe('indicators on a larger year', () => {
  it('counts every result, task and registry object of the year', async () => {
    const wb = new Workbench(db)
    try {
      const s = statsDashboard(wb.ctx(), 2026)
      expect(s.overall.results).toBe(TASKS * PER_TASK)
      expect(s.overall.indicators.find((i) => i.key === 'coverage')!.denominator).toBe(N)
      expect(s.overall.tasks).toBe(TASKS)
    } finally {
      wb.close()
    }
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l))
    try {
      expect(await statsCommand(['--db', db, '--year', '2026', '--json'])).toBe(0)
    } finally {
      spy.mockRestore()
    }
    expect(JSON.parse(lines.join('')).overall.results).toBe(TASKS * PER_TASK)
  }, 60_000)
})
