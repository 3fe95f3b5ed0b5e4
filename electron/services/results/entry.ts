import type { Ctx } from '../context'
import { resultInputSchema, type ResultInput, type ResultInputParsed, type ResultSheet, type Task, type TaskProgress } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { todayText } from '../time'
import { getTask } from '../tasks/service'
import { deptName as nameOfDept, deptMap } from '../tasks/rules'
import { drawnObjects, drawTeams } from './drawn'
import { progressOf, refreshOutcome } from './progress'
import { resultsOfTask, writeResult } from './store'
import { resultProblem } from './validate'

const ENTERABLE = ['已抽取', '检查中', '已完成'] as const

/** Refuses entry on a task that has not been drawn, or whose results are published (R11: correct instead). */
export function assertEnterable(task: Task): void {
  if (task.status === '已公示') {
    throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查结果已经公示，不能直接修改。确有错误的，请用“更正”并填写原因和部门主要负责人姓名。`, 'published')
  }
  if (!(ENTERABLE as readonly string[]).includes(task.status)) {
    throw new UserError(`任务“${task.name}”（${task.taskNo}）当前状态为${task.status}，${task.status === '已取消' ? '已经取消' : '还没有抽取检查对象'}，不能录入检查结果。`, 'not-drawn')
  }
}

export interface TaskFrame {
  task: Task
  objects: Map<string, { name: string; order: number }>
  itemsByDept: Map<number, Set<string>>
  itemNames: Map<string, string>
  deptNames: Map<number, string>
  today: string
}

export function frameOf(ctx: Ctx, task: Task, today = todayText()): TaskFrame {
  const items = ctx.sqlite
    .prepare(`SELECT uid, name FROM items WHERE uid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(task.departments.flatMap((d) => d.itemUids))) as { uid: string; name: string }[]
  const depts = deptMap(ctx)
  return {
    task,
    objects: new Map(drawnObjects(ctx, task).map((o) => [o.code, { name: o.name, order: o.order }])),
    itemsByDept: new Map(task.departments.map((d) => [d.deptId, new Set(d.itemUids)])),
    itemNames: new Map(items.map((i) => [i.uid, i.name])),
    deptNames: new Map(task.departments.map((d) => [d.deptId, nameOfDept(depts, d.deptId)])),
    today
  }
}

/** Why one result does not fit the task, or null. */
export function problemInTask(f: TaskFrame, r: ResultInputParsed): string | null {
  if (!f.objects.has(r.objectCode)) return `对象 ${r.objectCode} 不是本任务抽中的检查对象，请核对代码。`
  const items = f.itemsByDept.get(r.deptId)
  if (!items) return `该部门（编号 ${r.deptId}）没有参加本任务，不能录入其检查结果。`
  if (!items.has(r.itemUid)) return `事项“${f.itemNames.get(r.itemUid) ?? r.itemUid}”不是${f.deptNames.get(r.deptId)}在本任务中检查的事项。`
  return resultProblem(r, { today: f.today, periodStart: f.task.periodStart })
}

/**
 * Saves a batch of results for one task (the grid's 保存, or an import):
 * all or nothing — the first problem refuses the whole batch with the
 * object and item named. Then the task's completion is re-examined.
 */
export function saveResults(ctx: Ctx, taskId: number, inputs: ResultInput[], source = '录入'): { saved: number; progress: TaskProgress } {
  const parsed = inputs.map((i) => resultInputSchema.parse(i))
  return ctx.sqlite.transaction(() => {
    const task = getTask(ctx, taskId)
    assertEnterable(task)
    const f = frameOf(ctx, task)
    const seen = new Set<string>()
    for (const r of parsed) {
      const key = `${r.objectCode}|${r.deptId}|${r.itemUid}`
      const where = `${f.objects.get(r.objectCode)?.name ?? r.objectCode}（${r.objectCode}）的“${f.itemNames.get(r.itemUid) ?? r.itemUid}”`
      if (seen.has(key)) throw new UserError(`${where}出现了两次，请只保留一条。`, 'duplicate')
      seen.add(key)
      const why = problemInTask(f, r)
      if (why) throw new UserError(`${where}：${why}`, 'invalid-result')
    }
    let saved = 0
    for (const r of parsed) if (writeResult(ctx, task, r, f.objects.get(r.objectCode)!.name) !== 'unchanged') saved++
    if (saved) audit(ctx, { action: `${source}检查结果`, entity: 'task', entityId: task.uid, detail: { results: saved, depts: [...new Set(parsed.map((r) => r.deptId))] } })
    return { saved, progress: refreshOutcome(ctx, taskId) }
  })()
}

/** The department's inspectors, for picking who was there. */
function inspectorOptions(ctx: Ctx, deptId: number, deptName: string) {
  const rows = ctx.sqlite
    .prepare(`SELECT name, cert_no AS certNo FROM inspectors WHERE dept_id = ? AND active = 1 ORDER BY is_expert, name`)
    .all(deptId) as { name: string; certNo: string }[]
  return rows.map((r) => ({ ...r, deptName }))
}

/** The grid of one department: every drawn object × each of its items, with what was entered so far. */
export function resultSheet(ctx: Ctx, taskId: number, deptId: number): ResultSheet {
  const task = getTask(ctx, taskId)
  const dept = task.departments.find((d) => d.deptId === deptId)
  if (!dept) throw new UserError(`该部门没有参加任务“${task.name}”（${task.taskNo}），请从参加部门中选择。`, 'not-participating')
  const items = ctx.sqlite
    .prepare(`SELECT uid, name, method FROM items WHERE uid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(dept.itemUids)) as { uid: string; name: string; method: string }[]
  const byUid = new Map(items.map((i) => [i.uid, i]))
  const results = new Map(resultsOfTask(ctx, taskId, deptId).map((r) => [`${r.objectCode}|${r.itemUid}`, r]))
  const { order, teams } = drawTeams(ctx, taskId)
  const rows: ResultSheet['rows'] = []
  const objects = drawnObjects(ctx, task).map((o) => ({ ...o, order: order.get(o.code) ?? o.order }))
  for (const o of objects.sort((a, b) => a.order - b.order)) {
    for (const uid of dept.itemUids) {
      const it = byUid.get(uid)
      rows.push({
        objectCode: o.code,
        objectName: o.name,
        order: o.order,
        itemUid: uid,
        itemName: it?.name ?? uid,
        itemMethod: it?.method ?? '',
        result: results.get(`${o.code}|${uid}`) ?? null,
        team: teams.get(o.code)?.get(deptId) ?? []
      })
    }
  }
  return {
    progress: progressOf(ctx, task),
    deptId,
    deptName: dept.deptName,
    locked: task.status === '已公示',
    rows,
    inspectorOptions: inspectorOptions(ctx, deptId, dept.deptName)
  }
}
