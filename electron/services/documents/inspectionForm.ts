/**
 * 随机抽查检查表 — one per drawn object (`000_…` 第十六条: the object signs
 * or seals it; `003_…` 第二十一条(三): where no signature can be had, the
 * reason is noted and a witness may sign).
 *
 * One A4 sheet holds up to FORM_ITEMS_PER_SHEET items with everything the
 * team fills in on site. More items flow onto further sheets of the same
 * object, each repeating the object header and saying 第x页 共y页; the
 * choices, signatures and note close the last sheet. The split depends on
 * counts only, never on text lengths, so every object of a task comes out
 * with the same layout (the batch fast path relies on that).
 */
import { CHECK_METHODS, FOLLOW_UPS, RESULT_BOXES, type CheckItem, type InspectionFormInput } from './types'
import { BLANK_DATE, CHECKBOX, FONT_PT, buildTable, checkboxes, enumerate, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formLine } from './forms'

/** Items one sheet carries at most; six items of a typical list fill it. */
export const FORM_ITEMS_PER_SHEET = 6

const LABEL = { role: 'heading1' as const, align: 'center' as const }
/** Column proportions of the item table; the estimate below measures against them. */
const ITEM_COLUMNS = [5, 18, 41, 27, 9]

/** Printed lines of 小五 text in a column of the item table (CJK one unit, Latin and digits half). */
function linesIn(text: string, column: number): number {
  if (!text) return 0
  const perLine = Math.floor(((ITEM_COLUMNS[column]! / 100) * textWidth('portrait') - 160) / (FONT_PT.小五 * 20))
  const units = [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)
  return Math.ceil(units / perLine)
}

/** Lines an item's row takes: its longest cell, and never fewer than the three of 检查情况. */
export function itemRowLines(it: CheckItem): number {
  const name = linesIn(it.name, 1) + (it.department ? linesIn(`（${it.department}）`, 1) : 0)
  const body = linesIn(it.content ?? '', 2) + (it.basis ? linesIn(`依据：${it.basis}`, 2) : 0)
  return Math.max(3, name, body)
}

/**
 * 小五 lines a sheet has for items besides everything else: measured in
 * LibreOffice with a five-row header, the item header, the choices, the
 * signatures and a team of up to six (three rows of two).
 */
const SHEET_ITEM_LINES = 22
/** Each further row of two inspectors takes the room of two item lines. */
const LINES_PER_TEAM_ROW = 2

/**
 * How many items each sheet of an object carries: at most six, fewer where
 * long 检查内容/依据 would push the signatures off the sheet. Worked out by the
 * mapper from the task's items (the same for every object) and passed in as
 * numbers, so all objects of a task share one layout.
 */
export function planFormSheets(items: readonly CheckItem[], inspectors: number): number[] {
  const room = SHEET_ITEM_LINES - Math.max(0, Math.ceil(inspectors / 2) - 3) * LINES_PER_TEAM_ROW
  const sheets: number[] = []
  let count = 0
  let used = 0
  for (const it of items) {
    const lines = itemRowLines(it)
    if (count > 0 && (count === FORM_ITEMS_PER_SHEET || used + lines > room)) {
      sheets.push(count)
      count = 0
      used = 0
    }
    count++
    used += lines
  }
  if (count > 0 || sheets.length === 0) sheets.push(count)
  return sheets
}

/** Items in sheets as planned (else six to a sheet); an object with no item still gets one sheet. */
export function formSheets<T>(items: readonly T[], plan?: readonly number[]): T[][] {
  const sizes = plan?.length && plan.reduce((a, b) => a + b, 0) === items.length ? plan : null
  const sheets: T[][] = []
  if (sizes) {
    let at = 0
    for (const n of sizes) sheets.push(items.slice(at, (at += n)))
  } else for (let i = 0; i < items.length; i += FORM_ITEMS_PER_SHEET) sheets.push(items.slice(i, i + FORM_ITEMS_PER_SHEET))
  return sheets.length ? sheets : [[]]
}

function objectHeader(input: InspectionFormInput, width: number) {
  const o = input.object
  // 小五 keeps each line of the header to one printed line; the code column takes an 18-character code whole.
  return buildTable({
    columns: [19, 33, 19, 29],
    width,
    size: '小五',
    rows: [
      [{ text: '被检查对象名称', ...LABEL }, { text: o.name, span: 3 }],
      [{ text: '统一社会信用代码（注册号）', ...LABEL }, o.code, { text: '法定代表人（负责人）', ...LABEL }, o.legalRepresentative ?? ''],
      [{ text: '住所（经营场所）', ...LABEL }, { text: o.address ?? '', span: 3 }],
      [{ text: '抽查任务', ...LABEL }, { text: `${input.taskName}（${input.taskNumber}）`, span: 3 }],
      [{ text: '检查部门', ...LABEL }, { text: enumerate(input.departments), span: 3 }]
    ]
  })
}

function itemTable(items: CheckItem[], first: number, width: number) {
  return buildTable({
    // 检查情况 is where the inspector writes: a third of the width and at least three lines a row.
    columns: ITEM_COLUMNS,
    width,
    size: '小五',
    header: [['序号', '检查事项', '检查内容及依据', '检查情况', '结果代码']],
    rows: items.map((it, i) => [
      { text: String(first + i + 1), align: 'center' },
      { text: it.name, lines: it.department ? [`（${it.department}）`] : [] },
      { text: it.content ?? '', lines: it.basis ? [`依据：${it.basis}`] : [] },
      { text: '', minLines: 3 },
      ''
    ])
  })
}

/** 核查方式, the numbered result categories and 后续处置: the same lists result entry accepts, nothing ticked. */
function choiceTable(width: number) {
  const numbered = RESULT_BOXES.map((c) => `${CHECKBOX}${c}`)
  return buildTable({
    columns: [13, 87],
    width,
    size: '小五',
    rows: [
      [{ text: '核查方式', ...LABEL }, checkboxes(CHECK_METHODS)],
      // One flowing paragraph: fixed groups wrapped unevenly and left half-empty lines.
      [{ text: '检查结果（填代码）', ...LABEL }, numbered.join('  ')],
      [{ text: '后续处置', ...LABEL }, checkboxes(FOLLOW_UPS)]
    ]
  })
}

/** Two inspectors to a row, so a team of six still leaves the items their room. */
function peopleTable(input: InspectionFormInput, width: number) {
  const person = (i: number) => {
    const p = input.inspectors[i]
    if (!p) return ['', '', '', '', { text: '', minLines: 2 }]
    return [{ text: p.leader ? '组长' : `组员${i}`, align: 'center' as const }, p.name, p.department, p.certificateNo, { text: '', minLines: 2 }]
  }
  const rows = []
  for (let i = 0; i < input.inspectors.length; i += 2) rows.push([...person(i), ...person(i + 1)])
  const half = ['职务', '姓名', '所在部门', '执法证号', '签名']
  return buildTable({ columns: [6, 9, 12, 13, 10, 6, 9, 12, 13, 10], width, size: '小五', header: [[...half, ...half]], rows })
}

function signTable(width: number) {
  return buildTable({
    columns: [19, 81],
    width,
    size: '小五',
    rows: [
      [{ text: '被检查对象意见', ...LABEL }, { text: '', lines: [`被检查对象签字（盖章）：＿＿＿＿＿＿＿＿＿＿　　　${BLANK_DATE}`] }],
      [{ text: '未能签字（盖章）的原因', ...LABEL }, { text: '', lines: [`见证人签字：＿＿＿＿＿＿＿＿＿＿　　　${BLANK_DATE}`] }],
      // The note is a row of the table: as a paragraph below it, it cost the sheet its sixth item.
      [{ text: '注：检查结果按上列代码逐项填写；检查表一式两份，检查机关和被检查对象各执一份。', span: 2 }]
    ]
  })
}

export function inspectionFormBlocks(input: InspectionFormInput): Block[] {
  const width = textWidth('portrait')
  const sheets = formSheets(input.items, input.sheets)
  const out: Block[] = []
  let first = 0
  sheets.forEach((items, s) => {
    // The task number is in the 抽查任务 row; a separate 编号 line would cost the items a row.
    out.push(titleParagraph('随机抽查检查表', s > 0 ? { pageBreakBefore: true } : {}))
    if (sheets.length > 1) out.push(formLine(`第${s + 1}页　共${sheets.length}页`, { align: 'right', size: '小五' }))
    out.push(objectHeader(input, width))
    if (items.length) out.push(itemTable(items, first, width))
    first += items.length
  })
  out.push(
    choiceTable(width),
    peopleTable(input, width),
    signTable(width)
  )
  return out
}

export function inspectionFormSections(input: InspectionFormInput): DocSection[] {
  return [{ layout: { restartNumbering: true, grid: false }, footer: 'dash', children: inspectionFormBlocks(input) }]
}

export async function buildInspectionForm(input: InspectionFormInput): Promise<Buffer> {
  return packDocument(inspectionFormSections(input), { title: `随机抽查检查表（${input.object.name}）` })
}
