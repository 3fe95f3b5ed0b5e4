/**
 * The year's results broken down by 乡镇 and 行业 of the inspected object,
 * and by result code: 应检查 (object × item × department the tasks call for),
 * 已录入, 已公示, 完成率 = 已公示 ÷ 应检查, problems found and 完结率 = 完结 ÷
 * problems. Each row drills down to its results (`breakdownDetail`).
 */
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import { BREAKDOWN_LABELS, RESULT_CODES, followUpOf, type BreakdownKey, type BreakdownRow, type StatsBreakdown, type StatsDetail, type TaskDepartmentSpec } from '@contract'
import { COUNTED_STATUSES } from './data'

const IN_COUNTED = `(${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})`
const NONE = '（未填写）'

interface Visit {
  taskId: number
  code: string
  departments: string
  township: string | null
  industry: string | null
}
interface Res {
  taskId: number
  taskNo: string
  deptId: number
  deptName: string
  objectCode: string
  objectName: string
  itemName: string
  resultCode: string
  category: string
  disposal: string
  doneOn: string | null
  status: string
  township: string | null
  industry: string | null
}

function load(ctx: Pick<Ctx, 'sqlite'>, year: number, deptId?: number): { visits: Visit[]; results: Res[] } {
  const visits = ctx.sqlite
    .prepare(
      `SELECT t.id AS taskId, oi.object_code AS code, t.departments, o.township, o.industry
         FROM object_inspections oi JOIN tasks t ON t.uid = oi.task_uid LEFT JOIN objects o ON o.code = oi.object_code
        WHERE t.year = ? AND t.status IN ${IN_COUNTED} GROUP BY t.id, oi.object_code`
    )
    .all(year) as Visit[]
  const results = ctx.sqlite
    .prepare(
      `SELECT r.task_id AS taskId, t.task_no AS taskNo, r.dept_id AS deptId, COALESCE(d.name, '') AS deptName, r.object_code AS objectCode, r.object_name AS objectName,
              COALESCE(i.name, r.item_uid) AS itemName, r.result_code AS resultCode, r.category, r.disposal, r.follow_up_done_on AS doneOn, t.status,
              o.township, o.industry
         FROM inspection_results r JOIN tasks t ON t.id = r.task_id
         LEFT JOIN objects o ON o.code = r.object_code LEFT JOIN departments d ON d.id = r.dept_id LEFT JOIN items i ON i.uid = r.item_uid
        WHERE t.year = ? AND t.status IN ${IN_COUNTED}${deptId ? ' AND r.dept_id = ?' : ''}
        ORDER BY t.task_no, r.object_code, r.id`
    )
    .all(...(deptId ? [year, deptId] : [year])) as Res[]
  return { visits, results }
}

function keyOf(by: BreakdownKey, x: { township: string | null; industry: string | null; resultCode?: string }): string {
  if (by === 'township') return x.township || ''
  if (by === 'industry') return x.industry || ''
  return x.resultCode ?? ''
}
function labelOf(by: BreakdownKey, key: string): string {
  if (by === 'code') {
    const d = RESULT_CODES.find((c) => c.code === key)
    return d ? `${d.code} ${d.label}` : key
  }
  return key || NONE
}

function row(key: string, label: string, expected: number, rs: Res[]): BreakdownRow {
  const published = rs.filter((r) => r.status === '已公示').length
  const problems = rs.filter((r) => followUpOf(r.category, r.disposal) !== 'none')
  const closed = problems.filter((r) => r.doneOn).length
  return {
    key,
    label,
    expected,
    entered: rs.length,
    published,
    completionRate: expected ? published / expected : null,
    problems: problems.length,
    closed,
    closureRate: problems.length ? closed / problems.length : null
  }
}

export function statsBreakdown(ctx: Pick<Ctx, 'sqlite'>, year: number, by: BreakdownKey, deptId?: number): StatsBreakdown {
  const { visits, results } = load(ctx, year, deptId)
  const expected = new Map<string, number>()
  if (by !== 'code') {
    for (const v of visits) {
      const depts = JSON.parse(v.departments) as TaskDepartmentSpec[]
      const n = depts.filter((d) => !deptId || d.deptId === deptId).reduce((s, d) => s + d.itemUids.length, 0)
      const k = keyOf(by, v)
      expected.set(k, (expected.get(k) ?? 0) + n)
    }
  }
  const grouped = new Map<string, Res[]>()
  for (const r of results) {
    const k = keyOf(by, r)
    grouped.set(k, [...(grouped.get(k) ?? []), r])
  }
  const keys =
    by === 'code'
      ? RESULT_CODES.map((c) => c.code).filter((c) => grouped.has(c))
      : [...new Set([...expected.keys(), ...grouped.keys()])].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh-CN')))
  const rows = keys.map((k) => {
    const rs = grouped.get(k) ?? []
    return row(k, labelOf(by, k), by === 'code' ? rs.length : (expected.get(k) ?? 0), rs)
  })
  const totalExpected = by === 'code' ? results.length : [...expected.values()].reduce((s, n) => s + n, 0)
  return { year, by, rows, total: row('', '合计', totalExpected, results) }
}

export function breakdownDetail(ctx: Pick<Ctx, 'sqlite'>, year: number, by: BreakdownKey, key: string, deptId?: number): StatsDetail {
  const { results } = load(ctx, year, deptId)
  const rs = results.filter((r) => keyOf(by, r) === key)
  return {
    title: `${year} 年 ${BREAKDOWN_LABELS[by]}“${labelOf(by, key)}”的检查结果（${rs.length} 条）`,
    columns: ['任务编号', '对象名称', '统一社会信用代码', '乡镇', '行业', '检查部门', '检查事项', '检查结果', '后续处置', '完结日期', '任务状态'],
    rows: rs.map((r) => {
      const fu = followUpOf(r.category, r.disposal)
      return [r.taskNo, r.objectName, r.objectCode, r.township || NONE, r.industry || NONE, r.deptName, r.itemName, `${r.resultCode} ${r.category}`, r.disposal, fu === 'none' ? '无需处置' : (r.doneOn ?? '未完结'), r.status]
    })
  }
}

const PCT = (x: number | null) => (x === null ? '—' : Number(x.toFixed(4)))

export async function exportBreakdown(ctx: Pick<Ctx, 'sqlite'>, year: number, path: string): Promise<{ file: string }> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  for (const by of ['township', 'industry', 'code'] as const) {
    const b = statsBreakdown(ctx, year, by)
    const ws = wb.addWorksheet(`按${BREAKDOWN_LABELS[by]}`)
    ws.columns = [28, 10, 10, 10, 10, 10, 10, 10].map((width) => ({ width }))
    ws.addRow([`${year} 年检查结果统计（按${BREAKDOWN_LABELS[by]}）`]).font = { bold: true, size: 14 }
    const h = ws.addRow([BREAKDOWN_LABELS[by], '应检查', '已录入', '已公示', '完成率', '发现问题', '已完结', '完结率'])
    h.font = { bold: true }
    const line = (r: BreakdownRow) => ws.addRow([r.label, r.expected, r.entered, r.published, PCT(r.completionRate), r.problems, r.closed, PCT(r.closureRate)])
    for (const r of b.rows) line(r)
    line(b.total).font = { bold: true }
    for (const col of [5, 8]) ws.getColumn(col).numFmt = '0.0%'
    ws.views = [{ state: 'frozen', ySplit: 2 }]
  }
  await wb.xlsx.writeFile(path)
  return { file: path }
}
