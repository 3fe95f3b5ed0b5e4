/** 名录库 in the four layouts of `003_…` 附件4. */
import type { RegistryInput, RegistryKind } from './types'
import { attachmentLabel, buildTable, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formLine } from './forms'

/** Column headers per layout, exactly as 附件4 prints them. */
export const REGISTRY_COLUMNS: Record<RegistryKind, readonly string[]> = {
  市场主体: ['序号', '统一社会信用代码/注册号', '市场主体名称', '市场主体类型', '登记机关', '法定代表人', '住所', '登记状态', '成立日期', '经营范围'],
  '机关/事业单位': ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
  社会团体: ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
  执法人员: ['序号', '身份证号', '姓名', '性别', '手机号码', '所在单位', '所在部门', '用户级别', '执法证号', '发证机关', '业务专长']
}

const WIDTHS: Record<RegistryKind, number[]> = {
  // the code column takes an 18-character credit code on one line at 小五; 经营范围 gets the most room
  市场主体: [4, 14, 14, 9, 9, 6, 14, 5, 8, 17],
  '机关/事业单位': [5, 16, 18, 13, 9, 19, 9, 11],
  社会团体: [5, 16, 18, 13, 9, 19, 9, 11],
  执法人员: [4, 14, 7, 4, 10, 12, 10, 7, 10, 11, 11]
}

export function registryTitle(input: RegistryInput): string {
  return input.kind === '执法人员' ? `（${input.department}）执法人员名录库` : `（${input.department}）检查对象名录库（${input.kind}）`
}

function rowsOf(input: RegistryInput): string[][] {
  switch (input.kind) {
    case '市场主体':
      return input.rows.map((r) => [r.code, r.name, r.entityType, r.registrationAuthority, r.legalRepresentative, r.address, r.status, r.establishedOn, r.businessScope])
    case '执法人员':
      return input.rows.map((r) => [r.idNumber, r.name, r.gender, r.mobile, r.unit, r.department, r.userLevel, r.certificateNo, r.certificateAuthority, r.speciality])
    default:
      return input.rows.map((r) => [r.code, r.name, r.registrationAuthority, r.legalRepresentative, r.address, r.establishedOn, r.note ?? ''])
  }
}

/** Columns whose text is cut to REGISTRY_CELL_LINES printed lines, so a row stays short (the full text is in the registry and its .xlsx export). */
const LONG_COLUMNS: Record<RegistryKind, readonly string[]> = {
  市场主体: ['市场主体类型', '登记机关', '住所', '经营范围'],
  // (names and codes are never cut)
  '机关/事业单位': ['登记机关', '住所', '备注'],
  社会团体: ['登记机关', '住所', '备注'],
  执法人员: []
}
export const REGISTRY_CELL_LINES = 2
export const REGISTRY_NOTE = `类型、登记机关、住所、经营范围超过${REGISTRY_CELL_LINES}行的从略，以“…”标出；全文见名录库的导出表格。`

/** A cell's text cut to what `lines` printed lines of 小五 hold in a column of `share` per cent of the landscape width. */
function clip(text: string, share: number, lines: number): string {
  // a little narrower than the nominal advance: the fonts LibreOffice substitutes run wider
  const perLine = Math.floor(((share / 100) * textWidth('landscape') - 200) / (9 * 20 * 1.08))
  const room = perLine * lines
  let units = 0
  let i = 0
  const chars = [...text]
  for (; i < chars.length; i++) {
    units += chars[i]!.charCodeAt(0) < 0x2e80 ? 0.55 : 1
    if (units > room) break
  }
  return i >= chars.length ? text : `${chars.slice(0, Math.max(0, i - 1)).join('')}…`
}

/** The printed cells of one row (after 序号), long texts cut. */
export function registryCells(kind: RegistryKind, cells: string[]): string[] {
  const cols = REGISTRY_COLUMNS[kind]
  const widths = WIDTHS[kind]
  const sum = widths.reduce((a, b) => a + b, 0)
  return cells.map((c, i) => (LONG_COLUMNS[kind].includes(cols[i + 1]!) ? clip(c ?? '', (widths[i + 1]! / sum) * 100, REGISTRY_CELL_LINES) : (c ?? '')))
}

/** The layout with the given rows (序号 first); the streaming writer passes one row of placeholders. */
export function registryLayout(kind: RegistryKind, title: string, attachmentNo: number | undefined, rows: string[][]): Block[] {
  const out: Block[] = []
  if (attachmentNo !== undefined) out.push(attachmentLabel(attachmentNo, false))
  out.push(titleParagraph(title))
  if (LONG_COLUMNS[kind].length) out.push(formLine(REGISTRY_NOTE, { size: '小五', align: 'right', compact: true }))
  out.push(
    buildTable({
      columns: WIDTHS[kind],
      width: textWidth('landscape'),
      size: '小五',
      lineScale: 1.1,
      header: [[...REGISTRY_COLUMNS[kind]]],
      rows: rows.map(([n, ...cells]) => [{ text: n ?? '', align: 'center' }, ...cells])
    })
  )
  return out
}

export function registryBlocks(input: RegistryInput): Block[] {
  return registryLayout(input.kind, registryTitle(input), input.attachmentNo, rowsOf(input).map((cells, i) => [String(i + 1), ...registryCells(input.kind, cells)]))
}

/** The cells of one database row in the layout's order (after 序号). */
export function registryRowCells(input: RegistryInput): string[][] {
  return rowsOf(input)
}

export function registrySections(input: RegistryInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: registryBlocks(input) }]
}

export async function buildRegistry(input: RegistryInput): Promise<Buffer> {
  return packDocument(registrySections(input), { title: registryTitle(input) })
}
