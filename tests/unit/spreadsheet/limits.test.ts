import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { MAX_IMPORT_ROWS } from '../../../electron/services/registry/spreadsheet/limits'
import { tempDb, type TestDb } from '../registry/fixtures/db'
import { uscc } from '../registry/fixtures/ids'
import { writeTallXlsx } from './fixtures'

let t: TestDb
beforeEach(() => (t = tempDb('sheet-limits-')))
afterEach(() => t.close())

const count = () => (t.ctx.sqlite.prepare('SELECT count(*) AS n FROM objects').get() as { n: number }).n

describe('row limit of one import', () => {
  // The full 1,048,576-row file is made and measured by `npm run bench -- registry`; here the sheet states that size.
  it('a sheet that states 1,048,576 rows is refused at once, naming the limit', async () => {
    const file = t.path('满表.xlsx')
    await writeTallXlsx(file, 5000, { dimension: true, statedRows: 1_048_576, code: (i) => uscc(i) })
    let rowsSeen = 0
    const e = await importObjects(t.ctx, file, { onProgress: (phase, done) => phase === 'read' && (rowsSeen = done) }).catch((x: Error) => x)
    expect((e as Error).message).toMatch(/超过了每次导入最多 200,000 行的限制，未导入任何数据/)
    // Refused from the sheet's stated size, before any data row was handed over.
    expect(rowsSeen).toBe(0)
    expect(count()).toBe(0)
  }, 300_000)

  it('a sheet that does not state its size is refused as soon as the limit is passed', async () => {
    const file = t.path('无尺寸.xlsx')
    await writeTallXlsx(file, MAX_IMPORT_ROWS + 1, { dimension: false, code: (i) => uscc(i) })
    await expect(importObjects(t.ctx, file)).rejects.toThrow(/每次导入最多 200,000 行/)
    expect(count()).toBe(0)
  }, 300_000)
})
