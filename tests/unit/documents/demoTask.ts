/**
 * A demo county with one joint task taken all the way: published, drawn with
 * two witnesses, and results entered for every drawn object (some problems,
 * one with a phone and an ID number typed into the notes). Used by the
 * results/preview tests and by docs/samples/render.ts.
 */
import type { ResultInput, TaskInput } from '@contract'
import type { Ctx } from '../../../electron/services/context'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { createTask } from '../../../electron/services/tasks/service'
import { updateSettings } from '../../../electron/services/settings/service'
import { findDraw, performDraw, publishWithAnnouncement } from '../../../electron/services/draws/records'
import { saveResults } from '../../../electron/services/results'
import { createPlanEntry } from '../../../electron/services/plans/service'
import { todayText } from '../../../electron/services/time'

/** Valid check digit (GB 11643): the public list must never print it. */
export const TYPED_ID = '11010519491231002X'
export const TYPED_MOBILE = '13912345678'

export interface DemoTask {
  taskId: number
  dept: Record<string, number>
  drawn: { order: number; name: string; code: string; team: { name: string; deptName: string; certNo: string }[] }[]
}

/** Department ids by name. */
export function deptIds(ctx: Ctx): Record<string, number> {
  const dept: Record<string, number> = {}
  for (const r of ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]) dept[r.name] = r.id
  return dept
}

/** The joint 餐饮 task (市场监管 + 卫健) of the demo county; `over` changes single fields. */
export function taskInput(ctx: Ctx, over: Partial<TaskInput> = {}): TaskInput {
  const dept = deptIds(ctx)
  const uids = (d: number, n: number) =>
    (ctx.sqlite.prepare(`SELECT uid FROM items WHERE dept_id = ? AND level = '重点' ORDER BY sort_order LIMIT ?`).all(d, n) as { uid: string }[]).map((r) => r.uid)
  return {
    name: '2026年餐饮服务单位部门联合抽查',
    adhocReason: '专项整治',
    initiatorDeptId: dept['县市场监管局']!,
    departments: [
      { deptId: dept['县市场监管局']!, itemUids: uids(dept['县市场监管局']!, 2), inspectorsPerObject: 2 },
      { deptId: dept['县卫健局']!, itemUids: uids(dept['县卫健局']!, 1), inspectorsPerObject: 1 }
    ],
    scope: { kinds: ['market'], townships: ['众兴街道'] },
    rule: { A: { mode: 'ratio', value: 20 }, B: { mode: 'ratio', value: 20 }, C: { mode: 'ratio', value: 30 }, D: { mode: 'ratio', value: 50 } },
    periodStart: '2026-10-08',
    periodEnd: '2026-11-20',
    ...over
  }
}

/**
 * The county-wide task of issue 14's report: three departments with an item
 * each, every township, low ratios — about 2 % drawn and some 9 % of the
 * pool excluded as 注销/吊销 (hundreds on the 抽取记录).
 */
export function countyTaskInput(ctx: Ctx): TaskInput {
  const dept = deptIds(ctx)
  const base = taskInput(ctx)
  const uid = (d: number) => (ctx.sqlite.prepare(`SELECT uid FROM items WHERE dept_id = ? AND level = '重点' ORDER BY sort_order LIMIT 1`).get(d) as { uid: string }).uid
  return {
    ...base,
    name: '2026年全县食品经营单位部门联合抽查',
    departments: [
      { deptId: dept['县市场监管局']!, itemUids: [uid(dept['县市场监管局']!)], inspectorsPerObject: 2 },
      { deptId: dept['县卫健局']!, itemUids: [uid(dept['县卫健局']!)], inspectorsPerObject: 1 },
      { deptId: dept['县应急管理局']!, itemUids: [uid(dept['县应急管理局']!)], inspectorsPerObject: 1 }
    ],
    scope: { kinds: ['market'] },
    rule: { A: { mode: 'ratio', value: 20 }, B: { mode: 'ratio', value: 20 }, C: { mode: 'ratio', value: 30 }, D: { mode: 'ratio', value: 50 } }
  }
}

/**
 * An inspection period under way: begun up to two weeks ago (never before
 * 1 January, the task's year is its start's) and ending in six weeks, so the
 * draw is on time, results can be dated and notices announce days ahead.
 */
export function currentPeriod(today = todayText()): { periodStart: string; periodEnd: string } {
  const day = (d: Date) => todayText(d)
  const t = new Date(`${today}T12:00:00`)
  const back = new Date(t.getTime() - 14 * 86400000)
  const start = day(back) < `${today.slice(0, 4)}-01-01` ? `${today.slice(0, 4)}-01-01` : day(back)
  return { periodStart: start, periodEnd: day(new Date(t.getTime() + 42 * 86400000)) }
}

export function demoTask(ctx: Ctx, opts: { objects?: number; results?: boolean; county?: boolean } = {}): DemoTask {
  generateDemoCounty(ctx, { objects: opts.objects ?? 3000, seed: 'docs-samples' })
  const dept = deptIds(ctx)
  updateSettings(ctx, { docPrefix: '泗双随机办发', docNextNumber: 3, contactPerson: '王丽', contactPhone: '0527-85211234' })
  const period = currentPeriod()
  const task = createTask(ctx, { ...(opts.county ? countyTaskInput(ctx) : taskInput(ctx)), ...period })
  publishWithAnnouncement(ctx, task.id, { drawDate: todayText() })
  performDraw(ctx, task.id, { sources: [{ kind: 'witness', label: '张三', value: '314159' }, { kind: 'witness', label: '李四', value: '271829' }, { kind: 'witness', label: '王见证', value: '271828' }], operator: '王丽' })
  const draw = findDraw(ctx, task.id)!
  const drawn = draw.objects.map((o) => ({ order: o.order, name: o.name, code: o.code, team: o.team.map((m) => ({ name: m.name, deptName: m.deptName, certNo: m.certNo })) }))
  if (opts.results !== false) {
    const inputs: ResultInput[] = []
    for (const o of draw.objects)
      for (const d of task.departments)
        for (const itemUid of d.itemUids) {
          const team = o.team.filter((m) => m.deptId === d.deptId).map((m) => ({ name: m.name, certNo: m.certNo, deptName: m.deptName }))
          const problem = o.order % 5 === 0 && d.deptId === task.initiatorDeptId
          inputs.push({
            objectCode: o.code,
            deptId: d.deptId,
            itemUid,
            category: problem ? '发现问题已责令改正' : '未发现问题',
            methods: ['实地检查'],
            findings: problem ? `负责人${TYPED_MOBILE}（身份证${TYPED_ID}）承诺限期整改` : '',
            disposal: problem ? '责令改正' : '无需处置',
            checkDate: period.periodStart,
            inspectors: team
          })
        }
    saveResults(ctx, task.id, inputs)
  }
  return { taskId: task.id, dept, drawn }
}

/** Two 附件5 entries so the annual plan has rows. */
export function demoPlanEntries(ctx: Ctx, dept: Record<string, number>): void {
  const items = (d: number) => (ctx.sqlite.prepare(`SELECT uid FROM items WHERE dept_id = ? ORDER BY sort_order LIMIT 2`).all(d) as { uid: string }[]).map((r) => r.uid)
  const entry = (taskName: string, d: number, joint: number[]) =>
    createPlanEntry(ctx, { year: 2026, planName: '2026年度双随机抽查计划', taskName, initiatorDeptId: d, jointDeptIds: joint, itemUids: [...items(d), ...joint.flatMap(items)], ratioText: '3%', drawDate: '2026-04', scope: { kinds: ['market'], townships: ['三庄镇'] } })
  entry('餐饮服务食品安全联合检查', dept['县市场监管局']!, [dept['县卫健局']!])
  entry('公共场所卫生监督检查', dept['县卫健局']!, [])
}
