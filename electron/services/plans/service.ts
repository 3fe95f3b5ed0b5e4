import { newUid } from '../ids'
import { and, asc, eq, notInArray, type SQL } from 'drizzle-orm'
import { planEntries } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { planEntryInputSchema, type ObjectScope, type PlanEntry, type PlanEntryInput, type PlanEntryInputParsed } from '@contract'
import { countScope, normalizeScope } from '../tasks/scope'
import { parseInput } from '../tasks/parse'
import { deptMap, loadItems, type DeptRow } from '../tasks/rules'

type Row = typeof planEntries.$inferSelect

export function toPlanEntry(ctx: Pick<Ctx, 'sqlite'>, row: Row, depts: Map<number, DeptRow> = deptMap(ctx)): PlanEntry {
  const itemUids = JSON.parse(row.itemUids) as string[]
  const items = loadItems(ctx, itemUids)
  const scope = JSON.parse(row.scope) as ObjectScope
  const jointDeptIds = JSON.parse(row.jointDeptIds) as number[]
  const name = (id: number) => depts.get(id)?.name ?? `编号 ${id} 的部门`
  return {
    id: row.id,
    uid: row.uid,
    year: row.year,
    planName: row.planName,
    taskName: row.taskName,
    checkType: row.checkType,
    ratioText: row.ratioText,
    itemUids,
    itemNames: itemUids.map((u) => items.get(u)?.name ?? `（已删除的事项 ${u}）`),
    scope,
    objectTotal: countScope(ctx, scope),
    initiatorDeptId: row.initiatorDeptId,
    initiatorName: name(row.initiatorDeptId),
    jointDeptIds,
    jointDeptNames: jointDeptIds.map(name),
    drawDate: row.drawDate,
    inspectionTime: row.inspectionTime,
    status: row.status,
    mergedFrom: JSON.parse(row.mergedFrom) as string[],
    mergedInto: row.mergedInto,
    remark: row.remark,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function getPlanRow(ctx: Pick<Ctx, 'db'>, id: number): Row {
  const row = ctx.db.select().from(planEntries).where(eq(planEntries.id, id)).get()
  if (!row) throw new UserError(`找不到编号为 ${id} 的年度计划条目，可能已被删除，请刷新后重试。`, 'not-found')
  return row
}

export function getPlanEntry(ctx: Pick<Ctx, 'db' | 'sqlite'>, id: number): PlanEntry {
  return toPlanEntry(ctx, getPlanRow(ctx, id))
}

export function listPlanEntries(ctx: Pick<Ctx, 'db' | 'sqlite'>, q: { year: number; deptId?: number; includeMerged?: boolean }): PlanEntry[] {
  const where: SQL[] = [eq(planEntries.year, q.year)]
  if (q.deptId) where.push(eq(planEntries.initiatorDeptId, q.deptId))
  if (!q.includeMerged) where.push(notInArray(planEntries.status, ['已合并', '已取消']))
  const depts = deptMap(ctx)
  return ctx.db
    .select()
    .from(planEntries)
    .where(and(...where))
    .orderBy(asc(planEntries.initiatorDeptId), asc(planEntries.id))
    .all()
    .map((r) => toPlanEntry(ctx, r, depts))
}

/**
 * A plan entry's departments exist and differ, and every item is on the list
 * of the initiator or of one of the joint departments (R1 at plan level).
 */
export function validatePlanEntry(ctx: Pick<Ctx, 'sqlite'>, e: PlanEntryInputParsed): ObjectScope {
  const depts = deptMap(ctx)
  const initiator = depts.get(e.initiatorDeptId)
  if (!initiator) throw new UserError(`检查发起机关（编号 ${e.initiatorDeptId}）不是成员单位，请从成员单位中选择。`, 'dept-not-found')
  const joint = new Set<number>()
  for (const d of e.jointDeptIds) {
    const dept = depts.get(d)
    if (!dept) throw new UserError(`联合机关（编号 ${d}）不是成员单位，请从成员单位中选择。`, 'dept-not-found')
    if (d === e.initiatorDeptId) throw new UserError(`${dept.name}已是检查发起机关，不必再列为联合机关。`, 'dept-duplicate')
    if (joint.has(d)) throw new UserError(`联合机关中${dept.name}出现了两次，请删去一个。`, 'dept-duplicate')
    joint.add(d)
  }
  const items = loadItems(ctx, e.itemUids)
  for (const uid of e.itemUids) {
    const it = items.get(uid)
    if (!it) throw new UserError(`找不到编号为“${uid}”的抽查事项，可能已从事项清单中删除，请重新选择。`, 'item-not-found')
    if (it.deptId !== e.initiatorDeptId && !joint.has(it.deptId)) {
      const owner = depts.get(it.deptId)?.name ?? '其他部门'
      throw new UserError(
        `事项“${it.name}”属于${owner}的抽查事项清单，不在检查发起机关${initiator.name}或联合机关的清单中。请把${owner}列为联合机关，或改选清单内的事项。`,
        'item-not-on-list'
      )
    }
  }
  if (e.drawDate && Number(e.drawDate.slice(0, 4)) !== e.year) throw new UserError(`抽取日期 ${e.drawDate} 不在 ${e.year} 年度内，请改正。`, 'invalid-date')
  const scope = normalizeScope(e.scope)
  if (scope.codesOnly && !scope.include.length) throw new UserError('“仅限指定对象”的计划请列出要抽查的对象代码。', 'empty-scope')
  return scope
}

function values(e: PlanEntryInputParsed, scope: ObjectScope) {
  return {
    year: e.year,
    planName: e.planName,
    taskName: e.taskName,
    checkType: e.checkType,
    ratioText: e.ratioText,
    itemUids: JSON.stringify([...new Set(e.itemUids)]),
    scope: JSON.stringify(scope),
    initiatorDeptId: e.initiatorDeptId,
    jointDeptIds: JSON.stringify(e.jointDeptIds),
    drawDate: e.drawDate,
    inspectionTime: e.inspectionTime,
    status: e.status,
    remark: e.remark
  }
}

export function createPlanEntry(ctx: Ctx, input: PlanEntryInput): PlanEntry {
  const e = parseInput(planEntryInputSchema, input)
  return ctx.sqlite.transaction(() => {
    const scope = validatePlanEntry(ctx, e)
    const now = nowText()
    const row = ctx.db
      .insert(planEntries)
      .values({ uid: newUid(), ...values(e, scope), createdAt: now, updatedAt: now })
      .returning()
      .get()
    audit(ctx, { action: '新增年度计划条目', entity: 'plan', entityId: row.uid, detail: { ...values(e, scope) } })
    return toPlanEntry(ctx, row)
  })()
}

const inputOf = (row: Row): PlanEntryInputParsed =>
  planEntryInputSchema.parse({
    year: row.year,
    planName: row.planName,
    taskName: row.taskName,
    checkType: row.checkType,
    ratioText: row.ratioText,
    itemUids: JSON.parse(row.itemUids),
    scope: JSON.parse(row.scope),
    initiatorDeptId: row.initiatorDeptId,
    jointDeptIds: JSON.parse(row.jointDeptIds),
    drawDate: row.drawDate,
    inspectionTime: row.inspectionTime,
    status: row.status,
    remark: row.remark
  })

/** Writes the changed fields of an entry and audits them from/to; `action` names the change in the log. */
export function updatePlanEntry(ctx: Ctx, input: { id: number } & Partial<PlanEntryInput>, action = '修改年度计划条目', extra: Partial<Row> = {}): PlanEntry {
  return ctx.sqlite.transaction(() => {
    const row = getPlanRow(ctx, input.id)
    if (row.status === '已合并') throw new UserError(`计划“${row.taskName}”已并入其他条目，请修改合并后的条目。`, 'merged')
    const { id, ...patch } = input
    const merged = parseInput(planEntryInputSchema, { ...inputOf(row), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) })
    const scope = validatePlanEntry(ctx, merged)
    const next: Record<string, unknown> = { ...values(merged, scope), ...extra }
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [k, v] of Object.entries(next)) if (row[k as keyof Row] !== v) changes[k] = { from: row[k as keyof Row], to: v }
    if (!Object.keys(changes).length) return toPlanEntry(ctx, row)
    const saved = ctx.db
      .update(planEntries)
      .set({ ...(next as Partial<Row>), updatedAt: nowText() })
      .where(eq(planEntries.id, id))
      .returning()
      .get()
    audit(ctx, { action, entity: 'plan', entityId: row.uid, detail: changes })
    return toPlanEntry(ctx, saved)
  })()
}

/** A plan entry that a task was built on stays (cancel it instead); others may be deleted. */
export function deletePlanEntry(ctx: Ctx, id: number): { id: number } {
  return ctx.sqlite.transaction(() => {
    const row = getPlanRow(ctx, id)
    const used = ctx.sqlite.prepare(`SELECT task_no AS no FROM tasks WHERE plan_entry_uid = ? LIMIT 1`).get(row.uid) as { no: string } | undefined
    if (used) throw new UserError(`计划“${row.taskName}”已据此建立任务 ${used.no}，不能删除，可以把状态改为“已取消”。`, 'in-use')
    if (row.status === '已合并') throw new UserError(`计划“${row.taskName}”已并入其他条目，作为合并记录保留，不能删除。`, 'merged')
    ctx.db.delete(planEntries).where(eq(planEntries.id, id)).run()
    audit(ctx, { action: '删除年度计划条目', entity: 'plan', entityId: row.uid, detail: row })
    return { id }
  })()
}
