/**
 * 随机抽查通知书/告知书 — one per drawn object (`000_…` 第十六条: time,
 * requirements, materials to prepare; `003_…` 第二十一条(二), 第二十六条).
 */
import type { OfficeInfo, NoticeInput } from './types'
import {
  blankLine,
  bodyParagraph,
  chineseDate,
  enumerate,
  flushParagraph,
  heading1,
  packDocument,
  signatureBlock,
  signatureLeadIn,
  titleParagraph,
  type Block,
  type DocSection
} from './gbt9704'
import { AlignmentType } from 'docx'

const DEFAULT_REFUSAL =
  '无正当理由拒绝、阻挠检查，或者不如实提供有关情况和材料的，检查机关将依法将不予配合的情形通过国家企业信用信息公示系统等平台向社会公示；情节严重的，检查结果记为“不配合检查情节严重”，并依法依规处理。'

export function noticeTitle(input: NoticeInput): string {
  return `随机抽查${input.kind ?? '通知书'}`
}

export function noticeBlocks(input: NoticeInput, office: OfficeInfo): Block[] {
  const lead = input.issuingDepartment
  const partners = input.partnerDepartments ?? []
  const team = partners.length ? `${lead}会同${enumerate(partners)}组成联合检查组` : `${lead}组成检查组`
  const out: Block[] = [titleParagraph(noticeTitle(input))]
  if (input.noticeNumber) out.push(flushParagraph(input.noticeNumber, { alignment: AlignmentType.CENTER }))
  out.push(blankLine())
  out.push(flushParagraph(`${input.object.name}：`))
  const basis = input.legalBasis.length ? `根据${enumerate(input.legalBasis)}等规定，` : ''
  out.push(
    bodyParagraph(
      `${basis}按照部门联合“双随机、一公开”监管工作安排，你单位（统一社会信用代码/注册号：${input.object.code}）被随机抽取为“${input.taskName}”（任务编号：${input.taskNumber}）的检查对象。${team}，将于${chineseDate(input.periodStart)}至${chineseDate(input.periodEnd)}期间对你单位进行检查。现将有关事项告知如下：`
    )
  )
  out.push(heading1('一、检查事项'))
  input.items.forEach((item, i) => {
    const dept = item.department ? `（${item.department}）` : ''
    out.push(bodyParagraph(`${i + 1}. ${item.name}${dept}${item.content ? `：${item.content}` : ''}。`.replace(/。。$/, '。')))
  })
  out.push(heading1('二、检查时间和方式'))
  out.push(bodyParagraph(`检查时间：${chineseDate(input.periodStart)}至${chineseDate(input.periodEnd)}。`))
  out.push(bodyParagraph(`检查方式：${enumerate(input.methods)}。`))
  out.push(heading1('三、需要准备的材料'))
  if (input.materials.length === 0) out.push(bodyParagraph('检查人员现场告知的相关账册、合同和资料。'))
  input.materials.forEach((m, i) => out.push(bodyParagraph(`${i + 1}. ${m.replace(/[。；;]$/, '')}。`)))
  out.push(heading1('四、配合要求'))
  out.push(
    bodyParagraph(
      '请你单位指定专人配合检查，如实提供相关情况和材料。检查人员将出示执法证件，有权依法查阅、复制有关账册、合同和相关资料，向当事人、知情人调查了解相关情况。'
    )
  )
  out.push(bodyParagraph(input.refusalConsequence ?? DEFAULT_REFUSAL))
  out.push(heading1('五、联系方式'))
  // the contact line goes over with the 署名 and date rather than leave them alone on a page
  out.push(bodyParagraph(`联系人：${input.contact.person}　　联系电话：${input.contact.phone}`, { keepNext: true }))
  out.push(...signatureLeadIn())
  out.push(...signatureBlock([lead], chineseDate(input.issueDate), office.sealText ?? ''))
  return out
}

/** Sections of one notice; page numbers restart so each notice in a batch file starts at — 1 —. */
export function noticeSections(input: NoticeInput, office: OfficeInfo): DocSection[] {
  return [{ layout: { restartNumbering: true }, footer: 'dash', children: noticeBlocks(input, office) }]
}

export async function buildNotice(input: NoticeInput, office: OfficeInfo): Promise<Buffer> {
  return packDocument(noticeSections(input, office), { title: `${noticeTitle(input)}（${input.object.name}）` })
}
