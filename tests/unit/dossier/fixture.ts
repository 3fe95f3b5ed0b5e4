/**
 * A demo county (3000 objects) with one task taken through everything R13
 * asks the dossier to keep: published, drawn with two witnesses, re-drawn
 * (so one draw is superseded), an inspector replaced, the 工作方案 issued
 * (taking 发文字号 3), results entered for every object, published, and one
 * result corrected afterwards.
 */
import { join } from 'node:path'
import type { ResultInput, Task } from '@contract'
import type { Ctx } from '../../../electron/services/context'
import { Workbench } from '../../../electron/services/workbench'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { createTask, getTask } from '../../../electron/services/tasks/service'
import { updateSettings } from '../../../electron/services/settings/service'
import { findDraw, performDraw, publishWithAnnouncement, replaceInspector, replacementCandidates } from '../../../electron/services/draws/records'
import { correctResult, publishResults, resultsOfTask, saveResults } from '../../../electron/services/results'
import { generateDocument } from '../../../electron/services/documents/fromDb'
import { todayText } from '../../../electron/services/time'
import { currentPeriod, deptIds, taskInput } from '../documents/demoTask'
import { approveAll } from '../../helpers/review'

export const WORK_PLAN_NUMBER = '县双随机办发〔2026〕3号'
export const CORRECTION_REASON = '复核检查表发现录入时选错了结果'

export { deptIds, taskInput }

export interface Scenario {
  wb: Workbench
  ctx: Ctx
  task: Task
  dept: Record<string, number>
  /** superseded first, then the draw in force */
  drawIds: [string, string]
  replaced: { outName: string; inName: string }
  corrected: { resultId: number; objectCode: string }
}

export async function scenario(dir: string): Promise<Scenario> {
  const wb = new Workbench(join(dir, 'county.db'))
  const ctx: Ctx = { ...wb.ctx(), actor: '测试' }
  generateDemoCounty(ctx, { objects: 3000, seed: 'dossier' })
  updateSettings(ctx, { docPrefix: '县双随机办发', docNextNumber: 3, contactPerson: '王丽', contactPhone: '0527-85211234', replacementPolicy: 'manual' })
  const dept = deptIds(ctx)
  // a period under way: drawn on time, results dated inside it, notices announcing days still ahead
  const period = currentPeriod()
  const created = createTask(ctx, taskInput(ctx, period))

  publishWithAnnouncement(ctx, created.id, { drawDate: todayText() })
  const first = performDraw(ctx, created.id, { sources: [{ kind: 'witness', label: '张三', value: '314159' }, { kind: 'witness', label: '李四', value: '271829' }, { kind: 'witness', label: '王见证', value: '271828' }], operator: '王丽' })
  const second = performDraw(ctx, created.id, {
    sources: [{ kind: 'witness', label: '张三', value: '161809' }, { kind: 'witness', label: '李四', value: '141429' }, { kind: 'witness', label: '王见证', value: '271828' }],
    operator: '王丽',
    supersede: { reason: '见证人到场前误点了抽取，经监督人同意重新抽取' }
  })
  const out = second.objects[0]!.team[1]!
  const pick = replacementCandidates(ctx, second.drawId, 1, out.idNumber).candidates.find((c) => c.drawable)!
  replaceInspector(ctx, second.drawId, { order: 1, outIdNumber: out.idNumber, reason: '健康状况', approver: '分管副局长 陈某', policy: 'manual', manualIdNumber: pick.idNumber })

  // the 工作方案 is issued once, taking 发文字号 3
  await generateDocument(ctx, { kind: 'workPlan', taskId: created.id, path: join(dir, 'issued', '工作方案.docx') }, dir)

  const draw = findDraw(ctx, created.id)!
  const task = getTask(ctx, created.id)
  const inputs: ResultInput[] = []
  for (const o of draw.objects)
    for (const d of task.departments)
      for (const itemUid of d.itemUids)
        inputs.push({
          objectCode: o.code,
          deptId: d.deptId,
          itemUid,
          category: '未发现问题',
          methods: ['实地检查'],
          disposal: '无需处置',
          checkDate: period.periodStart,
          inspectors: o.team.filter((m) => m.deptId === d.deptId).map((m) => ({ name: m.name, certNo: m.certNo, deptName: m.deptName }))
        })
  saveResults(ctx, task.id, inputs)
  approveAll(ctx, task.id)
  publishResults(ctx, task.id, todayText())
  const target = resultsOfTask(ctx, task.id)[0]!
  correctResult(ctx, { resultId: target.id, changes: { category: '发现问题已责令改正', findings: '从业人员健康证过期，已当场责令改正' }, reason: CORRECTION_REASON, approvedBy: '张局长' })

  return {
    wb,
    ctx,
    task: getTask(ctx, task.id),
    dept,
    drawIds: [first.drawId, second.drawId],
    replaced: { outName: out.name, inName: pick.name },
    corrected: { resultId: target.id, objectCode: target.objectCode }
  }
}
