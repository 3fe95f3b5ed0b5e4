/**
 * `suiji task …` commands. Each takes the arguments after its own name and
 * returns the exit code (0 done, 1 refused, 2 cannot run — thrown
 * UserError/CliError are mapped to 2 by the dispatcher).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CliError, has, need, parseArgs } from '../args'
import type { Command } from './types'
import { taskIdOf, withCtx } from '../workbench'
import { UserError } from '../../services/errors'
import { CREDIT_CLASSES, type EligibilityPreview, type Task } from '@contract'
import { createTask, getTask } from '../../services/tasks/service'
import { publishTask } from '../../services/tasks/lifecycle'
import { previewEligibility } from '../../services/tasks/preview'
import { taskInputFromJson } from '../../services/tasks/taskJson'

function describe(t: Task, p: EligibilityPreview): string[] {
  const lines = [
    `${t.taskNo}  ${t.name}  【${t.status}】`,
    `发起部门：${t.initiatorName}${t.jointDeptIds.length ? `；联合部门：${t.departments.filter((d) => d.deptId !== t.initiatorDeptId).map((d) => d.deptName).join('、')}` : ''}`,
    `检查时间：${t.periodStart} 至 ${t.periodEnd}${t.adhocReason ? `；临时任务（${t.adhocReason}${t.adhocNote ? `：${t.adhocNote}` : ''}）` : ''}`,
    `资格预览（${p.year} 年）：范围内 ${p.total.inScope} 户，可抽 ${p.total.eligible} 户，拟抽 ${p.total.toDraw} 户`
  ]
  for (const c of CREDIT_CLASSES) {
    const x = p.byClass[c]
    const r = t.rule[c]
    lines.push(`  ${c} 类：范围内 ${x.inScope}，可抽 ${x.eligible}，规则 ${r.mode === 'ratio' ? `${r.value}‰` : `${r.value} 户`}，拟抽 ${x.toDraw}`)
  }
  for (const e of p.exclusions) lines.push(`  排除 ${e.count} 户：${e.reason}`)
  for (const pr of p.problems) lines.push(`  问题：${pr}`)
  if (t.status === '已取消') lines.push(`取消原因：${t.cancelReason}`)
  return lines
}

/** task create --db DB --json-file TASK.json [--json] */
export async function taskCreate(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const file = resolve(need(p, 'json-file'))
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new UserError(`无法读取任务文件“${file}”：${(e as Error).message}。请确认它是 UTF-8 编码的 JSON 文件（格式见 docs/tasks.md）。`, 'invalid-task-file')
  }
  const t = withCtx(need(p, 'db'), (ctx) => createTask(ctx, taskInputFromJson(ctx, raw)))
  if (has(p, 'json')) console.log(JSON.stringify(t))
  else console.log(`已新建抽查任务 ${t.taskNo}：${t.name}（草稿，序号 ${t.id}）`)
  return 0
}

/** task show ID --db DB [--json] — the task and its eligibility preview */
export async function taskShow(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const r = withCtx(need(p, 'db'), (ctx) => {
    const task = getTask(ctx, taskIdOf(ctx, p.positional[0]))
    return { task, preview: previewEligibility(ctx, task) }
  })
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else console.log(describe(r.task, r.preview).join('\n'))
  return 0
}

/** task publish ID --db DB [--json] — freezes scope, rule and pool */
export async function taskPublish(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const t = withCtx(need(p, 'db'), (ctx) => publishTask(ctx, taskIdOf(ctx, p.positional[0])))
  if (has(p, 'json')) console.log(JSON.stringify(t))
  else console.log(`任务 ${t.taskNo} 的抽查方案已公布（${t.publishedAt}），抽查范围、规则和对象库已冻结。`)
  return 0
}

export const taskCommands: Command[] = [
  { name: 'task create', usage: 'task create --db DB --json-file TASK.json [--json]', summary: '按 JSON 任务文件新建抽查任务（草稿；格式见 docs/tasks.md）', run: taskCreate },
  { name: 'task show', usage: 'task show ID --db DB [--json]', summary: '显示抽查任务及资格预览（各类对象数、排除原因、拟抽数）', run: taskShow },
  { name: 'task publish', usage: 'task publish ID --db DB [--json]', summary: '公布抽查方案：冻结范围、规则和待抽对象库', run: taskPublish }
]
