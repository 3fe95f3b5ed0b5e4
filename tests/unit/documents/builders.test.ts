import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_METHOD_LIST, DISPOSAL_LIST } from '@contract'
import * as d from '../../../electron/services/documents'
import { withRareFonts } from '../../../electron/services/documents/gbt9704'
import * as f from './fixtures'
import { SOFFICE, parts, pdfInfo, text, tmp } from './helpers'

const dir = tmp('docs-')

async function gen(name: string, buf: Promise<Buffer>) {
  const b = await buf
  const file = join(dir, `${name}.docx`)
  writeFileSync(file, b)
  const p = parts(b)
  return { file, p, doc: p['word/document.xml'], txt: text(p['word/document.xml']) }
}

/** Header cells of the table rows marked as repeating headers. */
function headerRows(doc: string): string[][] {
  return [...doc.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*?<w:tblHeader\/>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) => text(c[1]))
  )
}

const LANDSCAPE = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'

describe('document builders', () => {
  it('notice: addressee, code, task number, items, methods, materials, refusal, contact, signer', async () => {
    const { txt, doc } = await gen('notice', d.buildNotice(f.notice(), f.office))
    for (const s of ['随机抽查通知书', '临县鑫源商贸有限公司：', '91141124MA0K7XXXX1', 'LX-2026-007', '食品经营许可情况检查', '实地检查、书面检查', '近一年进货查验记录', '不配合检查情节严重', '联系人：李明', '0358-4425678', '2026年4月1日', '临县应急管理局', '（印章）'])
      expect(txt).toContain(s)
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(doc).toContain('<w:pgNumType w:start="1"/>')
  })

  it('inspection form: object header, item rows, method/result/follow-up boxes from the contract lists, nothing ticked', async () => {
    const { txt, doc } = await gen('form', d.buildInspectionForm(f.form()))
    for (const s of ['随机抽查检查表', '张建国', '临县临泉镇新华街18号', '《中华人民共和国安全生产法》第四条', '14112400456', '被检查对象签字（盖章）', '见证人签字'])
      expect(txt).toContain(s)
    expect(txt).not.toContain('☑')
    for (const m of CHECK_METHOD_LIST) expect(txt).toContain(`□${m}`)
    // the boxes carry the national codes of the contract's one list
    d.RESULT_BOXES.forEach((c) => expect(txt).toContain(`□${c}`))
    expect(txt).toContain('□E.发现问题已责令改正')
    for (const c of DISPOSAL_LIST) expect(txt).toContain(`□${c}`)
    expect(headerRows(doc)).toContainEqual(['序号', '检查事项', '检查内容及依据', '检查情况', '结果代码'])
    // one sheet: no page break and no 第x页
    expect(doc).not.toContain('<w:pageBreakBefore/>')
    expect(txt).not.toContain('共1页')
  })

  it('inspection form: more than six items flow onto a second sheet with the object header again and 第x页 共y页', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...f.items[i % 3], name: `${f.items[i % 3].name}${i + 1}` }))
    const plan = d.planFormSheets(many, 3)
    expect(plan).toHaveLength(2)
    expect(Math.max(...plan)).toBeLessThanOrEqual(6)
    const { txt, doc } = await gen('form8', d.buildInspectionForm({ ...f.form(), items: many, sheets: plan }))
    expect(txt).toContain('第1页　共2页')
    expect(txt).toContain('第2页　共2页')
    expect(txt.split('被检查对象名称').length - 1).toBe(2)
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1)
    // sheet 2 numbers its items on from sheet 1
    expect(txt.indexOf('第2页')).toBeLessThan(txt.indexOf(`${many[7].name}`))
    // without a plan, six to a sheet
    expect(d.planFormSheets(many.slice(0, 2), 3)).toEqual([2])
    // long 检查内容 takes a sheet sooner, never more than six
    const long = many.map((it) => ({ ...it, content: it.content.repeat(4) }))
    expect(Math.max(...d.planFormSheets(long, 3))).toBeLessThan(6)
    expect(d.planFormSheets(long, 3).reduce((a, b) => a + b, 0)).toBe(8)
  })

  it('result summary: a compact row per object with a result per item, when the items are given as columns', async () => {
    const rows = f.summary.rows.map((r, i) => ({ ...r, itemResults: f.items.map((_, k) => (k === 1 && i % 4 === 0 ? '发现问题已责令改正' : '未发现问题')) }))
    const { txt, doc } = await gen('summary-cols', d.buildResultSummary({ ...f.summary, rows, itemColumns: f.items.map((x) => ({ name: x.name, department: x.department })) }))
    expect(headerRows(doc)[0]).toEqual(['序号', '检查对象名称', '统一社会信用代码（注册号）', ...f.items.map((x) => `${x.name}（${x.department}）`), '后续处置', '检查人员'])
    // item names only in the header, not repeated on every row
    expect(txt.split(f.items[0].name).length - 1).toBe(1)
    expect(txt).toContain('合计检查对象12户')
  })

  it('result summary: landscape, a row per object, tally and team signature lines', async () => {
    const { txt, doc } = await gen('summary', d.buildResultSummary(f.summary))
    expect(doc).toContain(LANDSCAPE)
    expect(txt).toContain('合计检查对象12户，其中未发现问题9户、发现问题已责令改正3户。')
    expect(txt).toContain('姓名所在部门签名'.repeat(3))
    for (const p of f.inspectors) expect(txt).toContain(`${p.name}${p.department}`)
    // the block of tally, heading, signers and date is one row that may not split
    expect(doc).toMatch(/<w:cantSplit\/>(?:(?!<w:tr>).)*合计检查对象(?:(?!<w:tr>).)*检查小组成员签字确认/)
  })

  it('annual plan: landscape, exactly the 附件5 columns, header repeated, rows not split', async () => {
    const { txt, doc } = await gen('plan', d.buildAnnualPlan(f.annualPlan))
    expect(doc).toContain(LANDSCAPE)
    expect(txt).toContain('临县市场监督管理局2026年度部门双随机联合抽查工作计划表')
    expect(txt.startsWith('附件5')).toBe(true)
    expect(headerRows(doc)).toEqual([
      ['序号', '抽查计划名称', '抽查任务名称', '抽查类型', '抽查对象总数', '抽查比例', '抽查事项', '抽查对象范围', '检查发起机关', '联合机关', '抽取日期']
    ])
    const rows = doc.match(/<w:tr>/g)!.length
    expect(rows).toBe(31)
    expect(doc.match(/<w:cantSplit\/>/g)!.length).toBe(31)
  })

  it('item list: the two-level 附件3 header', async () => {
    const { doc } = await gen('items', d.buildItemList(f.itemList))
    const h = headerRows(doc)
    expect(h[0]).toEqual(['序号', '抽查项目', '检查对象', '事项类别', '检查方式', '检查主体', '检查频次', '检查内容', '检查依据'])
    expect(h[1]).toEqual(['', '抽查类别', '检查事项', '', '', '', '', '', '', ''])
    expect(doc).toMatch(/<w:gridSpan w:val="2"\/>(?:(?!<\/w:tc>).)*抽查项目/)
    expect(doc).toContain('<w:vMerge w:val="restart"/>')
  })

  it('registries: the four 附件4 layouts', async () => {
    const expected: Record<string, string[]> = {
      市场主体: ['序号', '统一社会信用代码/注册号', '市场主体名称', '市场主体类型', '登记机关', '法定代表人', '住所', '登记状态', '成立日期', '经营范围'],
      '机关/事业单位': ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
      社会团体: ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
      执法人员: ['序号', '身份证号', '姓名', '性别', '手机号码', '所在单位', '所在部门', '用户级别', '执法证号', '发证机关', '业务专长']
    }
    for (const r of f.registries) {
      const { doc, txt } = await gen(`registry-${r.kind.replace('/', '-')}`, d.buildRegistry(r))
      expect(headerRows(doc)).toEqual([expected[r.kind]])
      expect(txt).toContain(r.kind === '执法人员' ? '执法人员名录库' : `检查对象名录库（${r.kind}）`)
    }
  })

  it('draw record: hashes, seed, results in order, signatures, QR image and 第x页 共y页', async () => {
    const { p, txt, doc } = await gen('draw', d.buildDrawRecord(f.drawRecord))
    for (const s of ['D-2026-0007-01', 'suiji-draw', f.drawRecord.strata[0].poolHash, '本年度已被抽查2次', '福彩3D 2026089期开奖号码', f.drawRecord.derivedSeed, '吴敏', '健康状况', '操作人员', '见证人2', '监督人员', '5E88-4898-DA28-0471'])
      expect(txt).toContain(s)
    expect(txt.indexOf('临县第1食品店')).toBeLessThan(txt.indexOf('临县第2食品店'))
    expect(txt.indexOf('临县第9食品店')).toBeLessThan(txt.indexOf('临县第10食品店'))
    expect(doc).toContain('<pic:pic')
    // the QR code's line grows with the picture: an exact line height (the body's 28.95 pt) would show only a strip of it
    const qrParagraph = /<w:p>(?:(?!<\/w:p>).)*<w:drawing>/.exec(doc)![0]
    expect(qrParagraph).not.toContain('w:lineRule="exact"')
    expect(qrParagraph).toMatch(/<w:spacing [^>]*w:lineRule="auto"/)
    expect(Object.keys(parts(await d.buildDrawRecord(f.drawRecord)))).toBeDefined()
    const footer = Object.entries(p).filter(([k]) => k.startsWith('word/footer')).map(([, v]) => v).join('')
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(text(footer)).toContain('第')
    // the check code as the screen shows it: upper case, groups of four
    expect(d.shortHash(f.drawRecord.evidenceHash)).toBe('5E88-4898-DA28-0471')
    expect(txt).not.toContain('5e884898da280471')
  })

  it('public list: never an ID or phone number, even one typed into a free-text field', async () => {
    const smuggled = {
      ...f.publicResults,
      rows: f.publicResults.rows.map((r, i) =>
        i === 0 ? { ...r, result: `发现问题已责令改正（经办人身份证${f.idNumbers[0]}，电话13812345678，0358-4421234）` } : r
      )
    }
    const { doc, txt } = await gen('public', d.buildPublicResults(smuggled))
    expect(doc).toContain(LANDSCAPE)
    expect(headerRows(doc)).toEqual([[...d.PUBLIC_RESULT_COLUMNS]])
    for (const id of f.idNumbers) expect(doc).not.toContain(id)
    for (const ins of f.inspectors) {
      expect(txt).not.toContain(ins.name)
      expect(txt).not.toContain(ins.certificateNo)
    }
    // Any valid 18-character ID shape anywhere in the document.
    const { checkIdNumber } = await import('../../../electron/services/registry/identifiers')
    expect([...txt.matchAll(/\d{17}[\dX]/g)].filter((m) => checkIdNumber(m[0]).ok)).toEqual([])
    expect(txt).not.toMatch(/1[3-9]\d{9}/)
    expect(txt).not.toContain('0358-4421234')
    // Organisation codes stay: they are what the public looks up.
    expect(txt).toContain('92141124MA0K100000')
  })

  it('work plan: red masthead, 发文字号, red rule, headings, attachment page and 版记', async () => {
    const { doc, txt } = await gen('workplan', d.buildWorkPlan(f.workPlan, f.office))
    expect(txt).toContain('县“双随机、一公开”监管联席会议办公室文件')
    expect(doc).toMatch(/<w:color w:val="FF0000"\/>(?:(?!<\/w:r>).)*监管联席会议办公室文件/)
    expect(txt).toContain('临双随机办发〔2026〕3号')
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="FF0000"[^>]*\/>(?:(?!<\/w:p>).)*临双随机办发/)
    expect(txt).toContain('一、抽查任务')
    expect(txt).toContain('（一）企业公示信息情况检查。')
    expect(doc).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*>附件</)
    expect(txt).toContain('抄送：县人民政府办公室，县司法局。')
    expect(txt).toContain('2026年4月1日印发')
    expect(txt.indexOf('联合抽查事项及分工', txt.indexOf('>附件') + 1)).toBeLessThan(txt.indexOf('抄送：'))
  })

  it('rare characters get a run naming a face that has them (SimSun-ExtB for Extension B, 宋体 for Extension A)', async () => {
    const n = f.notice()
    const { doc } = await gen('rare-xml', d.buildNotice({ ...n, object: { ...n.object, name: '泗阳县𠮷祥㙟记餐饮店' } }, f.office))
    expect(doc).toMatch(/<w:rFonts w:ascii="SimSun-ExtB" w:eastAsia="SimSun-ExtB"[^>]*w:hint="eastAsia"\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">𠮷<\/w:t>/)
    expect(doc).toMatch(/<w:rFonts w:ascii="宋体" w:eastAsia="宋体"[^>]*\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">㙟<\/w:t>/)
    // the text around them keeps the body face
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">祥<\/w:t>/)
    expect(withRareFonts('<w:r><w:t>普通</w:t></w:r>')).toBe('<w:r><w:t>普通</w:t></w:r>')
  })

  it.skipIf(!SOFFICE)('𠮷 prints (LibreOffice finds a face with CJK Extension B)', async () => {
    const n = f.notice()
    const { file } = await gen('rare-pdf', d.buildNotice({ ...n, object: { ...n.object, name: '泗阳县𠮷祥餐饮店' } }, f.office))
    const { pdf } = pdfInfo(file, dir)
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString()).toContain('泗阳县𠮷祥餐饮店')
    // drawn with an embedded CJK face, not the .notdef box of the GB 2312 face
    expect(execFileSync('pdffonts', [pdf]).toString()).toMatch(/CJK/)
  }, 120_000)

  it.skipIf(!SOFFICE)('page numbers sit as far below the text area on landscape pages as on portrait ones (7 mm, §7.5)', async () => {
    const below: number[] = []
    for (const [name, buf, bottomMm] of [['pn-portrait', d.buildNotice(f.notice(), f.office), 35], ['pn-landscape', d.buildResultSummary(f.summary), 26]] as const) {
      const { file } = await gen(name, buf)
      const { pdf, height } = pdfInfo(file, dir)
      const words = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).toString()
      const dash = [...words.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">—<\/word>/g)].map((m) => Number(m[1]))
      const textBottom = height - (bottomMm / 25.4) * 72
      below.push(Math.max(...dash) - textBottom)
    }
    expect(Math.abs(below[0]! - below[1]!)).toBeLessThan(0.5)
  }, 120_000)

  it.skipIf(!SOFFICE)('every kind converts with LibreOffice to A4 PDFs of sensible length and orientation', async () => {
    const kinds: [string, Promise<Buffer>, 'portrait' | 'landscape', number, number][] = [
      ['c-notice', d.buildNotice(f.notice(), f.office), 'portrait', 1, 3],
      ['c-form', d.buildInspectionForm(f.form()), 'portrait', 1, 3],
      ['c-summary', d.buildResultSummary(f.summary), 'landscape', 1, 3],
      ['c-plan', d.buildAnnualPlan(f.annualPlan), 'landscape', 2, 6],
      ['c-items', d.buildItemList(f.itemList), 'landscape', 1, 1],
      ['c-registry', d.buildRegistry(f.registries[0]), 'landscape', 1, 1],
      ['c-draw', d.buildDrawRecord(f.drawRecord), 'portrait', 1, 4],
      ['c-public', d.buildPublicResults(f.publicResults), 'landscape', 1, 3],
      ['c-workplan', d.buildWorkPlan(f.workPlan, f.office), 'portrait', 3, 6]
    ]
    for (const [name, buf, orient, min, max] of kinds) {
      const { file } = await gen(name, buf)
      const info = pdfInfo(file, dir)
      expect(info.pages, name).toBeGreaterThanOrEqual(min)
      expect(info.pages, name).toBeLessThanOrEqual(max)
      const [w, h] = orient === 'portrait' ? [595.3, 841.9] : [841.9, 595.3]
      expect(Math.abs(info.width - w), name).toBeLessThan(1)
      expect(Math.abs(info.height - h), name).toBeLessThan(1)
    }
  }, 300_000)
})
