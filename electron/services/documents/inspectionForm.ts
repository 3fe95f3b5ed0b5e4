/**
 * 随机抽查检查表 — one per drawn object (`000_…` 第十六条: the object signs
 * or seals it; `003_…` 第二十一条(三): where no signature can be had, the
 * reason is noted and a witness may sign).
 */
import { CHECK_METHODS, FOLLOW_UPS, RESULT_BOXES, type InspectionFormInput } from './types'
import { BLANK_DATE, CHECKBOX, buildTable, checkboxes, enumerate, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formLine } from './forms'

const LABEL = { role: 'heading1' as const, align: 'center' as const }

export function inspectionFormBlocks(input: InspectionFormInput): Block[] {
  const width = textWidth('portrait')
  const o = input.object
  // 五号 like the tables below, and the code column wide enough for an 18-character credit code on one line.
  const header = buildTable({
    columns: [22, 32, 20, 26],
    width,
    size: '五号',
    rows: [
      [{ text: '被检查对象名称', ...LABEL }, { text: o.name, span: 3 }],
      [{ text: '统一社会信用代码（注册号）', ...LABEL }, o.code, { text: '法定代表人（负责人）', ...LABEL }, o.legalRepresentative ?? ''],
      [{ text: '住所（经营场所）', ...LABEL }, { text: o.address ?? '', span: 3 }],
      [{ text: '抽查任务', ...LABEL }, { text: `${input.taskName}（${input.taskNumber}）`, span: 3 }],
      [{ text: '检查部门', ...LABEL }, { text: enumerate(input.departments), span: 3 }]
    ]
  })
  const items = buildTable({
    // 检查内容 and 检查依据 get the room: their wrapping sets the row heights, and a form should fit one page.
    columns: [5, 15, 30, 28, 14, 8],
    width,
    size: '五号',
    header: [['序号', '检查事项', '检查内容', '检查依据', '检查情况', '结果（填代码）']],
    rows: input.items.map((it, i) => [
      { text: String(i + 1), align: 'center' },
      it.department ? `${it.name}（${it.department}）` : it.name,
      it.content ?? '',
      it.basis ?? '',
      { text: '', minLines: 2 },
      ''
    ])
  })
  const numbered = RESULT_BOXES.map((c) => `${CHECKBOX}${c}`)
  const choices = buildTable({
    columns: [16, 84],
    width,
    size: '五号',
    rows: [
      [{ text: '核查方式', ...LABEL }, checkboxes(CHECK_METHODS, input.plannedMethods ?? [])],
      // One flowing paragraph: fixed groups of four wrapped unevenly and left half-empty lines.
      [{ text: '检查结果', ...LABEL }, numbered.join('  ')],
      [{ text: '后续处置', ...LABEL }, `${checkboxes(FOLLOW_UPS)}：＿＿＿＿＿＿`]
    ]
  })
  const people = buildTable({
    columns: [18, 16, 26, 22, 18],
    width,
    size: '五号',
    header: [['检查人员', '姓名', '所在部门', '执法证号', '签名']],
    rows: input.inspectors.map((p, i) => [
      { text: p.leader ? '组长' : `组员${i}`, align: 'center' },
      p.name,
      p.department,
      p.certificateNo,
      { text: '', minLines: 2 }
    ])
  })
  const sign = buildTable({
    columns: [16, 84],
    width,
    size: '五号',
    rows: [
      [{ text: '被检查对象意见', ...LABEL }, { text: '', lines: [`被检查对象签字（盖章）：＿＿＿＿＿＿＿＿　　　${BLANK_DATE}`] }],
      [{ text: '未能签字（盖章）的原因', ...LABEL }, { text: '', lines: [`见证人签字：＿＿＿＿＿＿＿＿　　　${BLANK_DATE}`] }]
    ]
  })
  return [
    // The task number is in the 抽查任务 row; a separate 编号 line would push the form onto a second page.
    titleParagraph('随机抽查检查表'),
    header,
    items,
    choices,
    people,
    sign,
    formLine('注：检查结果按上列序号逐项填写；检查表一式两份，检查机关和被检查对象各执一份。', { size: '小五' })
  ]
}

export function inspectionFormSections(input: InspectionFormInput): DocSection[] {
  return [{ layout: { restartNumbering: true, grid: false }, footer: 'dash', children: inspectionFormBlocks(input) }]
}

export async function buildInspectionForm(input: InspectionFormInput): Promise<Buffer> {
  return packDocument(inspectionFormSections(input), { title: `随机抽查检查表（${input.object.name}）` })
}
