/**
 * Issue 14's county as printed: a three-department task over the whole
 * county (about 110 objects drawn, 500 excluded as 注销/吊销/迁出), converted
 * with LibreOffice and counted page by page.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { generateDocument } from '../../../electron/services/documents/fromDb'
import { findDraw, fullEvidence } from '../../../electron/services/draws/records'
import { drawRow } from '../../../electron/services/draws/records/store'
import { SOFFICE, parts, pdfInfo, text } from './helpers'
import { demoTaskFile } from './demoTaskFile'

const fx = demoTaskFile('suiji-docs-county-', { objects: 6000, county: true })
const out = (name: string) => join(fx.dir, 'out', name)
const pdfDir = () => join(fx.dir, 'pdf')

describe.skipIf(!SOFFICE)('the county task as printed (LibreOffice)', () => {
  it('检查表: three items, one A4 sheet per object', async () => {
    expect(fx.demo.drawn.length).toBeGreaterThan(100)
    const file = (await generateDocument(fx.ctx, { kind: 'forms', taskId: fx.demo.taskId, mode: 'combined', path: out('forms.docx') }, fx.dir)).files[0]!
    expect(text(parts(readFileSync(file))['word/document.xml'])).toContain('县应急管理局')
    expect(pdfInfo(file, pdfDir()).pages).toBe(fx.demo.drawn.length)
  }, 300_000)

  it('汇总表: at least ten objects to a landscape page, every signer with 所在部门', async () => {
    const file = (await generateDocument(fx.ctx, { kind: 'resultSummary', taskId: fx.demo.taskId, path: out('summary.docx') }, fx.dir)).files[0]!
    const info = pdfInfo(file, pdfDir())
    expect(info.width).toBeGreaterThan(info.height)
    expect(fx.demo.drawn.length / info.pages).toBeGreaterThanOrEqual(10)
    const body = text(parts(readFileSync(file))['word/document.xml'])
    for (const m of fx.demo.drawn.flatMap((o) => o.team)) expect(body).toContain(`${m.name}${m.deptName}`)
  }, 300_000)

  it('抽取记录: at most four pages with hundreds of exclusions, counted by reason, the full list in the named attachment, the check code as the screen shows it', async () => {
    const draw = findDraw(fx.ctx, fx.demo.taskId)!
    const e = fullEvidence(fx.ctx, drawRow(fx.ctx, draw.drawId))
    expect(e.exclusions.length).toBeGreaterThanOrEqual(400)
    const r = await generateDocument(fx.ctx, { kind: 'drawRecord', taskId: fx.demo.taskId, path: out('record.docx') }, fx.dir)
    const [file, attachment] = r.files
    expect(pdfInfo(file!, pdfDir()).pages).toBeLessThanOrEqual(4)
    const body = text(parts(readFileSync(file!))['word/document.xml'])
    expect(body).toContain(`三、排除对象（${e.exclusions.length}个）`)
    const cancelled = e.exclusions.filter((x) => x.reason.includes('“注销”')).length
    expect(body).toContain(`${e.exclusions.find((x) => x.reason.includes('“注销”'))!.reason}${cancelled}`)
    // no excluded object is listed on the record itself
    expect(body).not.toContain(e.exclusions[0]!.code)
    expect(body).toContain(draw.shortHash)
    expect(body).toContain(`附件“${basename(attachment!)}”`)
    expect(existsSync(attachment!)).toBe(true)
    const lines = readFileSync(attachment!, 'utf8').trim().split('\r\n')
    expect(lines).toHaveLength(e.exclusions.length + 1)
    for (const x of e.exclusions) expect(lines.some((l) => l.includes(x.code))).toBe(true)
  }, 300_000)
})
