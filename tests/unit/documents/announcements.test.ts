import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { exportAnnouncement, PLAN_NOTICE_COLUMNS, TASK_NOTICE_COLUMNS } from '../../../electron/services/documents/announcements'
import { createTask } from '../../../electron/services/tasks/service'
import { findDraw } from '../../../electron/services/draws/records'
import { UserError } from '../../../electron/services/errors'
import { demoTaskFile } from './demoTaskFile'
import { demoPlanEntries, taskInput } from './demoTask'
import { parts, text } from './helpers'

const fx = demoTaskFile('announcements-', { results: false })

/** The columns docs/announcements.md documents under `<!-- columns:NAME -->`. */
function documented(name: string): string[] {
  const md = readFileSync(join(__dirname, '../../../docs/announcements.md'), 'utf8')
  const at = md.indexOf(`<!-- columns:${name} -->`)
  expect(at).toBeGreaterThan(0)
  const line = md.slice(at).split('\n')[1]!
  return line.split('|').map((c) => c.trim()).filter(Boolean)
}

/** Rows of the first sheet as text, row 1 = the title. */
async function sheetRows(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const out: string[][] = []
  book.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return out
}

/** Cell texts of the first table's rows in document.xml. */
function tableRows(xml: string): string[][] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0]
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])))
}

describe('任务公告', () => {
  it('prints the documented columns and the draw in force, in .docx and .xlsx', async () => {
    expect([...TASK_NOTICE_COLUMNS]).toEqual(documented('taskNotice'))
    const draw = findDraw(fx.ctx, fx.demo.taskId)!
    const docx = join(fx.dir, '任务公告.docx')
    const r = await exportAnnouncement(fx.ctx, { kind: 'taskNotice', taskId: fx.demo.taskId, format: 'docx', path: docx })
    expect(r.rows).toBe(draw.objects.length)
    const xml = parts(readFileSync(docx))['word/document.xml']!
    const rows = tableRows(xml)
    expect(rows[0]).toEqual(documented('taskNotice'))
    expect(rows.slice(1).map((x) => x[2])).toEqual(draw.objects.map((o) => o.code))
    expect(rows[1]![3]).toMatch(/市场监督管理局|行政审批局|民政局|编办/)
    const all = text(xml)
    expect(all).toContain(draw.drawId)
    expect(all).toContain(`校验码 ${draw.shortHash}`) // the screen's word and form
    for (const m of draw.objects.flatMap((o) => o.team)) expect(all).not.toContain(m.idNumber)

    const xlsx = join(fx.dir, '任务公告.xlsx')
    await exportAnnouncement(fx.ctx, { kind: 'taskNotice', taskId: fx.demo.taskId, format: 'xlsx', path: xlsx })
    const sheet = await sheetRows(xlsx)
    expect(sheet[0]![0]).toContain('任务公告')
    expect(sheet[1]).toEqual(documented('taskNotice'))
    expect(sheet.slice(2).map((x) => x[1])).toEqual(draw.objects.map((o) => o.name))
  })

  it('is refused, with a message, for a task not drawn yet; a wrong file ending too', async () => {
    const t = createTask(fx.ctx, taskInput(fx.ctx, { name: '尚未抽取的联合检查任务' }))
    const e = await exportAnnouncement(fx.ctx, { kind: 'taskNotice', taskId: t.id, format: 'docx', path: join(fx.dir, 'x.docx') }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(UserError)
    expect((e as Error).message).toContain('还没有抽取')
    const f = await exportAnnouncement(fx.ctx, { kind: 'taskNotice', taskId: fx.demo.taskId, format: 'xlsx', path: join(fx.dir, 'x.docx') }).catch((x: unknown) => x)
    expect((f as Error).message).toContain('.xlsx')
  })
})

describe('计划公告', () => {
  it('prints the documented columns for the live entries of the year, in .docx and .xlsx', async () => {
    expect([...PLAN_NOTICE_COLUMNS]).toEqual(documented('planNotice'))
    demoPlanEntries(fx.ctx, fx.demo.dept)
    fx.ctx.sqlite.prepare(`UPDATE plan_entries SET status = '已发布'`).run()
    const docx = join(fx.dir, '计划公告.docx')
    const r = await exportAnnouncement(fx.ctx, { kind: 'planNotice', year: 2026, format: 'docx', path: docx })
    expect(r.rows).toBe(2)
    const xml = parts(readFileSync(docx))['word/document.xml']!
    const rows = tableRows(xml)
    expect(rows[0]).toEqual(documented('planNotice'))
    expect(rows.slice(1).map((x) => x[2])).toEqual(['餐饮服务食品安全联合检查', '公共场所卫生监督检查'])
    expect(xml).toContain('w:orient="landscape"')

    const xlsx = join(fx.dir, '计划公告.xlsx')
    await exportAnnouncement(fx.ctx, { kind: 'planNotice', year: 2026, format: 'xlsx', path: xlsx })
    const sheet = await sheetRows(xlsx)
    expect(sheet[1]).toEqual(documented('planNotice'))
    expect(sheet.slice(2).map((x) => x[7])).toEqual(['县市场监管局', '县卫健局'])
  })

  it('leaves out draft entries and says so when nothing is left', async () => {
    fx.ctx.sqlite.prepare(`UPDATE plan_entries SET status = '草稿'`).run()
    const e = await exportAnnouncement(fx.ctx, { kind: 'planNotice', year: 2026, format: 'xlsx', path: join(fx.dir, 'y.xlsx') }).catch((x: unknown) => x)
    expect((e as Error).message).toContain('没有已报送或已发布')
  })
})
