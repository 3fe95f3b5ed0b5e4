import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateDocument } from '../../../electron/services/documents/fromDb'
import { PUBLIC_RESULT_COLUMNS } from '../../../electron/services/documents'
import { checkIdNumber } from '../../../electron/services/registry/identifiers'
import { listAudit } from '../../../electron/services/audit/log'
import { findDraw } from '../../../electron/services/draws/records'
import { docsCli } from '../../../electron/cli/commands/documents'
import { execFileSync } from 'node:child_process'
import { parts, pdfInfo, SOFFICE, text } from './helpers'
import { TYPED_ID, TYPED_MOBILE } from './demoTask'
import { demoTaskFile } from './demoTaskFile'

const fx = demoTaskFile('suiji-docs-results-', { objects: 2000 })
const out = (name: string) => join(fx.dir, 'out', name)
const docText = (file: string) => text(parts(readFileSync(file))['word/document.xml'])

/** Every valid 18-character ID number and every mobile number in a text. */
function personalNumbers(s: string): string[] {
  const ids = (s.match(/\d{17}[\dXx]/g) ?? []).filter((m) => checkIdNumber(m).ok)
  return [...ids, ...(s.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [])]
}

describe('result documents from the entered results', () => {
  it('抽查结果汇总表 lists every drawn object in draw order with its result, disposal, inspectors and the team to sign', async () => {
    const r = await generateDocument(fx.ctx, { kind: 'resultSummary', taskId: fx.demo.taskId, path: out('汇总表.docx') }, fx.dir)
    const body = docText(r.files[0]!)
    // the items are column heads (with their department), each object's results beneath them
    for (const h of ['序号', '检查对象名称', '统一社会信用代码（注册号）', '后续处置', '检查人员', '签名', '（县卫健局）']) expect(body).toContain(h)
    const positions = fx.demo.drawn.map((o) => body.indexOf(o.code))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const problems = fx.demo.drawn.filter((o) => o.order % 5 === 0).length
    expect(body).toContain(`合计检查对象${fx.demo.drawn.length}户`)
    expect(body).toContain(`发现问题已责令改正${problems}户`)
    expect(body).toContain('责令改正')
    // every inspector the draw sent is named (they sign the table)
    for (const m of fx.demo.drawn.flatMap((o) => o.team)) expect(body).toContain(m.name)
  })

  it('抽查结果公示表 carries the objects and results, and no inspector, ID or phone number even where typed into a result', async () => {
    const r = await generateDocument(fx.ctx, { kind: 'publicResults', taskId: fx.demo.taskId, path: out('公示表.docx') }, fx.dir)
    const body = docText(r.files[0]!)
    for (const h of PUBLIC_RESULT_COLUMNS) expect(body).toContain(h)
    for (const o of fx.demo.drawn) expect(body).toContain(o.code)
    expect(body).toContain('发现问题已责令改正')
    expect(body).toContain('县卫健局')
    expect(personalNumbers(body)).toEqual([])
    expect(body).not.toContain(TYPED_MOBILE)
    expect(body).not.toContain(TYPED_ID)
    for (const m of fx.demo.drawn.flatMap((o) => o.team)) {
      expect(body).not.toContain(m.certNo)
    }
  })

  it('抽取记录 of the task’s draw in force, written by the draws service and logged', async () => {
    const draw = findDraw(fx.ctx, fx.demo.taskId)!
    const r = await generateDocument(fx.ctx, { kind: 'drawRecord', taskId: fx.demo.taskId, path: out('记录.docx') }, fx.dir)
    const body = docText(r.files[0]!)
    expect(body).toContain('随机抽取记录')
    expect(body).toContain(draw.drawId)
    for (const o of fx.demo.drawn) expect(body).toContain(o.code)
    expect(body).toContain('31415')
    expect(listAudit(fx.ctx, { entity: 'draw', entityId: draw.drawId }).some((a) => a.action === '生成抽取记录')).toBe(true)
    // the same target again is refused before anything is written
    await expect(generateDocument(fx.ctx, { kind: 'drawRecord', taskId: fx.demo.taskId, path: out('记录.docx') }, fx.dir)).rejects.toThrow(/已经存在/)
  })
})

describe('suiji docs', () => {
  it('writes the 汇总表, 公示表 and 抽取记录 by their short names into a folder', async () => {
    const dir = join(fx.dir, 'cli') + '/'
    const logs: string[] = []
    const log = console.log
    console.log = (m: string) => void logs.push(m)
    try {
      for (const k of ['summary', 'public', 'record']) expect(await docsCli([k, '--db', join(fx.dir, 'county.db'), '--task', '2026-001', '--out', dir, '--json'])).toBe(0)
    } finally {
      console.log = log
    }
    const files = logs.map((l) => (JSON.parse(l) as { files: string[] }).files[0]!)
    expect(files.map((f) => f.split('/').pop())).toEqual([
      '2026-001 2026年餐饮服务单位部门联合抽查 抽查结果汇总表.docx',
      '2026-001 2026年餐饮服务单位部门联合抽查结果公示表.docx',
      `2026-001 随机抽取记录（${findDraw(fx.ctx, fx.demo.taskId)!.drawId}）.docx`
    ])
    expect(docText(files[1]!)).not.toContain(TYPED_MOBILE)
  })
})

describe.skipIf(!SOFFICE)('as printed (LibreOffice)', () => {
  it('each 检查表 of the demo task fits on one page, and the signature dates stay on one line', async () => {
    const dir = join(fx.dir, 'pdf')
    const forms = (await generateDocument(fx.ctx, { kind: 'forms', taskId: fx.demo.taskId, mode: 'combined', path: out('forms-pdf.docx') }, fx.dir)).files[0]!
    expect(pdfInfo(forms, dir).pages).toBe(fx.demo.drawn.length)
    const record = (await generateDocument(fx.ctx, { kind: 'drawRecord', taskId: fx.demo.taskId, path: out('record-pdf.docx') }, fx.dir)).files[0]!
    const summary = (await generateDocument(fx.ctx, { kind: 'resultSummary', taskId: fx.demo.taskId, path: out('summary-pdf.docx') }, fx.dir)).files[0]!
    // the record has a date per signer (the operator and the three witnesses the 公告 requires), the summary one signing date under all of them
    for (const [file, dates] of [[record, 4], [summary, 1]] as const) {
      const layout = execFileSync('pdftotext', ['-layout', pdfInfo(file, dir).pdf, '-']).toString()
      // a wrapped date cell prints 年 and 月 日 on different lines
      expect(layout.split('\n').filter((l) => /年\s+月\s+日/.test(l)).length).toBe(dates)
    }
  }, 120_000)
})
