/**
 * Takes one task of the demo year through the ordinary services, step by
 * step, with the services' clock set to the day each step happened: the
 * task and its 方案, the announcement, the draw(s) with witnesses, an
 * inspector replaced, results entered day by day, publication, a correction
 * and the follow-ups that were closed.
 */
import { CREDIT_CLASSES } from '@contract'
import type { Ctx } from '../../context'
import { createTask, getTask, updateTask } from '../../tasks/service'
import { previewEligibility } from '../../tasks/preview'
import { quotaFor } from '../../draws/objectDraw'
import { cancelTask } from '../../tasks/lifecycle'
import { findDraw, performDraw, publishWithAnnouncement, replaceInspector, replacementCandidates } from '../../draws/records'
import { addRevisit, closeFollowUp, correctResult, publishResults, resultsOfTask, reviewResults, saveResults, stopPublication, submitForReview } from '../../results'
import type { Agenda } from './agenda'
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

/**
 * A department's part of a task that its roster can staff (R7: every inspector
 * sent must have the items' specialities): fewer items or fewer inspectors per
 * object when the generated roster of this seed is short.
 */
function fitTeam(ctx: Ctx, deptId: number, itemUids: string[], per: number) {
  const staffable = (uids: string[]) => {
    const needs = [...new Set((ctx.sqlite.prepare(`SELECT specialty FROM items WHERE uid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(uids)) as { specialty: string }[]).flatMap((r) => r.specialty.split(/[、,，\s]+/).filter(Boolean)))]
    const people = ctx.sqlite.prepare(`SELECT specialties FROM inspectors WHERE dept_id = ? AND active = 1 AND is_expert = 0 AND cert_no <> ''`).all(deptId) as { specialties: string }[]
    return people.filter((p) => needs.every((n) => p.specialties.split('、').includes(n))).length
  }
  let uids = itemUids
  let n = staffable(uids)
  if (n < per && uids.length > 1) {
    uids = uids.slice(0, 1)
    n = staffable(uids)
  }
  return { deptId, itemUids: uids, inspectorsPerObject: Math.max(1, Math.min(per, n)) }
}

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

const REVIEWERS = ['陈建华', '刘志刚', '孙立新', '周海燕', '吴国平', '郑永强', '马丽华', '胡建军']
const reviewerOf = (deptId: number) => `分管负责人 ${REVIEWERS[deptId % REVIEWERS.length]}`

/**
 * 录入 → 待审核 → 已通过 (谁检查、谁录入、谁负责): each department submits its
 * results the day after the last check and its reviewer passes them. The
 * overdue task is overdue because one department's results still wait for
 * review; in a task still 检查中 the first batch of the lead department was
 * returned for more detail.
 */
function planReview(ctx: Ctx, agenda: Agenda, id: number, spec: TaskSpec, on: string): void {
  agenda.add(at(on, '10:00:00'), () => {
    const task = getTask(ctx, id)
    for (const d of task.departments) {
      const entered = resultsOfTask(ctx, id, d.deptId)
      if (!entered.length) continue
      const person = entered[0]!.inspectors[0]?.name ?? d.deptName
      if (spec.target === '检查中') {
        if (d.deptId !== task.initiatorDeptId) continue
        submitForReview(ctx, { taskId: id, deptId: d.deptId, person })
        reviewResults(ctx, { taskId: id, deptId: d.deptId, decision: '退回', reviewer: reviewerOf(d.deptId), note: '检查情况填写过简，请补充现场检查发现的具体情况后重新提交' })
        continue
      }
      submitForReview(ctx, { taskId: id, deptId: d.deptId, person })
      const waiting = spec.dueIn !== undefined && spec.dueIn < 0 && d.deptId !== task.initiatorDeptId
      if (!waiting) reviewResults(ctx, { taskId: id, deptId: d.deptId, decision: '通过', reviewer: reviewerOf(d.deptId), note: '' })
    }
  }, '审核检查结果')
}

export function planTask(ctx: Ctx, agenda: Agenda, c: County, rng: Rng, clock: YearClock, spec: TaskSpec, planUid: () => string | null, staff: Staff, caseNo: () => string): void {
  const { today, holidays } = clock
  const day = (ago: number) => workdayOnOrBefore(addDays(today, -ago), holidays)
  const created = day(spec.created)
  const drawDate = spec.drawn < 0 ? addWorkdays(today, -spec.drawn, holidays) : day(spec.drawn)
  const completion = spec.dueIn !== undefined ? completionFor(today, clock.publicationDays, spec.dueIn, holidays) : spec.checksTo !== undefined ? day(spec.checksTo) : null
  const periodStart = addDays(drawDate, 1)
  const periodEnd = completion ? addDays(completion, 5 + (spec.created % 7)) : addDays(drawDate, 45)
  let id = 0
  // A county too small for this task's scope keeps it as a 草稿 and skips the rest of its steps.
  let skipped = false
  const add = (when: string, fn: () => void, label: string) => agenda.add(when, () => (skipped ? undefined : fn()), label)

  add(at(created, '09:20:00'), () => {
    id = createTask(ctx, {
      name: `${periodStart.slice(0, 4)}年${spec.name}`,
      ...(planUid() ? { planEntryUid: planUid() } : { adhocReason: spec.adhoc ?? '专项整治' }),
      initiatorDeptId: c.dept(spec.depts[0]!.code),
      departments: spec.depts.map((d) => fitTeam(ctx, c.dept(d.code), c.items(d.code, ...d.items), d.per)),
      scope: spec.scope,
      rule: countsRule(spec.counts),
      periodStart,
      periodEnd
    }).id
    // The wanted counts, held within the 一般 items' ratio cap for the registry at hand (a small test county has fewer objects).
    const fitted = fitCounts(ctx, id, spec.counts)
    if (!fitted.some((n) => n > 0)) skipped = true
    else if (fitted.some((n, k) => n !== spec.counts[k])) updateTask(ctx, { id, rule: countsRule(fitted) })
  }, '新建抽查任务')
  if (spec.target === '草稿') return

  add(at(created, '10:30:00'), () => publishWithAnnouncement(ctx, id, { drawDate, planned: { witnessCount: staff.witnesses.length, witnessNames: staff.witnesses } }), '公布抽取方案')
  if (spec.cancelReason) {
    add(at(day(spec.created - 4), '16:00:00'), () => cancelTask(ctx, id, spec.cancelReason!), '取消任务')
    return
  }
  if (spec.target === '方案已公布') return

  const witnessDigits = () => staff.witnesses.map((w) => ({ kind: 'witness' as const, label: w, value: rng.digits(6) }))
  const meeting = { operator: staff.operator, witnesses: staff.witnesses, supervisor: staff.supervisor }
  add(at(drawDate, '09:30:00'), () => performDraw(ctx, id, { sources: witnessDigits(), ...meeting }), '随机抽取')
  if (spec.redraw) add(at(drawDate, '10:10:00'), () => performDraw(ctx, id, { sources: witnessDigits(), ...meeting, supersede: { reason: spec.redraw! } }), '重新抽取')
  if (spec.replacement) {
    add(at(addDays(drawDate, 1), '11:00:00'), () => {
      const draw = findDraw(ctx, id)!
      const first = draw.objects[0]!
      const out = first.team[first.team.length - 1]!
      const pick = replacementCandidates(ctx, draw.drawId, first.order, out.idNumber).candidates.find((x) => x.drawable)
      if (pick) replaceInspector(ctx, draw.drawId, { order: first.order, outIdNumber: out.idNumber, reason: '工作冲突', approver: staff.approver, policy: 'manual', manualIdNumber: pick.idNumber })
    }, '替换执法人员')
  }
  if (spec.target === '已抽取' || spec.checksFrom === undefined) return

  // Results, one working day at a time, the last check on the completion date; planned once the teams are final.
  const last = completion ?? day(spec.checksTo ?? 1)
  add(at(addDays(drawDate, 1), '18:00:00'), () => {
    const draw = findDraw(ctx, id)!
    const full = getTask(ctx, id)
    const objects = spec.enteredPermille ? draw.objects.slice(0, Math.max(1, Math.round((draw.objects.length * spec.enteredPermille) / 1000))) : draw.objects
    const dates = spread(day(spec.checksFrom!), last, objects.length, holidays)
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
    for (const [date, visits] of byDate) add(at(date, '17:10:00'), () => saveResults(ctx, id, visits.map((v) => resultFor(rng, v))), '录入检查结果')
    planReview(ctx, agenda, id, spec, completion ? addWorkdays(completion, 1, holidays) : day(0))
  }, '安排检查')
  if (spec.target !== '已公示') return

  const published = spec.publishedAgo !== undefined ? day(spec.publishedAgo) : addWorkdays(last, 10, holidays)
  const publicUntil = spec.publicDays ? addDays(published, spec.publicDays) : undefined
  add(at(published, '15:00:00'), () => publishResults(ctx, id, published, spec.late ? '各部门结果汇总滞后，超过公示期限' : '', published, publicUntil), '公示检查结果')
  if (spec.stopReason && publicUntil) {
    const stopOn = addDays(publicUntil, 3)
    if (stopOn < today) {
      add(at(stopOn, '14:00:00'), () => {
        const first = findDraw(ctx, id)!.objects[0]!
        stopPublication(ctx, { taskId: id, objectCode: first.code, date: stopOn, reason: spec.stopReason!, approvedBy: staff.deptHead }, stopOn)
      }, '停止公示')
    }
  }
  if (spec.revisits) {
    add(at(addDays(published, 14), '15:30:00'), () => {
      const ways = ['电话回访', '实地回访', '书面问卷'] as const
      findDraw(ctx, id)!
        .objects.slice(0, spec.revisits)
        .forEach((o, k) => addRevisit(ctx, { taskId: id, objectCode: o.code, date: addDays(published, 14), way: ways[k % ways.length]!, satisfaction: k === 2 ? '基本满意' : '满意', note: k === 0 ? '对检查人员执法规范表示认可' : '' }))
    }, '回访检查对象')
  }
  if (spec.correction) {
    add(at(addDays(published, 6), '10:00:00'), () => {
      const target = resultsOfTask(ctx, id).find((r) => r.category === '未发现问题' && r.deptId === getTask(ctx, id).initiatorDeptId)
      if (target) {
        correctResult(ctx, { resultId: target.id, changes: { category: '发现问题已责令改正', findings: '复核检查记录发现进货查验记录不全，当场已责令补齐', disposal: '责令改正' }, reason: '复核检查表时发现录入时选错了检查结果', approvedBy: staff.deptHead })
      }
    }, '更正检查结果')
  }
  // Most follow-ups of a published task are closed some weeks later; the rest stay open on 首页.
  add(at(published, '15:05:00'), () => {
    resultsOfTask(ctx, id)
      .filter((r) => r.followUpOpen)
      .forEach((r, k) => {
        if (k % 3 === 2) return
        const done = addDays(published, 10 + k * 3)
        if (done >= today) return
        add(at(done, '16:30:00'), () => closeFollowUp(ctx, { resultId: r.id, date: done, note: r.disposal === '移送办案机构' ? `已立案查处，${r.caseNo}已作出行政处罚决定` : '经复查已整改到位' }), '后续处置完结')
      })
  }, '跟进后续处置')
}
