import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { objectCreateSchema } from '@contract'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { writeRejectsFile } from '../../../electron/services/registry/import/rejects'
import { OBJECT_LIMITS } from '../../../electron/services/registry/import/fieldLimits'
import { readGrid } from '../../../electron/services/spreadsheet/grid'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook } from './fixtures/office'
import { uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => (t = tempDb()))
afterEach(() => t.close())

describe('imported text obeys the edit form limits', () => {
  it('takes the limits from the form schema itself', () => {
    expect(OBJECT_LIMITS.name!.max).toBe(200)
    expect(OBJECT_LIMITS.address!.max).toBe(300)
    // The same text the form refuses is what the import cuts.
    expect(objectCreateSchema.safeParse({ code: 'x', name: 'a', address: 'x'.repeat(301) }).success).toBe(false)
  })

  it('rejects an over-long required name, cuts an over-long optional field with a warning that keeps the full text', async () => {
    const longAddress = '江苏省宿迁市泗阳县' + '很长的地址'.repeat(2000) // 10,009 characters
    const longName = '泗阳县' + '名'.repeat(300)
    const file = t.path('长文本.xlsx')
    await writeWorkbook(file, [
      {
        name: '市场主体',
        rows: [
          ['序号', '统一社会信用代码', '市场主体名称', '住所', '标签'],
          [1, uscc(1), '泗阳县甲超市', longAddress, `食品 ${'长'.repeat(31)}`],
          [2, uscc(2), longName, '众兴镇', null],
          [3, uscc(3), '泗阳县丙商店𠀀', '𠀀'.repeat(200), null]
        ]
      }
    ])
    const r = await importObjects(t.ctx, file)
    expect(r.imported).toBe(2)
    expect(r.rejects.map((x) => [x.row, x.reason])).toEqual([[3, `名称超过 200 字（共 ${longName.length} 字），本行未导入，请缩短后重新导入`]])
    const a = t.ctx.sqlite.prepare('SELECT address, tags FROM objects WHERE code = ?').get(uscc(1)) as { address: string; tags: string }
    expect(a.address).toBe(longAddress.slice(0, 300))
    expect(a.tags).toBe('食品')
    // A cut never splits a character written as a surrogate pair.
    const c = t.ctx.sqlite.prepare('SELECT address FROM objects WHERE code = ?').get(uscc(3)) as { address: string }
    expect(c.address).toBe('𠀀'.repeat(150))
    const w = r.warningList.find((x) => x.row === 2 && x.field === '住所')!
    expect(w.raw).toBe(longAddress)
    expect(w.message).toMatch(/住所超过 300 字（共 10009 字），只导入了前 300 字/)

    const out = t.path('未导入.xlsx')
    await writeRejectsFile(r, out)
    const sheets = await readGrid(out)
    const warnSheet = sheets.find((s) => s.name === '导入警告')!
    const rows = Array.from({ length: warnSheet.rowCount }, (_, i) => warnSheet.row(i + 1))
    expect(rows.some((row) => row.includes(longAddress))).toBe(true)
    const rej = sheets.find((s) => s.name === '市场主体')!
    expect(Array.from({ length: rej.rowCount }, (_, i) => rej.row(i + 1)).some((row) => row.includes(longName))).toBe(true)
  })
})
