import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { exportRegistry } from '../../../electron/services/registry/export/export'
import { queryObjects } from '../../../electron/services/registry/objects/query'
import { listAudit } from '../../../electron/services/audit/log'
import { tempDir } from '../../helpers/tmp'

const t = tempDir('suiji-export-filter-')
afterAll(t.cleanup)

describe('exporting what the 检查对象 page shows', () => {
  const wb = new Workbench(join(t.dir, 'c.db'))
  afterAll(() => wb.close())
  generateDemoCounty(wb.ctx(), { objects: 3000, seed: 'export-filter' })

  it('a township + class filter exports exactly the filtered objects; no filter exports them all', async () => {
    const ctx = wb.ctx()
    const township = (ctx.sqlite.prepare(`SELECT township FROM objects GROUP BY township ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string)
    const filter = { township, creditClass: 'B' as const }
    const expected = ctx.sqlite.prepare(`SELECT code FROM objects WHERE township = ? AND credit_class = 'B' ORDER BY code`).pluck().all(township) as string[]
    expect(expected.length).toBeGreaterThan(10)
    expect(queryObjects(ctx, { ...filter, page: 1, pageSize: 50 }).total).toBe(expected.length)

    const csv = join(t.dir, 'filtered.csv')
    const r = await exportRegistry(ctx, 'objects', csv, { objectFilter: filter })
    expect(r.rows).toBe(expected.length)
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1)
    const codes = lines.map((l) => l.split(',')[2]!.replace(/"/g, '')).sort()
    expect(codes).toEqual(expected)
    expect(JSON.parse(listAudit(ctx, { entity: 'objects', limit: 1 })[0]!.detail)).toMatchObject({ rows: expected.length, filter })

    const all = await exportRegistry(ctx, 'objects', join(t.dir, 'all.csv'))
    expect(all.rows).toBe(3000)
  })

  it('tells the rows written as it goes, in .xlsx and .csv, ending at the count', async () => {
    const ctx = wb.ctx()
    for (const ext of ['xlsx', 'csv']) {
      const seen: [number, number][] = []
      const r = await exportRegistry(ctx, 'objects', join(t.dir, `progress.${ext}`), { onProgress: (done, total) => seen.push([done, total]) })
      const done = seen.map((s) => s[0])
      expect(done.slice(0, 2)).toEqual([1000, 2000])
      expect(done.every((n, k) => k === 0 || n >= done[k - 1]!)).toBe(true)
      expect(done.at(-1)).toBe(3000)
      expect(seen.every((s) => s[1] === r.rows)).toBe(true)
    }
  })
})
