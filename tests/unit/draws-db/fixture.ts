import { createHash } from 'node:crypto'
import type { Ctx } from '../../../electron/services/context'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { createTask } from '../../../electron/services/tasks/service'
import type { Task, TaskInput } from '@contract'

/** The demo county (3000 objects) and tasks over its restaurants: 市场监管 checks food safety, 卫健 public hygiene. */
export function demoCounty(ctx: Ctx): void {
  generateDemoCounty(ctx, { objects: 3000 })
}

export function deptId(ctx: Ctx, code: string): number {
  return (ctx.sqlite.prepare('SELECT id FROM departments WHERE code = ?').get(code) as { id: number }).id
}

export function restaurantTask(ctx: Ctx, over: Partial<TaskInput> = {}): Task {
  return createTask(ctx, {
    name: '餐饮服务单位食品安全联合抽查',
    adhocReason: '投诉举报',
    initiatorDeptId: deptId(ctx, 'SCJG'),
    departments: [
      { deptId: deptId(ctx, 'SCJG'), itemUids: ['SCJG-07'], inspectorsPerObject: 2 },
      { deptId: deptId(ctx, 'WJJ'), itemUids: ['WJJ-01'], inspectorsPerObject: 1 }
    ],
    scope: { industries: ['餐饮服务'] },
    rule: { A: { mode: 'ratio', value: 30 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 50 } },
    periodStart: today(),
    periodEnd: inDays(90),
    ...over
  } as TaskInput)
}

export const today = () => {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

export const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86400000)
  const p = (x: number) => String(x).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** Three witnesses with six digits each: what a plan announces by default (spec §4.3). */
export const SOURCES = [
  { kind: 'witness' as const, label: '张三', value: '483920' },
  { kind: 'witness' as const, label: '李四', value: '105577' },
  { kind: 'witness' as const, label: '钱七', value: '660318' }
]

/**
 * spec §2, written here from the document rather than imported: one line per
 * eligible object `code TAB class TAB township TAB name LF`, sorted by code.
 */
export function poolHashFromTable(ctx: Ctx, taskId: number): string {
  const rows = ctx.sqlite
    .prepare(`SELECT code, credit_class AS c, township AS t, name FROM task_pool WHERE task_id = ? AND excluded_reason IS NULL`)
    .all(taskId) as { code: string; c: string; t: string; name: string }[]
  rows.sort((a, b) => Buffer.compare(Buffer.from(a.code), Buffer.from(b.code)))
  return createHash('sha256')
    .update(rows.map((r) => `${r.code}\t${r.c}\t${r.t}\t${r.name}\n`).join(''), 'utf8')
    .digest('hex')
}
