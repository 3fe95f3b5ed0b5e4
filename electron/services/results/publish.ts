import type { Ctx } from '../context'
import type { PublicResultRow, PublicResultsInput } from '../documents/types'
import type { TaskProgress } from '@contract'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText, todayText } from '../time'
import { getTask } from '../tasks/service'
import { advanceTask } from '../tasks/lifecycle'
import { progressOf } from './progress'
import { resultsOfTask } from './store'
import { isRealDate } from './dates'
import { stoppedObjects } from './publicStop'

/**
 * 已完成 → 已公示: records the date the results went onto the 公示系统.
 * From then on a result changes only by a correction (R11).
 */
/** Default 公示期: the office may set another end date when it records the publication. */
export const PUBLIC_YEARS = 3

export function publishResults(ctx: Ctx, taskId: number, date: string, note = '', today = todayText(), publicUntil?: string): TaskProgress {
  return ctx.sqlite.transaction(() => {
    const task = getTask(ctx, taskId)
    const p = progressOf(ctx, task, today)
    if (task.status === '已公示') throw new UserError(`任务“${task.name}”（${task.taskNo}）的检查结果已于 ${p.publishedOn} 公示。`, 'already-published')
    if (task.status !== '已完成' || !p.completedOn) {
      throw new UserError(`任务“${task.name}”（${task.taskNo}）还有 ${p.expected - p.entered} 条检查结果没有录入，全部录入、检查完成后才能公示。`, 'not-complete')
    }
    if (!isRealDate(date)) throw new UserError(`公示日期 ${date} 不是有效日期，请按 2026-05-08 的格式填写。`)
    if (date < p.completedOn) throw new UserError(`公示日期 ${date} 早于检查完成日期 ${p.completedOn}，请改正。`)
    if (date > today) throw new UserError(`公示日期 ${date} 晚于今天，请在实际公示后再登记。`)
    const unreviewed = p.expected - p.review['已通过']
    if (unreviewed > 0) {
      const r = p.review
      throw new UserError(
        `任务“${task.name}”（${task.taskNo}）还有 ${unreviewed} 条检查结果没有通过审核（待提交 ${r['录入']} 条、待审核 ${r['待审核']} 条、退回 ${r['退回']} 条），全部审核通过后才能公示。`,
        'not-reviewed'
      )
    }
    const until = publicUntil ?? `${Number(date.slice(0, 4)) + PUBLIC_YEARS}${date.slice(4)}`.replace(/-02-29$/, '-02-28')
    if (!isRealDate(until) || until <= date) throw new UserError(`公示截止日期 ${until} 应晚于公示日期 ${date}，请改正。`)
    ctx.sqlite.prepare(`UPDATE task_outcomes SET published_on = ?, publish_note = ?, public_until = ?, updated_at = ? WHERE task_id = ?`).run(date, note, until, nowText(), taskId)
    audit(ctx, { action: '登记结果公示', entity: 'task', entityId: task.uid, detail: { publishedOn: date, publicUntil: until, dueOn: p.dueOn, onTime: p.dueOn ? date <= p.dueOn : null, note } })
    advanceTask(ctx, taskId, '已公示', `公示日期 ${date}`)
    return progressOf(ctx, getTask(ctx, taskId), today)
  })()
}

/**
 * The public list: one line per object and department (谁检查、谁公开),
 * built from fields that name no person — inspectors, ID and phone numbers
 * never reach it; free-text findings are left out altogether.
 */
export function publicResultsInput(ctx: Ctx, taskId: number, publishDate?: string): PublicResultsInput {
  const task = getTask(ctx, taskId)
  const p = progressOf(ctx, task)
  const groups = new Map<string, { objectName: string; objectCode: string; authority: string; items: string[]; cats: string[]; last: string }>()
  const order = new Map(task.departments.map((d, i) => [d.deptId, i]))
  const stopped = stoppedObjects(ctx, taskId)
  const results = resultsOfTask(ctx, taskId).filter((r) => !stopped.has(r.objectCode)).sort((a, b) => a.objectCode.localeCompare(b.objectCode) || (order.get(a.deptId) ?? 0) - (order.get(b.deptId) ?? 0))
  for (const r of results) {
    const key = `${r.objectCode}|${r.deptId}`
    const g = groups.get(key) ?? { objectName: r.objectName, objectCode: r.objectCode, authority: r.deptName, items: [], cats: [], last: r.checkDate }
    g.items.push(r.itemName)
    g.cats.push(r.category)
    if (r.checkDate > g.last) g.last = r.checkDate
    groups.set(key, g)
  }
  const rows: PublicResultRow[] = [...groups.values()].map((g) => ({
    objectName: g.objectName,
    objectCode: g.objectCode,
    items: g.items,
    result: new Set(g.cats).size === 1 ? g.cats[0]! : g.items.map((it, i) => `${it}：${g.cats[i]}`).join('；'),
    authority: g.authority,
    completedOn: g.last
  }))
  return {
    taskNumber: task.taskNo,
    taskName: task.name,
    departments: task.departments.map((d) => d.deptName),
    rows,
    publishDate: publishDate ?? p.publishedOn ?? todayText()
  }
}
