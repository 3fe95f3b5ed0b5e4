/** 抽查结果汇总表 per task, signed by the team (`003_…` 第二十二条). */
import { RESULT_CATEGORIES, type ResultSummaryInput } from './types'
import { BLANK_DATE, buildTable, chineseDate, enumerate, keepTogether, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
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

/** Per-item result columns when the task has this many items or fewer; more fall back to one result cell. */
export const SUMMARY_ITEM_COLUMNS_MAX = 5

/**
 * The table of objects. With the task's items as columns, each object takes
 * one compact row (a short result per item), ≥ 10 to a landscape page at
 * three items; without them (older inputs, many items) a row lists the
 * items and the results in one cell as before.
 */
function objectTable(input: ResultSummaryInput, width: number): Block {
  const cols = input.itemColumns
  if (cols && cols.length > 0 && cols.length <= SUMMARY_ITEM_COLUMNS_MAX && input.rows.every((r) => r.itemResults?.length === cols.length)) {
    // percentages: the code (18 characters of 小五) and two lines of names and team fit; the items share the rest
    const fixed = [3.5, 17, 16.5, 8, 14]
    const each = (100 - fixed.reduce((a, b) => a + b, 0)) / cols.length
    return buildTable({
      columns: [3.5, 17, 16.5, ...cols.map(() => each), 8, 14],
      width,
      size: '小五',
      header: [['序号', '检查对象名称', '统一社会信用代码（注册号）', ...cols.map((c) => (c.department ? `${c.name}（${c.department}）` : c.name)), '后续处置', '检查人员']],
      rows: input.rows.map((r, i) => [
        { text: String(i + 1), align: 'center' },
        r.objectName,
        r.objectCode,
        ...r.itemResults!.map((x) => ({ text: x, align: 'center' as const })),
        r.followUp ?? '',
        enumerate(r.inspectors)
      ])
    })
  }
  return buildTable({
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
  })
}

/**
 * Three signers to a row (姓名, 所在部门, 签名 each) and one signing date under
 * them, kept on one page with the tally and the heading.
 */
function signatures(input: ResultSummaryInput, width: number): Block[] {
  const one = (p: ResultSummaryInput['team'][number] | undefined) => (p ? [p.name, p.department, { text: '', minLines: 2 }] : ['', '', ''])
  const rows = []
  for (let i = 0; i < input.team.length; i += 3) rows.push([...one(input.team[i]), ...one(input.team[i + 1]), ...one(input.team[i + 2])])
  const third = ['姓名', '所在部门', '签名']
  return keepTogether(
    [
      formLine(resultTally(input.rows)),
      formHeading('检查小组成员签字确认：'),
      buildTable({ columns: [8, 12, 13.33, 8, 12, 13.33, 8, 12, 13.34], width, size: '五号', header: [[...third, ...third, ...third]], rows }),
      formLine(`签字日期：${input.date ? chineseDate(input.date) : BLANK_DATE}`, { align: 'right' })
    ],
    width
  )
}

export function resultSummaryBlocks(input: ResultSummaryInput): Block[] {
  const width = textWidth('landscape')
  return [
    titleParagraph('抽查结果汇总表'),
    // a line each, so a label never ends one line with its value on the next
    formLine(`任务编号：${input.taskNumber}　　检查时间：${chineseDate(input.periodStart)}至${chineseDate(input.periodEnd)}`, { compact: true }),
    formLine(`任务名称：${input.taskName}`, { compact: true }),
    formLine(`发起部门：${input.leadDepartment}　　配合部门：${enumerate(input.partnerDepartments) || '无'}`, { compact: true }),
    objectTable(input, width),
    ...signatures(input, width)
  ]
}

export function resultSummarySections(input: ResultSummaryInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: resultSummaryBlocks(input) }]
}

export async function buildResultSummary(input: ResultSummaryInput): Promise<Buffer> {
  return packDocument(resultSummarySections(input), { title: `抽查结果汇总表（${input.taskName}）` })
}
