import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateDocument, previewDocument, PREVIEW_ROWS } from '../../../electron/services/documents/fromDb'
import { buildInspectionForm, buildWorkPlan, formatDocNumber } from '../../../electron/services/documents'
import { docxSheets } from '../../../electron/services/documents/preview/html'
import { getSettings } from '../../../electron/services/settings/service'
import { checkIdNumber } from '../../../electron/services/registry/identifiers'
import { parts, text } from './helpers'
import { form, office, workPlan } from './fixtures'
import { TYPED_ID, TYPED_MOBILE } from './demoTask'
import { demoTaskFile } from './demoTaskFile'

const fx = demoTaskFile('suiji-docs-preview-', { objects: 2000 })
const out = (name: string) => join(fx.dir, 'out', name)
const docText = (file: string) => text(parts(readFileSync(file))['word/document.xml'])
/** The visible text of the preview: tags dropped, the escapes the renderer writes undone. */
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))).replace(/&emsp;/g, ' ')

describe('preview as HTML', () => {
  it('shows the first N 检查表 of a batch with the same texts as the .docx, one sheet each, A4 portrait', async () => {
    const p = await previewDocument(fx.ctx, { kind: 'forms', taskId: fx.demo.taskId, limit: 2 })
    expect(p.shown).toBe(2)
    expect(p.total).toBe(fx.demo.drawn.length)
    expect(p.note).toContain(`共 ${fx.demo.drawn.length} 份`)
    expect(p.html.match(/<section class="doc-sheet portrait"/g)).toHaveLength(2)
    expect(p.html).toContain('width:793.7px;min-height:1122.5px')
    const shown = htmlText(p.html)
    const file = (await generateDocument(fx.ctx, { kind: 'forms', taskId: fx.demo.taskId, mode: 'combined', path: out('forms.docx') }, fx.dir)).files[0]!
    const docx = docText(file)
    const [first, second, third] = [...fx.demo.drawn].sort((a, b) => a.order - b.order)
    for (const o of [first!, second!]) {
      expect(shown).toContain(o.name)
      expect(shown).toContain(o.code)
      for (const m of o.team) expect(shown).toContain(m.certNo)
    }
    expect(shown).not.toContain(third!.code)
    // Key texts of the file appear in the preview: the official headers, the item names, the result boxes.
    const keys = ['被检查对象名称', '依据：', '检查结果（填代码）', '□1.未发现问题', '无需处置', '被检查对象签字（盖章）', ...docx.match(/[^、（）]+检查(?=（县)/g)!.slice(0, 3)]
    for (const k of keys) {
      expect(docx).toContain(k)
      expect(shown).toContain(k)
    }
  })

  it('工作方案 shows the 发文字号 the file would get now, and takes none', async () => {
    const before = getSettings(fx.ctx).docNextNumber
    const p = await previewDocument(fx.ctx, { kind: 'workPlan', taskId: fx.demo.taskId })
    const number = formatDocNumber('泗双随机办发', new Date().getFullYear(), before)
    expect(htmlText(p.html)).toContain(number)
    expect(getSettings(fx.ctx).docNextNumber).toBe(before)
    // masthead in red, and the red rule under the 发文字号
    expect(p.html).toContain('color:#FF0000')
    expect(p.html).toMatch(/border-bottom:[\d.]+px solid #FF0000/)
  })

  it('公示表 preview is landscape and carries no inspector, ID or phone number', async () => {
    const p = await previewDocument(fx.ctx, { kind: 'publicResults', taskId: fx.demo.taskId })
    expect(p.html).toContain('class="doc-sheet landscape"')
    const shown = htmlText(p.html)
    for (const o of fx.demo.drawn) expect(shown).toContain(o.code)
    expect(shown).not.toContain(TYPED_ID)
    expect(shown).not.toContain(TYPED_MOBILE)
    expect((shown.match(/\d{17}[\dXx]/g) ?? []).filter((m) => checkIdNumber(m).ok)).toEqual([])
    expect(shown.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g)).toBeNull()
    for (const m of fx.demo.drawn.flatMap((o) => o.team)) expect(shown).not.toContain(m.certNo)
  })

  it('a long list shows its first rows and says how many there are', async () => {
    const p = await previewDocument(fx.ctx, { kind: 'registryMarket', filter: {} })
    expect(p.shown).toBe(PREVIEW_ROWS)
    expect(p.total).toBeGreaterThan(1000)
    expect(p.note).toBe(`预览显示前 ${PREVIEW_ROWS} 行，共 ${p.total} 行；保存的文件包含全部。`)
    expect(p.html.match(/<tr>/g)!.length).toBe(PREVIEW_ROWS + 1)
  })

  it('抽取记录 preview carries the QR code as an inline PNG', async () => {
    const p = await previewDocument(fx.ctx, { kind: 'drawRecord', taskId: fx.demo.taskId })
    expect(p.html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="96" height="96"/)
    expect(htmlText(p.html)).toContain('31415')
  })

  it('escapes every text, so data cannot become markup or script', async () => {
    const evil = '<img src=x onerror=alert(1)>"&\'<script>alert(2)</script>'
    const html = docxSheets(await buildInspectionForm({ ...form(), object: { ...form().object, name: evil } })).join('')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toMatch(/<[^>]*\son\w+=/)
    expect(htmlText(html)).toContain(evil)
    const plan = docxSheets(await buildWorkPlan(workPlan, office)).join('')
    expect(plan).not.toMatch(/<(script|iframe|object|embed|link|meta|style)\b/)
  })
})
