/**
 * 抽查结果汇总表 and 抽查结果公示表 from the entered results. The public list
 * is the results service's own mapping (`publicResultsInput`: no person, no
 * free text); the summary is internal and names the inspectors who sign.
 */
import type { InspectionResult } from '@contract'
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { isProblem, publicResultsInput, resultsOfTask } from '../../results'
import { drawnObjects } from '../../results/drawn'
import { RESULT_CATEGORIES, type PublicResultsInput, type ResultSummaryInput, type SummaryRow } from '../types'
import type { TaskDocs } from './task'

/** One category for the object when every item agrees, else “事项：结果；…”. */
function resultText(rs: InspectionResult[]): string {
  const cats = new Set(rs.map((r) => r.category))
  return cats.size === 1 ? rs[0]!.category : rs.map((r) => `${r.itemName}：${r.category}`).join('；')
}

/** The object counts under its first problem in R9 order; with none, under its first category in that order. */
function categoryOf(rs: InspectionResult[]): string {
  const order = (c: string) => (RESULT_CATEGORIES as readonly string[]).indexOf(c)
  const sorted = [...rs].sort((a, b) => order(a.category) - order(b.category))
  return (sorted.find((r) => isProblem(r.category, r.disposal)) ?? sorted[0]!).category
}

/** 无需处置 only when nothing else was decided; otherwise the decisions, each once (移送 with its 案件编号). */
function followUpText(rs: InspectionResult[]): string {
  const acts = [...new Set(rs.filter((r) => r.disposal && r.disposal !== '无需处置').map((r) => (r.caseNo ? `${r.disposal}（${r.caseNo}）` : r.disposal)))]
  return acts.length ? acts.join('、') : '无需处置'
}

export function resultSummaryInput(ctx: Ctx, docs: TaskDocs): ResultSummaryInput {
  const { task } = docs
  const results = resultsOfTask(ctx, task.id)
  if (results.length === 0)
    throw new UserError(`任务“${task.name}”（${task.taskNo}）还没有录入任何检查结果，无法生成抽查结果汇总表。请先在“检查结果”中录入。`, 'empty')
  const byObject = new Map<string, InspectionResult[]>()
  for (const r of results) byObject.set(r.objectCode, [...(byObject.get(r.objectCode) ?? []), r])
  const deptOrder = new Map(task.departments.map((d, i) => [d.deptId, i]))
  const team = new Map<string, { name: string; department: string }>()
  const rows: SummaryRow[] = []
  // Draw order, so the table follows the 抽取记录 and the notices; objects not yet entered are shown as such.
  for (const o of drawnObjects(ctx, task)) {
    const rs = (byObject.get(o.code) ?? []).sort((a, b) => (deptOrder.get(a.deptId) ?? 0) - (deptOrder.get(b.deptId) ?? 0) || a.id - b.id)
    byObject.delete(o.code)
    const inspectors = [...new Set(rs.flatMap((r) => r.inspectors.map((p) => p.name)))]
    for (const r of rs) for (const p of r.inspectors) team.set(`${p.name}|${p.deptName}`, { name: p.name, department: p.deptName })
    rows.push({
      objectName: o.name,
      objectCode: o.code,
      items: rs.length ? rs.map((r) => r.itemName) : docs.items.map((i) => i.name),
      result: rs.length ? resultText(rs) : '（尚未录入）',
      category: rs.length ? categoryOf(rs) : '尚未录入',
      followUp: rs.length ? followUpText(rs) : '',
      inspectors
    })
  }
  return {
    taskNumber: task.taskNo,
    taskName: task.name,
    leadDepartment: docs.lead,
    partnerDepartments: docs.partners,
    periodStart: task.periodStart,
    periodEnd: task.periodEnd,
    rows,
    team: [...team.values()].sort((a, b) => docs.departments.indexOf(a.department) - docs.departments.indexOf(b.department))
  }
}

/** The public list as the results service publishes it; refused while nothing is entered. */
export function publicListInput(ctx: Ctx, taskId: number): PublicResultsInput {
  const input = publicResultsInput(ctx, taskId)
  if (input.rows.length === 0)
    throw new UserError(`任务“${input.taskName}”（${input.taskNumber}）还没有录入任何检查结果，没有可以公示的内容。`, 'empty')
  return input
}
