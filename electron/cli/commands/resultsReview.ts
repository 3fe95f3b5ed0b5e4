/**
 * `suiji results export --format gsxt`, `results submit`, `results review`,
 * `results reviews` and `stats breakdown`. Exit codes: 0 done, 2 cannot run.
 */
import { resolve } from 'node:path'
import { BREAKDOWN_KEYS, BREAKDOWN_LABELS, type BreakdownKey, type BreakdownRow } from '@contract'
import { CliError, flag, has, need, parseArgs } from '../args'
import type { Command } from './types'
import { taskIdOf, withCtx, withCtxAsync } from '../workbench'
import type { Ctx } from '../../services/context'
import { getTask } from '../../services/tasks/service'
import { UserError } from '../../services/errors'
import { exportGsxt, listReviews, reviewResults, submitForReview } from '../../services/results'
import { exportBreakdown, statsBreakdown } from '../../services/dashboard'

function yearOf(text: string): number {
  const year = Number(text)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError('--year 应为 2000 至 2100 之间的年份')
  return year
}

/** A participating department named by its full name, short name or code. */
function deptIdOf(ctx: Ctx, taskId: number, ref: string): number {
  const task = getTask(ctx, taskId)
  const rows = ctx.sqlite.prepare(`SELECT id, name, short_name AS shortName, code FROM departments`).all() as { id: number; name: string; shortName: string; code: string }[]
  const d = rows.find((r) => [r.name, r.shortName, r.code].includes(ref.trim()))
  if (!d || !task.departments.some((x) => x.deptId === d.id)) {
    throw new UserError(`“${ref}”不是任务 ${task.taskNo} 的参加部门。参加部门：${task.departments.map((x) => x.deptName).join('、')}。`, 'not-participating')
  }
  return d.id
}

/** results export --format gsxt --db DB --year Y --out FILE.xlsx */
async function resultsExport(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const format = need(p, 'format')
  if (format !== 'gsxt') throw new CliError('--format 目前只支持 gsxt（国家企业信用信息公示系统的抽查检查结果字段）')
  const year = yearOf(need(p, 'year'))
  const out = resolve(need(p, 'out'))
  if (!/\.xlsx$/i.test(out)) throw new CliError('--out 应为 .xlsx 文件')
  const r = await withCtxAsync(need(p, 'db'), (ctx) => exportGsxt(ctx, year, out))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else console.log(`已导出 ${year} 年已公示的抽查检查结果 ${r.rows} 行：${r.file}`)
  return 0
}

/** results submit --db DB --task ID --dept 部门 --person 姓名 */
function resultsSubmit(argv: string[]): number {
  const p = parseArgs(argv)
  const r = withCtx(need(p, 'db'), (ctx) => {
    const taskId = taskIdOf(ctx, need(p, 'task'))
    return submitForReview(ctx, { taskId, deptId: deptIdOf(ctx, taskId, need(p, 'dept')), person: need(p, 'person') })
  })
  if (has(p, 'json')) console.log(JSON.stringify(r.review))
  else console.log(`已提交审核。任务 ${r.taskNo}：待审核 ${r.review['待审核']} 条，已通过 ${r.review['已通过']} 条。`)
  return 0
}

/** results review --db DB --task ID --dept 部门 --decision 通过|退回 --reviewer 姓名 [--note 审核意见] */
function resultsReview(argv: string[]): number {
  const p = parseArgs(argv)
  const decision = need(p, 'decision')
  if (decision !== '通过' && decision !== '退回') throw new CliError('--decision 应为“通过”或“退回”')
  const r = withCtx(need(p, 'db'), (ctx) => {
    const taskId = taskIdOf(ctx, need(p, 'task'))
    return reviewResults(ctx, { taskId, deptId: deptIdOf(ctx, taskId, need(p, 'dept')), decision, reviewer: need(p, 'reviewer'), note: flag(p, 'note') ?? '' })
  })
  if (has(p, 'json')) console.log(JSON.stringify(r.review))
  else console.log(`已${decision}。任务 ${r.taskNo}：已通过 ${r.review['已通过']} 条，退回 ${r.review['退回']} 条，待审核 ${r.review['待审核']} 条，待提交 ${r.review['录入']} 条。`)
  return 0
}

/** results reviews --db DB --task ID: the review log */
function resultsReviews(argv: string[]): number {
  const p = parseArgs(argv)
  const rows = withCtx(need(p, 'db'), (ctx) => listReviews(ctx, taskIdOf(ctx, need(p, 'task'))))
  if (has(p, 'json')) console.log(JSON.stringify(rows))
  else for (const r of rows) console.log(`${r.at}  ${r.deptName}  ${r.action} ${r.results} 条  ${r.person}${r.note ? `  意见：${r.note}` : ''}`)
  return 0
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)

/** stats breakdown --db DB --year Y --by township|industry|code [--out FILE.xlsx] [--json] */
async function statsBreakdownCommand(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const year = yearOf(need(p, 'year'))
  const by = (flag(p, 'by') ?? 'township') as BreakdownKey
  if (!BREAKDOWN_KEYS.includes(by)) throw new CliError(`--by 应为 ${BREAKDOWN_KEYS.join('、')} 之一（乡镇、行业、检查结果）`)
  const out = flag(p, 'out')
  const b = await withCtxAsync(need(p, 'db'), async (ctx) => {
    if (out) await exportBreakdown(ctx, year, resolve(out))
    return statsBreakdown(ctx, year, by)
  })
  if (has(p, 'json')) console.log(JSON.stringify(b))
  else {
    const line = (r: BreakdownRow) => `  ${r.label}：应检查 ${r.expected}，已公示 ${r.published}，完成率 ${pct(r.completionRate)}；发现问题 ${r.problems}，已完结 ${r.closed}，完结率 ${pct(r.closureRate)}`
    console.log(`${year} 年检查结果（按${BREAKDOWN_LABELS[by]}）`)
    for (const r of b.rows) console.log(line(r))
    console.log(line(b.total))
    if (out) console.log(`已导出：${resolve(out)}`)
  }
  return 0
}

export const resultsReviewCommands: Command[] = [
  { name: 'results export', usage: 'results export --format gsxt --db DB --year Y --out FILE.xlsx', summary: '导出本年已公示的抽查检查结果，字段与国家企业信用信息公示系统一致（见 docs/result-exports.md）', run: resultsExport },
  { name: 'results submit', usage: 'results submit --db DB --task ID --dept 部门 --person 姓名', summary: '部门把录入（或退回后改正）的检查结果提交审核', run: resultsSubmit },
  { name: 'results review', usage: 'results review --db DB --task ID --dept 部门 --decision 通过|退回 --reviewer 姓名 [--note 审核意见]', summary: '审核部门提交的检查结果：通过或退回（退回须写审核意见）', run: resultsReview },
  { name: 'results reviews', usage: 'results reviews --db DB --task ID [--json]', summary: '任务检查结果的审核记录', run: resultsReviews },
  { name: 'stats breakdown', usage: 'stats breakdown --db DB --year Y [--by township|industry|code] [--out FILE.xlsx] [--json]', summary: '按乡镇、行业或检查结果统计：应检查、已公示、完成率、发现问题、完结率', run: statsBreakdownCommand }
]
