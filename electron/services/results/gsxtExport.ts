/**
 * 抽查检查结果 for upload to 国家企业信用信息公示系统: one row per published
 * object × inspecting department (谁检查、谁公开) in the national field
 * layout, header in row 1 as the upload template has it. Layout, sources and
 * how each field is filled: docs/result-exports.md.
 */
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import { resultCodeDef } from '@contract'
import { UserError } from '../errors'
import { stoppedObjects } from './publicStop'

export const GSXT_COLUMNS = ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查机关', '抽查完成时间', '检查事项', '检查结果', '统一社会信用代码', '名称'] as const

interface Row {
  taskId: number
  taskNo: string
  taskName: string
  planUid: string | null
  planName: string | null
  checkType: string | null
  adhocReason: string | null
  completedOn: string | null
  objectCode: string
  objectName: string
  deptName: string
  itemName: string
  category: string
  checkDate: string
  deptOrder: number
}

/** 抽查计划编号: the entry's place in the year's plan, as the county plan table numbers it (2026JH003). */
function planNumbers(ctx: Pick<Ctx, 'sqlite'>, year: number): Map<string, string> {
  const rows = ctx.sqlite.prepare(`SELECT uid FROM plan_entries WHERE year = ? ORDER BY id`).all(year) as { uid: string }[]
  return new Map(rows.map((r, i) => [r.uid, `${year}JH${String(i + 1).padStart(3, '0')}`]))
}

export function gsxtRows(ctx: Pick<Ctx, 'sqlite'>, year: number): string[][] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT t.id AS taskId, t.task_no AS taskNo, t.name AS taskName, t.plan_entry_uid AS planUid, p.plan_name AS planName, p.check_type AS checkType,
              t.adhoc_reason AS adhocReason, o.completed_on AS completedOn, r.object_code AS objectCode, r.object_name AS objectName,
              COALESCE(d.name, '') AS deptName, COALESCE(i.name, r.item_uid) AS itemName, r.category, r.check_date AS checkDate, COALESCE(d.sort_order, 0) AS deptOrder
         FROM inspection_results r JOIN tasks t ON t.id = r.task_id
         LEFT JOIN task_outcomes o ON o.task_id = t.id
         LEFT JOIN plan_entries p ON p.uid = t.plan_entry_uid
         LEFT JOIN departments d ON d.id = r.dept_id
         LEFT JOIN items i ON i.uid = r.item_uid
        WHERE t.year = ? AND t.status = '已公示'
        ORDER BY t.task_no, r.object_code, deptOrder, r.dept_id, r.id`
    )
    .all(year) as Row[]
  const plans = planNumbers(ctx, year)
  const stopped = new Map<number, Set<string>>()
  const groups = new Map<string, Row[]>()
  for (const r of rows) {
    if (!stopped.has(r.taskId)) stopped.set(r.taskId, stoppedObjects(ctx, r.taskId))
    if (stopped.get(r.taskId)!.has(r.objectCode)) continue
    const key = `${r.taskId}|${r.objectCode}|${r.deptName}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()].map((g) => {
    const f = g[0]!
    const national = g.map((r) => resultCodeDef(r.category)?.national ?? r.category)
    const result = new Set(national).size === 1 ? national[0]! : g.map((r, i) => `${r.itemName}：${national[i]}`).join('；')
    return [
      f.planUid ? (plans.get(f.planUid) ?? '') : '',
      f.planName ?? `临时抽查任务（${f.adhocReason || '其他'}）`,
      f.taskNo,
      f.taskName,
      `${f.checkType ?? '定向'}抽查`,
      f.deptName,
      f.completedOn ?? g.reduce((m, r) => (r.checkDate > m ? r.checkDate : m), ''),
      [...new Set(g.map((r) => r.itemName))].join('、'),
      result,
      f.objectCode,
      f.objectName
    ]
  })
}

export async function exportGsxt(ctx: Pick<Ctx, 'sqlite'>, year: number, path: string): Promise<{ file: string; rows: number }> {
  const rows = gsxtRows(ctx, year)
  if (!rows.length) throw new UserError(`${year} 年还没有已公示的抽查任务，没有可以上报公示系统的检查结果。请先在“检查结果”中登记公示。`, 'empty')
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  const ws = wb.addWorksheet('抽查检查结果')
  ws.columns = [14, 30, 12, 30, 12, 26, 14, 36, 36, 22, 34].map((width) => ({ width }))
  ws.getRow(1).values = [...GSXT_COLUMNS]
  ws.getRow(1).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  // Codes and dates are text: a spreadsheet must not turn 2026-05-08 or a long code into a number.
  for (const col of [1, 3, 7, 10]) ws.getColumn(col).numFmt = '@'
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  await wb.xlsx.writeFile(path)
  return { file: path, rows: rows.length }
}
