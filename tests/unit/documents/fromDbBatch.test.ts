import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { createTask } from '../../../electron/services/tasks/service'
import { findDraw, performDraw, publishWithAnnouncement } from '../../../electron/services/draws/records'
import { todayText } from '../../../electron/services/time'
import { buildInspectionForm, buildNotice, generateBatch, type InspectionFormInput, type NoticeInput } from '../../../electron/services/documents'
import { formInputs, noticeInputs, officeInfo, taskDocs } from '../../../electron/services/documents/fromDb'
import { tempDir } from '../../helpers/tmp'
import { parts, pdfInfo, SOFFICE, text } from './helpers'
import { currentPeriod } from './demoTask'

/** The fast batch path (one layout per shape, strings filled in) against the direct build, on a real draw. */
const t = tempDir('suiji-docs-batch-')
let wb: Workbench
let ctx: Ctx
let forms: InspectionFormInput[]
let notices: NoticeInput[]

beforeAll(() => {
  wb = new Workbench(join(t.dir, 'county.db'))
  ctx = wb.ctx()
  generateDemoCounty(ctx, { objects: 3000, seed: 'batch' })
  const dept = Object.fromEntries((ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]).map((d) => [d.name, d.id]))
  const uids = (d: number) => (ctx.sqlite.prepare(`SELECT uid FROM items WHERE dept_id = ? AND level = '重点' ORDER BY sort_order LIMIT 2`).all(d) as { uid: string }[]).map((r) => r.uid)
  const task = createTask(ctx, {
    name: '2026年市场主体部门联合抽查',
    adhocReason: '专项整治',
    initiatorDeptId: dept['县市场监管局'],
    departments: [
      { deptId: dept['县市场监管局'], itemUids: uids(dept['县市场监管局']), inspectorsPerObject: 2 },
      { deptId: dept['县卫健局'], itemUids: uids(dept['县卫健局']), inspectorsPerObject: 1 }
    ],
    scope: { kinds: ['market'], townships: ['众兴街道'] },
    rule: { A: { mode: 'ratio', value: 50 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 50 } },
    ...currentPeriod()
  })
  publishWithAnnouncement(ctx, task.id, { drawDate: todayText() })
  performDraw(ctx, task.id, { sources: [{ kind: 'witness', label: '张三', value: '199999' }, { kind: 'witness', label: '李四', value: '299999' }, { kind: 'witness', label: '王见证', value: '271828' }], operator: '王丽' })
  const office = { ...officeInfo(ctx), contactPerson: '王丽', contactPhone: '0527-85211234' }
  const docs = taskDocs(ctx, task.id, office)
  const draw = findDraw(ctx, task.id)!
  forms = formInputs(ctx, docs, draw)
  notices = noticeInputs(ctx, docs, draw)
  // An object whose strings need escaping in XML must come out the same way too.
  forms[1] = { ...forms[1], object: { ...forms[1].object, name: `${forms[1].object.name}<分店>&"'` } }
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

const doc = (buf: Buffer) => parts(buf)['word/document.xml']

describe('batch fast path', () => {
  it('writes each separate form exactly as the direct build lays it out', async () => {
    const out = join(t.dir, 'forms')
    const r = await generateBatch({ kind: 'inspectionForm', inputs: forms }, { office: officeInfo(ctx), mode: 'separate', out })
    expect(forms.length).toBeGreaterThan(20)
    for (const i of [0, 1, 7, forms.length - 1]) expect(doc(readFileSync(r.files[i]))).toBe(doc(await buildInspectionForm(forms[i])))
    expect(text(doc(readFileSync(r.files[1])))).toContain('&lt;分店&gt;&amp;&quot;&apos;')
  })

  it('combines notices into one file: a section per object with page numbers from 1, two footer parts in all', async () => {
    const office = { ...officeInfo(ctx), contactPerson: '王丽', contactPhone: '0527-85211234' }
    const file = join(t.dir, '通知书合订.docx')
    await generateBatch({ kind: 'notice', inputs: notices }, { office, mode: 'combined', out: file })
    const p = parts(readFileSync(file))
    const body = p['word/document.xml']
    expect(body.match(/<w:sectPr/g)).toHaveLength(notices.length)
    expect(body.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(notices.length)
    expect(Object.keys(p).filter((k) => /^word\/footer\d+\.xml$/.test(k))).toHaveLength(2)
    for (const n of notices) expect(text(body)).toContain(`${n.object.name}：`)
    // each object's text, in order, is what its own notice holds
    const single = text(doc(await buildNotice(notices[3], office)))
    expect(text(body)).toContain(single)
  })

  it.skipIf(!SOFFICE)('a combined file has as many pages as its objects’ own files together', async () => {
    const few = forms.slice(0, 4)
    const dir = join(t.dir, 'pdf')
    const combined = join(dir, 'combined.docx')
    const separate = join(dir, 'separate')
    await generateBatch({ kind: 'inspectionForm', inputs: few }, { office: officeInfo(ctx), mode: 'combined', out: combined })
    const r = await generateBatch({ kind: 'inspectionForm', inputs: few }, { office: officeInfo(ctx), mode: 'separate', out: separate })
    const pages = r.files.map((f) => pdfInfo(f, separate).pages).reduce((a, b) => a + b, 0)
    const c = pdfInfo(combined, dir)
    expect(c.pages).toBe(pages)
    expect(c.width).toBeLessThan(c.height) // portrait A4
  }, 120_000)
})
