/**
 * Takes one task of the demo year through the ordinary services, step by
 * step, with the services' clock set to the day each step happened: the
 * task and its 方案, the announcement, the draw(s) with witnesses, an
 * inspector replaced, results entered day by day, publication, a correction
 * and the follow-ups that were closed.
 */
import { CREDIT_CLASSES, type Task } from '@contract'
import type { Ctx } from '../../context'
import { createTask, getTask, updateTask } from '../../tasks/service'
import { previewEligibility } from '../../tasks/preview'
import { quotaFor } from '../../draws/objectDraw'
import { cancelTask } from '../../tasks/lifecycle'
import { findDraw, performDraw, publishWithAnnouncement, replaceInspector, replacementCandidates } from '../../draws/records'
import { closeFollowUp, correctResult, publishResults, resultsOfTask, saveResults } from '../../results'
import { atTime } from '../../time'
import { addWorkdays, type HolidayOverride } from '../../workdays'
import type { Rng } from '../rng'
import type { County } from './county'
import { addDays, completionFor, spread, workdayOnOrBefore } from './dates'
import { resultFor, type Visit } from './results'
import type { TaskSpec } from './tasks'

export interface YearClock {
  today: string
  publicationDays: number
  holidays: readonly HolidayOverride[]
}

export interface Staff {
  operator: string
  supervisor: string
  witnesses: string[]
  approver: string
  deptHead: string
}

const at = (date: string, time: string) => `${date} ${time}`

const countsRule = (n: readonly number[]) => ({
  A: { mode: 'count' as const, value: n[0]! },
  B: { mode: 'count' as const, value: n[1]! },
  C: { mode: 'count' as const, value: n[2]! },
  D: { mode: 'count' as const, value: n[3]! }
})

function fitCounts(ctx: Ctx, taskId: number, wanted: readonly number[]): number[] {
  const task = getTask(ctx, taskId)
  const caps = ctx.sqlite
    .prepare(`SELECT MIN(ratio_cap_permille) AS cap FROM items WHERE level = '一般' AND ratio_cap_permille IS NOT NULL AND uid IN (SELECT value FROM json_each(?))`)
    .get(JSON.stringify(task.departments.flatMap((d) => d.itemUids))) as { cap: number | null }
  const byClass = previewEligibility(ctx, task).byClass
  const out: number[] = CREDIT_CLASSES.map((c, k) => {
    const eligible = byClass[c].eligible
    const allowed = caps.cap === null ? eligible : quotaFor(eligible, { mode: 'ratio', value: caps.cap })
    return Math.min(wanted[k]!, allowed)
  })
  if (!out.some((n) => n > 0)) {
    const k = CREDIT_CLASSES.map((c) => byClass[c].eligible).findIndex((e) => e > 0)
    if (k >= 0) out[k] = 1
  }
  return out
}

export function runTask(ctx: Ctx, c: County, rng: Rng, clock: YearClock, spec: TaskSpec, planUid: string | null, staff: Staff, caseNo: () => string): Task {
  const { today, holidays } = clock
  const day = (ago: number) => workdayOnOrBefore(addDays(today, -ago), holidays)
  const created = day(spec.created)
  const drawDate = spec.drawn < 0 ? addWorkdays(today, -spec.drawn, holidays) : day(spec.drawn)
  const completion = spec.dueIn !== undefined ? completionFor(today, clock.publicationDays, spec.dueIn, holidays) : spec.checksTo !== undefined ? day(spec.checksTo) : null
  const periodStart = addDays(drawDate, 1)
  const periodEnd = completion ? addDays(completion, 5 + (spec.created % 7)) : addDays(drawDate, 45)

  const task = atTime(at(created, '09:20:00'), () =>
    createTask(ctx, {
      name: `${periodStart.slice(0, 4)}年${spec.name}`,
      ...(planUid ? { planEntryUid: planUid } : { adhocReason: spec.adhoc ?? '专项整治' }),
      initiatorDeptId: c.dept(spec.depts[0]!.code),
      departments: spec.depts.map((d) => ({ deptId: c.dept(d.code), itemUids: c.items(d.code, ...d.items), inspectorsPerObject: d.per })),
      scope: spec.scope,
      rule: countsRule(spec.counts),
      periodStart,
      periodEnd
    })
  )
  // The wanted counts, held within the 一般 items' ratio cap for the registry at hand (a small test county has fewer objects).
  const fitted = fitCounts(ctx, task.id, spec.counts)
  if (fitted.some((n, k) => n !== spec.counts[k])) atTime(at(created, '09:40:00'), () => updateTask(ctx, { id: task.id, rule: countsRule(fitted) }))
  if (spec.target === '草稿') return task

  atTime(at(created, '10:30:00'), () => publishWithAnnouncement(ctx, task.id, { drawDate, planned: { witnessCount: 2, witnessNames: staff.witnesses } }))
  if (spec.cancelReason) {
    atTime(at(day(spec.created - 4), '16:00:00'), () => cancelTask(ctx, task.id, spec.cancelReason!))
    return getTask(ctx, task.id)
  }
  if (spec.target === '方案已公布') return getTask(ctx, task.id)

  const witnessDigits = () => staff.witnesses.map((w) => ({ kind: 'witness' as const, label: w, value: rng.digits(6) }))
  const meeting = { operator: staff.operator, witnesses: staff.witnesses, supervisor: staff.supervisor }
  atTime(at(drawDate, '09:30:00'), () => performDraw(ctx, task.id, { sources: witnessDigits(), ...meeting }))
  if (spec.redraw) atTime(at(drawDate, '10:10:00'), () => performDraw(ctx, task.id, { sources: witnessDigits(), ...meeting, supersede: { reason: spec.redraw! } }))
  if (spec.replacement) {
    const draw = findDraw(ctx, task.id)!
    const first = draw.objects[0]!
    const out = first.team[first.team.length - 1]!
    atTime(at(addDays(drawDate, 1), '11:00:00'), () => {
      const pick = replacementCandidates(ctx, draw.drawId, first.order, out.idNumber).candidates.find((x) => x.drawable)
      if (pick) replaceInspector(ctx, draw.drawId, { order: first.order, outIdNumber: out.idNumber, reason: '工作冲突', approver: staff.approver, policy: 'manual', manualIdNumber: pick.idNumber })
    })
  }
  if (spec.target === '已抽取' || spec.checksFrom === undefined) return getTask(ctx, task.id)

  // Results, one working day at a time, the last check on the completion date.
  const draw = findDraw(ctx, task.id)!
  const full = getTask(ctx, task.id)
  const objects = spec.enteredPermille ? draw.objects.slice(0, Math.max(1, Math.round((draw.objects.length * spec.enteredPermille) / 1000))) : draw.objects
  const last = completion ?? day(spec.checksTo ?? 1)
  const dates = spread(day(spec.checksFrom), last, objects.length, holidays)
  const byDate = new Map<string, Visit[]>()
  objects.forEach((o, k) => {
    const checkDate = dates[k]!
    for (const d of full.departments)
      for (const itemUid of d.itemUids) {
        const v: Visit = {
          objectCode: o.code,
          deptId: d.deptId,
          itemUid,
          checkDate,
          inspectors: o.team.filter((m) => m.deptId === d.deptId).map((m) => ({ name: m.name, certNo: m.certNo, deptName: m.deptName })),
          lead: d.deptId === full.initiatorDeptId,
          caseNo
        }
        byDate.set(checkDate, [...(byDate.get(checkDate) ?? []), v])
      }
  })
  for (const [date, visits] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    atTime(at(date, '17:10:00'), () => saveResults(ctx, task.id, visits.map((v) => resultFor(rng, v))))
  }
  if (spec.target !== '已公示') return getTask(ctx, task.id)

  const published = spec.publishedAgo !== undefined ? day(spec.publishedAgo) : addWorkdays(last, 10, holidays)
  atTime(at(published, '15:00:00'), () => publishResults(ctx, task.id, published, spec.late ? '各部门结果汇总滞后，超过公示期限' : ''))
  if (spec.correction) {
    const target = resultsOfTask(ctx, task.id).find((r) => r.category === '未发现问题' && r.deptId === full.initiatorDeptId)
    if (target) {
      atTime(at(addDays(published, 6), '10:00:00'), () =>
        correctResult(ctx, { resultId: target.id, changes: { category: '发现问题已责令改正', findings: '复核检查记录发现进货查验记录不全，当场已责令补齐', disposal: '责令限期整改' }, reason: '复核检查表时发现录入时选错了检查结果', approvedBy: staff.deptHead })
      )
    }
  }
  // Most follow-ups of a published task are closed some weeks later; the rest stay open on 首页.
  const problems = resultsOfTask(ctx, task.id).filter((r) => r.followUpOpen)
  problems.forEach((r, k) => {
    if (k % 3 === 2) return
    const done = addDays(r.checkDate, 20 + k * 3)
    if (done >= today) return
    atTime(at(done, '16:30:00'), () => closeFollowUp(ctx, { resultId: r.id, date: done, note: r.disposal === '移送办案' ? `已立案查处，${r.disposalRef}已作出行政处罚决定` : '经复查已整改到位' }))
  })
  return getTask(ctx, task.id)
}
