import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { runCli as run } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'
import { deadlineCommand, resultsImport, statsCommand } from '../../../electron/cli/commands/results'
import { exportResultTemplate } from '../../../electron/services/results'
import { code, county, deptIds, drawnTask } from './fixture'

const t = tempDir('suiji-results-cli-')
const db = join(t.dir, 'cli.db')
const tpl = join(t.dir, 'tpl.xlsx')

beforeAll(async () => {
  const { wb, ctx } = county(t.dir, 'cli.db')
  const task = drawnTask(ctx, { taskNo: '2026-301', start: '2026-09-01', depts: [['县市场监管局', ['i-food']]], codes: [code(11), code(13)] })
  await exportResultTemplate(ctx, task.id, deptIds(ctx)['县市场监管局']!, tpl)
  wb.close()
})
afterAll(t.cleanup)

async function fill(rows: Record<number, (string | null)[]>, out: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(tpl)
  const ws = book.getWorksheet('检查结果')!
  for (const [r, [cat, date]] of Object.entries(rows)) {
    ws.getCell(Number(r), 6).value = cat
    ws.getCell(Number(r), 13).value = date
  }
  await book.xlsx.writeFile(out)
  return out
}

describe('suiji deadline / results import / stats', () => {
  it('deadline prints the due date, across National Day, and takes --days', async () => {
    expect((await run(deadlineCommand, ['--completed', '2025-09-26'])).out).toBe('2025-10-30')
    expect((await run(deadlineCommand, ['--completed', '2026-09-24', '--days', '10'])).out).toBe('2026-10-15')
    expect(JSON.parse((await run(deadlineCommand, ['--completed', '2026-02-10', '--json'])).out)).toMatchObject({ due: '2026-03-16', days: 20, warning: null })
    await expect(run(deadlineCommand, ['--completed', '2026-02-30'])).rejects.toThrowError('不是有效日期')
  })

  it('results import exits 1 with row-numbered errors, 0 when the sheet is right', async () => {
    const bad = await fill({ 5: ['未发现问题', '2026-09-10'], 6: ['查无此类', '2026-09-10'] }, join(t.dir, 'bad.xlsx'))
    const r1 = await run(resultsImport, [bad, '--db', db, '--task', '2026-301'])
    expect(r1.code).toBe(1)
    expect(r1.out).toContain('第 6 行：检查结果“查无此类”')
    const good = await fill({ 5: ['未发现问题', '2026-09-10'], 6: ['未发现问题', '2026-09-24'] }, join(t.dir, 'good.xlsx'))
    const r2 = await run(resultsImport, [good, '--db', db, '--task', '2026-301', '--json'])
    expect(r2.code).toBe(0)
    expect(JSON.parse(r2.out).progress).toMatchObject({ complete: true, completedOn: '2026-09-24', dueOn: '2026-10-29' })
  })

  it('stats --json gives the indicators as numbers', async () => {
    const r = await run(statsCommand, ['--db', db, '--year', '2026', '--json'])
    const s = JSON.parse(r.out)
    expect(s.overall.tasks).toBe(1)
    expect(s.overall.coverage).toMatchObject({ numerator: 2, denominator: 37 })
    expect(s.overall.joint).toMatchObject({ numerator: 0, denominator: 1, rate: 0 })
    expect(s.overall.categories['未发现问题']).toBe(2)
  })
})
