/**
 * `suiji results import`, `suiji stats`, `suiji deadline`. Exit codes: 0 done,
 * 1 refused (a sheet with errors), 2 cannot run.
 */
import { resolve } from 'node:path'
import { CliError, flag, has, need, parseArgs } from '../args'
import type { Command } from './types'
import { taskIdOf, withCtxAsync } from '../workbench'
import { statsDashboard } from '../../services/dashboard'
import { importResults } from '../../services/results/spreadsheet'
import { bundledDeadline, deadlineFor } from '../../services/results/deadlines'

/** results import FILE --db DB --task ID [--json] */
export async function resultsImport(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定要导入的检查结果表格（.xlsx）')
  const r = await withCtxAsync(need(p, 'db'), (ctx) => importResults(ctx, taskIdOf(ctx, need(p, 'task')), resolve(file)))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else if (r.ok) {
    const pr = r.progress!
    console.log(`已导入 ${r.saved} 条检查结果${r.closed ? `，${r.closed} 项后续处置已完结` : ''}。任务 ${pr.taskNo} 已录入 ${pr.entered}/${pr.expected} 条${pr.complete ? `，检查已完成（${pr.completedOn}），公示期限 ${pr.dueOn}` : ''}。`)
  } else {
    console.log(`表格有 ${r.errors.length} 处错误，未导入任何结果：`)
    for (const e of r.errors) console.log(`  第 ${e.row} 行：${e.reason}`)
  }
  return r.ok ? 0 : 1
}

/** stats --db DB --year Y [--json] */
export async function statsCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const year = Number(need(p, 'year'))
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError('--year 应为 2000 至 2100 之间的年份')
  const s = await withCtxAsync(need(p, 'db'), (ctx) => statsDashboard(ctx, year))
  if (has(p, 'json')) {
    const brief = (x: typeof s.overall) => ({
      deptName: x.deptName,
      tasks: x.tasks,
      results: x.results,
      ...Object.fromEntries(x.indicators.map((i) => [i.key, { label: i.label, numerator: i.numerator, denominator: i.denominator, rate: i.rate }])),
      categories: Object.fromEntries(x.categories.map((c) => [c.category, c.count]))
    })
    console.log(JSON.stringify({ year, overall: brief(s.overall), byDept: s.byDept.map(brief), elapsedMs: s.elapsedMs }))
  } else {
    console.log(`${year} 年（抽查任务 ${s.overall.tasks} 个，检查结果 ${s.overall.results} 条）`)
    for (const i of s.overall.indicators) console.log(`  ${i.label}：${i.rate === null ? '—' : `${(i.rate * 100).toFixed(1)}%`}（${i.numerator}/${i.denominator}）${i.target ? `，目标 ≥ ${i.target * 100}%` : ''}`)
  }
  return 0
}

/** deadline --completed YYYY-MM-DD [--days N] [--db DB] */
export async function deadlineCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const completed = need(p, 'completed')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(completed)) throw new CliError('--completed 应写成 YYYY-MM-DD')
  const daysText = flag(p, 'days')
  const days = daysText === undefined ? undefined : Number(daysText)
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 60)) throw new CliError('--days 应为 1 至 60 之间的整数')
  const db = flag(p, 'db')
  let r: { due: string; days: number; warning: string | null }
  try {
    r = db ? await withCtxAsync(db, (ctx) => deadlineFor(ctx, completed, days)) : bundledDeadline(completed, days)
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(`--completed ${completed} 不是有效日期`)
    throw e
  }
  if (has(p, 'json')) console.log(JSON.stringify({ completed, ...r }))
  else {
    console.log(r.due)
    if (r.warning) console.error(`注意：${r.warning}`)
  }
  return 0
}

export const resultsCommands: Command[] = [
  { name: 'results import', usage: 'results import FILE --db DB --task ID [--json]', summary: '导入部门填好的检查结果录入表（有错误时整表不导入，逐行列出原因）', run: resultsImport },
  { name: 'stats', usage: 'stats --db DB --year Y [--json]', summary: '年度监管指标：抽查户次占比、联合监管率、信用分类应用率、按时公示率、问题处置率、重复抽查率', run: statsCommand },
  { name: 'deadline', usage: 'deadline --completed YYYY-MM-DD [--days N] [--db DB]', summary: '检查完成日期加 N 个工作日（默认 20）得出的公示期限', run: deadlineCommand }
]
