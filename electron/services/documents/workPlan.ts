/**
 * 联合抽查工作方案, issued as a file: 发文机关标志, 发文字号, body in the
 * standard's heading levels, 附件 on new pages, and the 版记 last (§8: the
 * attachments come before the 版记).
 */
import type { DocPart, OfficeInfo, WorkPlanInput } from './types'
import {
  attachmentLabel,
  attachmentList,
  blankLine,
  signatureLeadIn,
  bodyParagraph,
  buildTable,
  chineseDate,
  colophon,
  enumerate,
  flushParagraph,
  formatDocNumber,
  heading1,
  heading2,
  masthead,
  noteParagraph,
  packDocument,
  signatureBlock,
  textWidth,
  titleParagraph,
  type Block,
  type DocSection
} from './gbt9704'

const ATTACHMENT_WEIGHT: Record<string, number> = { 序号: 1.2, 检查内容: 4.5, 检查依据: 4.5, 责任部门: 2.6 }

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']

export function workPlanTitle(input: WorkPlanInput): string {
  return `${input.taskName}工作方案`
}

function standardParts(input: WorkPlanInput): DocPart[] {
  const partners = enumerate(input.partnerDepartments)
  return [
    {
      heading: '抽查任务',
      paragraphs: [
        `本次抽查任务编号为${input.taskNumber}，由${input.leadDepartment}发起${partners ? `，${partners}配合` : ''}，按照“进一次门、查多项事”的要求组成联合检查组实施。`
      ]
    },
    {
      heading: '抽查事项',
      subparts: input.items.map((it, i) => ({
        heading: `（${NUMERALS[i] ?? i + 1}）${it.name}。`,
        text: [it.content ? `检查内容：${it.content}。` : '', it.basis ? `检查依据：${it.basis}。` : '', it.department ? `责任部门：${it.department}。` : ''].join('')
      }))
    },
    {
      heading: '抽查对象和比例',
      paragraphs: [`抽查对象范围为${input.objectScope}，共${input.objectCount}户。${input.ratio}。`]
    },
    {
      heading: '检查时间和方式',
      paragraphs: [`检查时间为${chineseDate(input.periodStart)}至${chineseDate(input.periodEnd)}。检查方式为${enumerate(input.methods)}。`]
    },
    {
      heading: '组织实施',
      paragraphs: [
        '检查对象和执法检查人员均通过本县双随机联合抽查工作台随机抽取，抽取过程由见证人现场见证，抽取记录及证据文件存档备查。检查组组长由发起部门执法检查人员担任，各配合部门选派本部门执法检查人员负责本部门事项。已抽取的执法检查人员原则上不得更换，因特殊情况确需更换的，经本部门分管负责人同意后重新确定。'
      ]
    },
    {
      heading: '结果公示',
      paragraphs: ['检查结束后，检查组填写抽查结果汇总表并签字确认。检查结果在规定时限内通过国家企业信用信息公示系统等平台向社会公示。']
    }
  ]
}

/** The parts; `keepLast` keeps the very last paragraph with what follows (the 署名 and date). */
function partBlocks(parts: DocPart[], keepLast = false): Block[] {
  const out: Block[] = []
  parts.forEach((p, i) => {
    const lastPart = keepLast && i === parts.length - 1
    const paras = p.paragraphs ?? []
    const subs = p.subparts ?? []
    out.push(heading1(`${NUMERALS[i] ?? i + 1}、${p.heading}`))
    paras.forEach((t, k) => out.push(bodyParagraph(t, lastPart && !subs.length && k === paras.length - 1 ? { keepNext: true } : {})))
    subs.forEach((s, k) => out.push(heading2(s.heading, s.text, lastPart && k === subs.length - 1)))
  })
  return out
}

export function workPlanBlocks(input: WorkPlanInput, office: OfficeInfo): Block[] {
  const year = Number(input.issueDate.slice(0, 4))
  const masthead_ = office.mastheadText ?? `${office.officeName}文件`
  const organs = office.issuingDepartments?.length ? office.issuingDepartments : [office.officeName]
  const attachments = input.attachments ?? []
  const out: Block[] = [
    ...masthead(masthead_, formatDocNumber(office.docPrefix, year, office.docNumber)),
    titleParagraph(workPlanTitle(input)),
    blankLine(),
    flushParagraph(`${input.recipients}：`),
    bodyParagraph(
      `为贯彻落实部门联合“双随机、一公开”监管工作要求，做到“进一次门、查多项事”，减少对市场主体正常经营活动的干扰，经研究，决定开展${input.taskName}。具体方案如下：`
    ),
    // the last paragraph, the attachment list and the blank lines go over with the 署名 and date
    ...partBlocks([...standardParts(input), ...(input.extraParts ?? [])], true)
  ]
  if (attachments.length) out.push(blankLine({ keepNext: true }), ...attachmentList(attachments.map((a) => a.title), true))
  out.push(...signatureLeadIn(), ...signatureBlock(organs, chineseDate(input.issueDate), office.sealText ?? ''))
  out.push(noteParagraph(`联系人：${office.contactPerson}，联系电话：${office.contactPhone}`))
  attachments.forEach((a, i) => {
    out.push(attachmentLabel(attachments.length > 1 ? i + 1 : ''), titleParagraph(a.title), blankLine())
    out.push(
      buildTable({
        // the long free-text columns get the room; 序号 is centred
        columns: a.header.map((h) => ATTACHMENT_WEIGHT[h] ?? 3),
        width: textWidth('portrait'),
        size: '小四',
        header: [a.header],
        rows: a.rows.map((r) => r.map((c, j) => (a.header[j] === '序号' ? { text: c, align: 'center' as const } : c)))
      })
    )
  })
  // floats to the foot of the last page; a blank line before it could only push it onto a page of its own
  out.push(colophon({ copyTo: input.copyTo, printingOrgan: office.officeName, printDate: chineseDate(input.issueDate) }))
  return out
}

export function workPlanSections(input: WorkPlanInput, office: OfficeInfo): DocSection[] {
  return [{ layout: {}, footer: 'dash', children: workPlanBlocks(input, office) }]
}

export async function buildWorkPlan(input: WorkPlanInput, office: OfficeInfo): Promise<Buffer> {
  return packDocument(workPlanSections(input, office), { title: workPlanTitle(input) })
}
