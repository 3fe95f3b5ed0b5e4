import type { Ctx } from '../context'
import type { DrawTask } from '../draws/types'
import { getTask } from './service'
import { loadItems } from './rules'

/**
 * The task as the draw algorithm sees it (electron/services/draws/types.ts
 * DrawTask). R7: an item's 所需业务专长 becomes a required speciality of the
 * department that checks it, besides any the task names explicitly.
 */
export function toDrawTask(ctx: Pick<Ctx, 'db' | 'sqlite'>, taskId: number): DrawTask {
  const t = getTask(ctx, taskId)
  const items = loadItems(ctx, t.departments.flatMap((d) => d.itemUids))
  const specialties = (uids: string[], explicit: string[]) =>
    [...new Set([...explicit, ...uids.flatMap((u) => (items.get(u)?.specialty ?? '').split(/[、,，\s]+/))].map((s) => s.trim()).filter(Boolean))]
  return {
    id: t.uid,
    number: t.taskNo,
    name: t.name,
    initiatingDeptId: t.initiatorDeptId,
    departments: t.departments.map((d) => ({
      deptId: d.deptId,
      deptName: d.deptName,
      itemIds: d.itemUids,
      requiredSpecialties: specialties(d.itemUids, d.requiredSpecialties),
      inspectorsPerObject: d.inspectorsPerObject,
      expertsPerObject: d.expertsPerObject
    })),
    rule: t.rule,
    leaderFromInitiator: t.leaderFromInitiator
  }
}
