import { eq } from 'drizzle-orm'
import { planEntries } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import type { CountyPlan, MergeSuggestion, PlanEntry, PlanOverlap, R12Report } from '@contract'
import { normalizeScope, SCOPE_FROM, scopeSql } from '../tasks/scope'
import { getPlanRow, listPlanEntries, toPlanEntry } from './service'

const LIVE_PLAN = `status NOT IN ('已合并', '已取消')`

/**
 * R12 (seed 001 二(四), 003 第十三条): each active member department initiates
 * or joins at least one joint inspection a year. A joint inspection is a live
 * plan entry or a task (not cancelled) of that year with at least one 联合机关.
 */
export function r12Report(ctx: Pick<Ctx, 'sqlite'>, year: number): R12Report {
  const rows = ctx.sqlite
    .prepare(
      `WITH roles(dept, role) AS (
         SELECT initiator_dept_id, 'i' FROM plan_entries WHERE year = :y AND ${LIVE_PLAN} AND json_array_length(joint_dept_ids) > 0
         UNION ALL
         SELECT j.value, 'j' FROM plan_entries p, json_each(p.joint_dept_ids) j WHERE p.year = :y AND p.${LIVE_PLAN}
         UNION ALL
         SELECT t.initiator_dept_id, 'i' FROM tasks t WHERE t.year = :y AND t.status <> '已取消'
           AND EXISTS (SELECT 1 FROM json_each(t.departments) d WHERE json_extract(d.value, '$.deptId') <> t.initiator_dept_id)
         UNION ALL
         SELECT json_extract(d.value, '$.deptId'), 'j' FROM tasks t, json_each(t.departments) d
           WHERE t.year = :y AND t.status <> '已取消' AND json_extract(d.value, '$.deptId') <> t.initiator_dept_id
       )
       SELECT d.id, d.name, d.short_name AS shortName,
              COALESCE(SUM(r.role = 'i'), 0) AS initiates, COALESCE(SUM(r.role = 'j'), 0) AS joins
       FROM departments d LEFT JOIN roles r ON r.dept = d.id
       WHERE d.active = 1
       GROUP BY d.id ORDER BY d.sort_order, d.id`
    )
    .all({ y: year }) as { id: number; name: string; shortName: string; initiates: number; joins: number }[]
  return {
    year,
    activeMembers: rows.length,
    missing: rows.filter((r) => r.initiates + r.joins === 0).map(({ id, name, shortName }) => ({ id, name, shortName })),
    covered: rows.filter((r) => r.initiates + r.joins > 0).map(({ id, name, initiates, joins }) => ({ id, name, initiates, joins }))
  }
}

/** SQLite limits expression depth; each signature column concatenates at most this many entries. */
const SIG_CHUNK = 50

/**
 * Pairs of live entries whose scopes would inspect the same objects. One pass
 * over the registry in SQL: each object gets a signature string with one
 * '1'/'0' per entry, grouped; the pairs are then counted per signature.
 */
export function overlapReport(ctx: Pick<Ctx, 'db' | 'sqlite'>, year: number, entries: PlanEntry[] = listPlanEntries(ctx, { year })): PlanOverlap[] {
  if (entries.length < 2) return []
  const cols: string[] = []
  const params: unknown[] = []
  for (let i = 0; i < entries.length; i += SIG_CHUNK) {
    const parts = entries.slice(i, i + SIG_CHUNK).map((e) => {
      const s = scopeSql(normalizeScope(e.scope))
      params.push(...s.params, ...s.activeParams, ...s.listedParams)
      return `CASE WHEN ${s.where} AND ${s.active} AND NOT ${s.listed} THEN '1' ELSE '0' END`
    })
    cols.push(`(${parts.join(' || ')}) AS s${cols.length}`)
  }
  const groupBy = cols.map((_, i) => `s${i}`).join(', ')
  const rows = ctx.sqlite.prepare(`SELECT ${cols.join(', ')}, COUNT(*) AS n FROM ${SCOPE_FROM} GROUP BY ${groupBy}`).all(...params) as Record<string, string | number>[]
  const shared = new Map<string, number>()
  for (const r of rows) {
    const sig = cols.map((_, i) => r[`s${i}`] as string).join('')
    const on: number[] = []
    for (let i = 0; i < sig.length; i++) if (sig[i] === '1') on.push(i)
    for (let a = 0; a < on.length; a++) for (let b = a + 1; b < on.length; b++) shared.set(`${on[a]}:${on[b]}`, (shared.get(`${on[a]}:${on[b]}`) ?? 0) + (r.n as number))
  }
  const brief = (e: PlanEntry) => ({ id: e.id, uid: e.uid, taskName: e.taskName, initiatorName: e.initiatorName })
  return [...shared]
    .map(([k, n]) => {
      const [a, b] = k.split(':').map(Number) as [number, number]
      return { a: brief(entries[a]!), b: brief(entries[b]!), shared: n }
    })
    .sort((x, y) => y.shared - x.shared || x.a.id - y.a.id || x.b.id - y.b.id)
}

/**
 * Entries of different initiators that look like the same kind of check: the
 * same 抽查任务名称, or items of the same 抽查类别. A hint for merging, not a rule.
 */
export function suggestMerges(ctx: Pick<Ctx, 'sqlite'>, entries: PlanEntry[]): MergeSuggestion[] {
  const cats = ctx.sqlite.prepare(`SELECT uid, category FROM items`).all() as { uid: string; category: string }[]
  const catOf = new Map(cats.map((c) => [c.uid, c.category]))
  const out: MergeSuggestion[] = []
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i]!
      const b = entries[j]!
      if (a.initiatorDeptId === b.initiatorDeptId) continue
      if (a.taskName === b.taskName) {
        out.push({ ids: [a.id, b.id], reason: `抽查任务名称相同：“${a.taskName}”` })
        continue
      }
      const ca = new Set(a.itemUids.map((u) => catOf.get(u)).filter(Boolean))
      const common = [...new Set(b.itemUids.map((u) => catOf.get(u)))].filter((c) => c && ca.has(c))
      if (common.length) out.push({ ids: [a.id, b.id], reason: `抽查类别相同：${common.join('、')}` })
    }
  }
  return out
}

/**
 * Folds other entries into one joint entry: the kept entry's initiator stays,
 * the others' initiators and joint departments become 联合机关, all items are
 * kept, and both sides record the merge (mergedFrom / mergedInto).
 */
export function mergePlanEntries(ctx: Ctx, keepId: number, otherIds: number[]): PlanEntry {
  return ctx.sqlite.transaction(() => {
    const keep = getPlanRow(ctx, keepId)
    if (keep.status === '已合并' || keep.status === '已取消') throw new UserError(`计划“${keep.taskName}”${keep.status}，不能作为合并后的条目。`, 'merged')
    const others = [...new Set(otherIds)].filter((id) => id !== keepId).map((id) => getPlanRow(ctx, id))
    if (!others.length) throw new UserError('请至少选择一条要并入的计划条目。', 'nothing-to-merge')
    const joint = new Set<number>(JSON.parse(keep.jointDeptIds) as number[])
    const items = new Set<string>(JSON.parse(keep.itemUids) as string[])
    const from = new Set<string>(JSON.parse(keep.mergedFrom) as string[])
    for (const o of others) {
      if (o.year !== keep.year) throw new UserError(`计划“${o.taskName}”属于 ${o.year} 年度，不能并入 ${keep.year} 年度的计划。`, 'year-mismatch')
      if (o.status === '已合并' || o.status === '已取消') throw new UserError(`计划“${o.taskName}”${o.status}，不能再合并。`, 'merged')
      joint.add(o.initiatorDeptId)
      for (const d of JSON.parse(o.jointDeptIds) as number[]) joint.add(d)
      for (const u of JSON.parse(o.itemUids) as string[]) items.add(u)
      from.add(o.uid)
      for (const u of JSON.parse(o.mergedFrom) as string[]) from.add(u)
    }
    joint.delete(keep.initiatorDeptId)
    const now = nowText()
    const saved = ctx.db
      .update(planEntries)
      .set({ jointDeptIds: JSON.stringify([...joint]), itemUids: JSON.stringify([...items]), mergedFrom: JSON.stringify([...from]), updatedAt: now })
      .where(eq(planEntries.id, keepId))
      .returning()
      .get()
    for (const o of others) {
      ctx.db.update(planEntries).set({ status: '已合并', mergedInto: keep.uid, updatedAt: now }).where(eq(planEntries.id, o.id)).run()
    }
    audit(ctx, {
      action: '合并年度计划条目',
      entity: 'plan',
      entityId: keep.uid,
      detail: { kept: keep.uid, merged: others.map((o) => ({ uid: o.uid, taskName: o.taskName, initiatorDeptId: o.initiatorDeptId })), jointDeptIds: [...joint], itemUids: [...items] }
    })
    return toPlanEntry(ctx, saved)
  })()
}

/** Everything the 县年度计划 page shows at once. */
export function countyPlan(ctx: Pick<Ctx, 'db' | 'sqlite'>, year: number): CountyPlan {
  const entries = listPlanEntries(ctx, { year })
  return { year, entries, r12: r12Report(ctx, year), overlaps: overlapReport(ctx, year, entries), suggestions: suggestMerges(ctx, entries) }
}
