import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { deadlineFor } from '../../../electron/services/results'
import { coveredYears, getHolidayOverrides, importHolidays, nextYearUncovered, setHolidayOverrides } from '../../../electron/services/workdays'
import { holidaysImport } from '../../../electron/cli/commands/holidays'
import { UserError } from '../../../electron/services/errors'

const dir = mkdtempSync(join(tmpdir(), 'holidays-'))
let n = 0
let wb: Workbench
let ctx: Ctx

beforeEach(() => {
  wb?.close()
  wb = new Workbench(join(dir, `h${++n}.db`))
  ctx = { ...wb.ctx(), actor: '测试' }
})
afterAll(() => {
  wb?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The notice as an office would type it: a title row, the header, the days, a note under the table. */
async function xlsx(name: string, rows: (string | Date)[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const ws = book.addWorksheet('2027年节假日')
  ws.addRow(['国务院办公厅关于2027年部分节假日安排的通知'])
  ws.addRow(['日期', '类型（休/班）', '名称'])
  for (const r of rows) ws.addRow(r)
  ws.addRow([])
  ws.addRow(['注：调休上班的周六、周日填“班”。'])
  const file = join(dir, name)
  await book.xlsx.writeFile(file)
  return file
}

const YUANDAN = [['2027-01-01', '休', '元旦']]

describe('importing the holiday arrangement', () => {
  it('moves a deadline that crosses 2027-01-01 once 元旦 is loaded, and the warning goes', async () => {
    // 2026-12-30 (Wed) + 2 working days: Thu 12-31, then Fri 2027-01-01 — unless 元旦 is a holiday.
    const before = deadlineFor(ctx, '2026-12-30', 2)
    expect(before.due).toBe('2027-01-01')
    expect(before.warning).toContain('2027 年')
    const r = await importHolidays(ctx, await xlsx('yuandan.xlsx', YUANDAN))
    expect(r.years).toEqual([{ year: 2027, holidays: 1, workdays: 0, names: ['元旦'] }])
    const after = deadlineFor(ctx, '2026-12-30', 2)
    expect(after.due).toBe('2027-01-04')
    expect(after.warning).toBeNull()
    // a 20-day deadline from mid-December moves by the same day
    expect(deadlineFor(ctx, '2026-12-15', 20).due).toBe('2027-01-13')
  })

  it('reads the 调休 working days and a date written the Chinese way, and keeps the bundled years', async () => {
    const file = await xlsx('full.xlsx', [
      ['2027年1月1日', '休', '元旦'],
      ['2027-02-06', '休', '春节'],
      ['2027/2/7', '放假', '春节'],
      ['2027-02-20', '班', '春节调休'],
      [new Date(Date.UTC(2027, 1, 8)), '休', '春节']
    ])
    await importHolidays(ctx, file)
    const o = getHolidayOverrides(ctx).find((x) => x.year === 2027)!
    expect(o.holidays).toEqual(['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'])
    expect(o.workdays).toEqual(['2027-02-20'])
    expect(coveredYears(getHolidayOverrides(ctx))).toContain(2026)
    expect(coveredYears(getHolidayOverrides(ctx))).toContain(2027)
  })

  it('reads a CSV saved by Excel in GB18030 as well as UTF-8 with a BOM', async () => {
    // 日期,类型,名称 / 2027-01-01,休,元旦 in GBK bytes
    const gbk = Buffer.from('c8d5c6da2cc0e0d0cd2cc3fbb3c60d0a323032372d30312d30312cd0dd2cd4aab5a90d0a', 'hex')
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('日期,类型,名称\r\n2027-01-01,休,元旦\r\n')
    writeFileSync(join(dir, 'gbk.csv'), gbk)
    expect((await importHolidays(ctx, join(dir, 'gbk.csv'))).years[0]).toEqual({ year: 2027, holidays: 1, workdays: 0, names: ['元旦'] })
    writeFileSync(join(dir, 'utf8.csv'), '\ufeff日期,类型,名称\n2028-01-01,休,"元旦"\n2028-01-02,休,元旦\n')
    const r = await importHolidays(ctx, join(dir, 'utf8.csv'))
    expect(r.years).toEqual([{ year: 2028, holidays: 2, workdays: 0, names: ['元旦'] }])
    // 2027 from the first file is still there
    expect(coveredYears(getHolidayOverrides(ctx))).toEqual(expect.arrayContaining([2027, 2028]))
  })

  it('refuses a file with bad rows, names every row, and changes nothing', async () => {
    setHolidayOverrides(ctx, [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }])
    const file = await xlsx('bad.xlsx', [
      ['2027-02-30', '休', '春节'],
      ['2027-02-06', '放', '春节'],
      ['2027-02-07', '休', '春节']
    ])
    const err = await importHolidays(ctx, file).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toContain('第 3 行')
    expect((err as Error).message).toContain('第 4 行')
    expect((err as Error).message).toContain('未导入任何内容')
    expect(getHolidayOverrides(ctx)).toEqual([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }])
  })

  it('refuses a day entered both as 休 and as 班, and a file without the columns', async () => {
    const clash = await importHolidays(ctx, await xlsx('clash.xlsx', [['2027-10-09', '休', '国庆'], ['2027-10-09', '班', '国庆调休']])).catch((e: Error) => e)
    expect((clash as Error).message).toMatch(/第 3 行和第 4 行.*2027-10-09/)
    writeFileSync(join(dir, 'nohead.csv'), '2027-01-01,休,元旦\n')
    expect(((await importHolidays(ctx, join(dir, 'nohead.csv')).catch((e: Error) => e)) as Error).message).toContain('日期')
    expect(getHolidayOverrides(ctx)).toEqual([])
  })

  it('warns from November when next year is not covered, until it is loaded', async () => {
    expect(nextYearUncovered(ctx, '2026-10-31').year).toBeNull()
    expect(nextYearUncovered(ctx, '2026-11-02').year).toBe(2027)
    expect(nextYearUncovered(ctx, '2025-11-02').year).toBeNull() // 2026 is bundled
    await importHolidays(ctx, await xlsx('y.xlsx', YUANDAN))
    expect(nextYearUncovered(ctx, '2026-12-20').year).toBeNull()
  })

  it('works from the command line', async () => {
    const db = join(dir, 'cli.db')
    const file = await xlsx('cli.xlsx', YUANDAN)
    expect(await holidaysImport.run([file, '--db', db, '--json'])).toBe(0)
    const w = new Workbench(db)
    try {
      expect(deadlineFor(w.ctx(), '2026-12-30', 2).due).toBe('2027-01-04')
    } finally {
      w.close()
    }
  })
})
