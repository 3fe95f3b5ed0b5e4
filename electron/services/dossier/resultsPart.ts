/**
 * 04-检查结果: every result of the task as it stands, and beside it every
 * correction made after publication with the value before and after (R11),
 * so the archive shows what was published first and what changed it.
 */
import ExcelJS from 'exceljs'
import type { ResultInputParsed, Task } from '@contract'
import type { Ctx } from '../context'
import { listCorrections, resultsOfTask, taskProgress } from '../results'
import { emptyPart, type DossierPart } from './types'

const DIR = '04-检查结果'

const FIELD_LABELS: Record<keyof ResultInputParsed, string> = {
  objectCode: '统一社会信用代码（注册号）',
  deptId: '检查部门',
  itemUid: '检查事项',
  category: '检查结果',
  methods: '核查方式',
  findings: '检查情况',
  disposal: '后续处置',
  disposalRef: '处置说明',
  caseNo: '案件编号',
  evidence: '证据说明',
  checkDate: '检查日期',
  inspectors: '检查人员'
}

const people = (list: ResultInputParsed['inspectors']) => list.map((p) => (p.certNo ? `${p.name}（${p.certNo}）` : p.name)).join('、')
const shown = (key: keyof ResultInputParsed, v: ResultInputParsed) =>
  key === 'inspectors' ? people(v.inspectors) : key === 'methods' ? (v.methods ?? []).join('、') : String(v[key] ?? '')

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[], rows: unknown[][]): void {
  const ws = wb.addWorksheet(name)
  ws.columns = widths.map((width) => ({ width }))
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.eachRow((row) =>
    row.eachCell((c) => {
      c.alignment = { vertical: 'top', wrapText: true }
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
    })
  )
  ws.views = [{ state: 'frozen', ySplit: 1 }]
}

export async function resultsPart(ctx: Ctx, task: Task): Promise<DossierPart> {
  const part = emptyPart()
  const results = resultsOfTask(ctx, task.id)
  if (!results.length) {
    part.gaps.push({ section: DIR, what: '检查结果表', why: '尚无：任务还没有录入检查结果' })
    return part
  }
  const corrections = listCorrections(ctx, task.id)
  const p = taskProgress(ctx, task.id)
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'

  sheet(wb, '完成与公示', ['项目', '内容'], [22, 60], [
    ['任务编号', task.taskNo],
    ['任务名称', task.name],
    ['任务状态', task.status],
    ['抽中对象（户）', p.objects],
    ['应录入结果（条）', p.expected],
    ['已录入结果（条）', p.entered],
    ['检查完成日期', p.completedOn ?? '尚未完成'],
    ['公示期限（工作日）', p.publicationDays ?? ''],
    ['应公示截止日期', p.dueOn ?? ''],
    ['公示日期', p.publishedOn ?? '尚未公示'],
    ['是否按时公示', p.onTime === null ? '' : p.onTime ? '按时' : '逾期'],
    ['公示后更正（次）', corrections.length]
  ])

  sheet(
    wb,
    '检查结果',
    ['序号', '统一社会信用代码（注册号）', '检查对象名称', '检查部门', '检查事项', '检查结果代码', '检查结果', '核查方式', '检查情况', '后续处置', '案件编号', '处置说明', '证据说明', '检查日期', '检查人员', '后续处置完结日期', '完结说明', '录入人', '审核状态', '审核人', '审核意见', '最后修改时间', '公示后更正次数'],
    [6, 24, 30, 16, 26, 8, 26, 16, 34, 16, 16, 20, 20, 12, 30, 14, 20, 10, 10, 10, 20, 20, 10],
    results.map((r, i) => [
      i + 1, r.objectCode, r.objectName, r.deptName, r.itemName, r.resultCode, r.category, r.methods.join('、'), r.findings, r.disposal, r.caseNo, r.disposalRef, r.evidence, r.checkDate,
      people(r.inspectors), r.followUpDoneOn ?? '', r.followUpNote, r.enteredBy, r.reviewStatus, r.reviewedBy, r.reviewNote, r.updatedAt, r.corrections
    ])
  )

  const rows: unknown[][] = []
  corrections.forEach((c, i) => {
    const changed = (Object.keys(FIELD_LABELS) as (keyof ResultInputParsed)[]).filter((k) => JSON.stringify(c.before[k]) !== JSON.stringify(c.after[k]))
    for (const k of changed) rows.push([i + 1, c.at, c.objectName, c.objectCode, c.deptName, c.itemName, FIELD_LABELS[k], shown(k, c.before), shown(k, c.after), c.reason, c.approvedBy, c.actor])
  })
  sheet(
    wb,
    '公示后更正记录',
    ['更正序号', '更正时间', '检查对象名称', '统一社会信用代码（注册号）', '检查部门', '检查事项', '更正的项目', '原内容（更正前）', '更正后内容', '更正原因', '签字确认的部门主要负责人', '操作人'],
    [8, 20, 30, 24, 16, 26, 14, 34, 34, 30, 16, 10],
    rows.length ? rows : [['', '', '本任务没有公示后的更正']]
  )

  part.files.push({
    path: `${DIR}/检查结果.xlsx`,
    what: `检查结果 ${results.length} 条，完成与公示情况，公示后更正 ${corrections.length} 次（每次更正列出原内容和更正后内容）`,
    data: new Uint8Array(await wb.xlsx.writeBuffer())
  })
  return part
}
