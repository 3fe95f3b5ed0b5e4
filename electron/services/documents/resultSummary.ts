/** 抽查结果汇总表 per task, signed by the team (`003_…` 第二十二条). */
import { RESULT_CATEGORIES, type ResultSummaryInput } from './types'
import { BLANK_DATE, buildTable, chineseDate, enumerate, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formHeading, formLine } from './forms'

/** “检查对象N户，其中未发现问题x户、…” in the order of the categories. */
export function resultTally(rows: ResultSummaryInput['rows']): string {
  const counts = new Map<string, number>()
  for (const r of rows) {
    const c = r.category ?? r.result
    counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  const known = RESULT_CATEGORIES.filter((c) => counts.has(c)).map((c) => `${c}${counts.get(c)}户`)
  const other = [...counts.keys()].filter((k) => !(RESULT_CATEGORIES as readonly string[]).includes(k)).map((k) => `${k}${counts.get(k)}户`)
  return `合计检查对象${rows.length}户${known.length + other.length ? `，其中${[...known, ...other].join('、')}` : ''}。`
}

export function resultSummaryBlocks(input: ResultSummaryInput): Block[] {
  const width = textWidth('landscape')
  return [
    titleParagraph('抽查结果汇总表'),
    formLine(`任务编号：${input.taskNumber}　　任务名称：${input.taskName}`),
    formLine(
      `发起部门：${input.leadDepartment}　　配合部门：${enumerate(input.partnerDepartments) || '无'}　　检查时间：${chineseDate(input.periodStart)}至${chineseDate(input.periodEnd)}`
    ),
    buildTable({
      // the credit code on one line; names of a three-person team in two
      columns: [5, 18, 19, 21, 15, 10, 12],
      width,
      size: '五号',
      header: [['序号', '检查对象名称', '统一社会信用代码（注册号）', '检查事项', '检查结果', '后续处置', '检查人员']],
      rows: input.rows.map((r, i) => [
        { text: String(i + 1), align: 'center' },
        r.objectName,
        r.objectCode,
        enumerate(r.items),
        r.result,
        r.followUp ?? '',
        enumerate(r.inspectors)
      ])
    }),
    formLine(resultTally(input.rows)),
    formHeading('检查小组成员签字确认：'),
    buildTable({
      columns: [8, 18, 30, 20, 24],
      width,
      size: '小四',
      header: [['序号', '姓名', '所在部门', '签名', '日期']],
      rows: input.team.map((p, i) => [
        { text: String(i + 1), align: 'center' },
        p.name,
        p.department,
        { text: '', minLines: 2 },
        { text: input.date ? chineseDate(input.date) : BLANK_DATE, align: 'center' }
      ])
    })
  ]
}

export function resultSummarySections(input: ResultSummaryInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: resultSummaryBlocks(input) }]
}

export async function buildResultSummary(input: ResultSummaryInput): Promise<Buffer> {
  return packDocument(resultSummarySections(input), { title: `抽查结果汇总表（${input.taskName}）` })
}
