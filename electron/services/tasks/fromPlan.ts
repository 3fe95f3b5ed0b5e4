import type { Ctx } from '../context'
import { getPlanEntry } from '../plans/service'
import { loadItems } from './rules'
import { ruleFromRatioText } from './planRatio'
import type { TaskInput } from '@contract'

/**
 * A task draft prefilled from a plan entry: its name, initiator, joint
 * departments (each with the entry's items that are on its own list), scope
 * and planned month. The rule follows the plan's 抽查比例 when the program can
 * read it (“5%”, “A类1%、D类10%”); otherwise it starts at 0 for every class
 * and the user turns the free text into per-class figures.
 */
export function draftFromPlanEntry(ctx: Pick<Ctx, 'db' | 'sqlite'>, planEntryId: number): TaskInput {
  const e = getPlanEntry(ctx, planEntryId)
  const items = loadItems(ctx, e.itemUids)
  const deptIds = [e.initiatorDeptId, ...e.jointDeptIds]
  const month = /^\d{4}-\d{2}/.test(e.drawDate) ? e.drawDate.slice(0, 7) : `${e.year}-01`
  const [y, m] = month.split('-').map(Number) as [number, number]
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {
    name: e.taskName,
    year: e.year,
    planEntryUid: e.uid,
    initiatorDeptId: e.initiatorDeptId,
    departments: deptIds.map((deptId) => ({
      deptId,
      itemUids: e.itemUids.filter((u) => items.get(u)?.deptId === deptId),
      inspectorsPerObject: deptId === e.initiatorDeptId ? 2 : 1
    })),
    scope: e.scope,
    rule: ruleFromRatioText(e.ratioText) ?? { A: { mode: 'ratio', value: 0 }, B: { mode: 'ratio', value: 0 }, C: { mode: 'ratio', value: 0 }, D: { mode: 'ratio', value: 0 } },
    periodStart: `${month}-01`,
    periodEnd: `${month}-${String(lastDay).padStart(2, '0')}`,
    leaderFromInitiator: true
  }
}
