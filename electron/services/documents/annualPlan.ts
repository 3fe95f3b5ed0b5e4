/** 年度部门双随机联合抽查工作计划表 (`003_…` 附件5), per department or county-wide. */
import type { AnnualPlanInput } from './types'
import { attachmentLabel, buildTable, enumerate, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'

/** The 附件5 columns, exactly as the template prints them. */
export const ANNUAL_PLAN_COLUMNS = [
  '序号',
  '抽查计划名称',
  '抽查任务名称',
  '抽查类型',
  '抽查对象总数',
  '抽查比例',
  '抽查事项',
  '抽查对象范围',
  '检查发起机关',
  '联合机关',
  '抽取日期'
] as const

export function annualPlanTitle(input: AnnualPlanInput): string {
  return `${input.owner}${input.year}年度部门双随机联合抽查工作计划表`
}

export function annualPlanBlocks(input: AnnualPlanInput): Block[] {
  const out: Block[] = []
  if (input.attachmentNo !== undefined) out.push(attachmentLabel(input.attachmentNo, false))
  out.push(titleParagraph(annualPlanTitle(input)))
  out.push(
    buildTable({
      // 抽查类型 (不定向抽查) and 抽取日期 (2026年4月) each on one line
      columns: [4, 11, 12, 8, 7, 6, 13, 11, 9, 10, 9],
      width: textWidth('landscape'),
      size: '小五',
      header: [[...ANNUAL_PLAN_COLUMNS]],
      rows: input.rows.map((r, i) => [
        { text: String(i + 1), align: 'center' },
        r.planName,
        r.taskName,
        { text: r.checkType, align: 'center' },
        { text: String(r.objectTotal), align: 'center' },
        { text: r.ratio, align: 'center' },
        enumerate(r.items),
        r.objectScope,
        r.initiator,
        enumerate(r.partners),
        { text: r.drawDate, align: 'center' }
      ])
    })
  )
  return out
}

export function annualPlanSections(input: AnnualPlanInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: annualPlanBlocks(input) }]
}

export async function buildAnnualPlan(input: AnnualPlanInput): Promise<Buffer> {
  return packDocument(annualPlanSections(input), { title: annualPlanTitle(input) })
}
