/** 名录库 in the four layouts of `003_…` 附件4. */
import type { RegistryInput, RegistryKind } from './types'
import { attachmentLabel, buildTable, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'

/** Column headers per layout, exactly as 附件4 prints them. */
export const REGISTRY_COLUMNS: Record<RegistryKind, readonly string[]> = {
  市场主体: ['序号', '统一社会信用代码/注册号', '市场主体名称', '市场主体类型', '登记机关', '法定代表人', '住所', '登记状态', '成立日期', '经营范围'],
  '机关/事业单位': ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
  社会团体: ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
  执法人员: ['序号', '身份证号', '姓名', '性别', '手机号码', '所在单位', '所在部门', '用户级别', '执法证号', '发证机关', '业务专长']
}

const WIDTHS: Record<RegistryKind, number[]> = {
  // the code column takes an 18-character credit code on one line at 小五
  市场主体: [4, 16, 14, 9, 10, 7, 13, 6, 8, 13],
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

export function registryBlocks(input: RegistryInput): Block[] {
  const out: Block[] = []
  if (input.attachmentNo !== undefined) out.push(attachmentLabel(input.attachmentNo, false))
  out.push(titleParagraph(registryTitle(input)))
  out.push(
    buildTable({
      columns: WIDTHS[input.kind],
      width: textWidth('landscape'),
      size: '小五',
      header: [[...REGISTRY_COLUMNS[input.kind]]],
      rows: rowsOf(input).map((cells, i) => [{ text: String(i + 1), align: 'center' }, ...cells])
    })
  )
  return out
}

export function registrySections(input: RegistryInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: registryBlocks(input) }]
}

export async function buildRegistry(input: RegistryInput): Promise<Buffer> {
  return packDocument(registrySections(input), { title: registryTitle(input) })
}
