import type { Ctx } from '../context'
import { UserError } from '../errors'
import { quotaFor } from '../draws/objectDraw'
import { CREDIT_CLASSES, type CreditClassName, type DrawRuleSpec } from '@contract'

export interface ItemRow {
  uid: string
  name: string
  deptId: number
  level: '重点' | '一般'
  ratioCap: number | null
  specialty: string
}

export interface DeptRow {
  id: number
  name: string
  shortName: string
  active: boolean
}

export function deptMap(ctx: Pick<Ctx, 'sqlite'>): Map<number, DeptRow> {
  const rows = ctx.sqlite.prepare('SELECT id, name, short_name AS shortName, active FROM departments').all() as { id: number; name: string; shortName: string; active: number }[]
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, shortName: r.shortName, active: r.active === 1 }]))
}

export function loadItems(ctx: Pick<Ctx, 'sqlite'>, uids: string[]): Map<string, ItemRow> {
  if (!uids.length) return new Map()
  const rows = ctx.sqlite
    .prepare(`SELECT uid, name, dept_id AS deptId, level, ratio_cap_permille AS ratioCap, specialty FROM items WHERE uid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...new Set(uids)])) as ItemRow[]
  return new Map(rows.map((r) => [r.uid, r]))
}

export function deptName(depts: Map<number, DeptRow>, id: number): string {
  return depts.get(id)?.name ?? `编号 ${id} 的部门`
}

/**
 * R1: every item a department checks must be on that department's own list.
 * Returns the items, in the order given, for the R3 checks.
 */
export function checkItemsOnLists(ctx: Pick<Ctx, 'sqlite'>, parts: { deptId: number; itemUids: string[] }[], depts = deptMap(ctx)): ItemRow[] {
  const items = loadItems(
    ctx,
    parts.flatMap((p) => p.itemUids)
  )
  const out: ItemRow[] = []
  for (const p of parts) {
    for (const uid of p.itemUids) {
      const it = items.get(uid)
      if (!it) throw new UserError(`找不到编号为“${uid}”的抽查事项，可能已从事项清单中删除。请重新选择${deptName(depts, p.deptId)}清单内的事项。`, 'item-not-found')
      if (it.deptId !== p.deptId) {
        throw new UserError(
          `事项“${it.name}”不在${deptName(depts, p.deptId)}的随机抽查事项清单中（属于${deptName(depts, it.deptId)}），不能由${deptName(depts, p.deptId)}检查。请改选本部门清单内的事项，或让${deptName(depts, it.deptId)}作为联合部门检查该事项。`,
          'item-not-on-list'
        )
      }
      out.push(it)
    }
  }
  return out
}

export interface Cap {
  permille: number
  item: ItemRow
}

/** R3: 重点 items are uncapped; with any capped 一般 item the smallest cap applies to every class. */
export function strictestCap(items: ItemRow[]): Cap | null {
  let best: Cap | null = null
  for (const it of items) {
    if (it.level !== '一般' || it.ratioCap === null) continue
    if (!best || it.ratioCap < best.permille) best = { permille: it.ratioCap, item: it }
  }
  return best
}

/** A ratio kept in ‰ as the clerk reads it: in per cent only (50 → 5%). */
export const permilleText = (v: number) => `${(v / 10).toString()}%`

/** Refuses a ratio above the cap, naming the item and the cap. */
export function checkRatiosAgainstCap(rule: DrawRuleSpec, cap: Cap | null, depts: Map<number, DeptRow>): void {
  for (const c of CREDIT_CLASSES) {
    const r = rule[c]
    if (r.mode === 'ratio' && r.value > 1000) throw new UserError(`${c} 类对象的抽查比例 ${permilleText(r.value)} 超过了 100%，请改小。`, 'invalid-rule')
    if (cap && r.mode === 'ratio' && r.value > cap.permille) {
      throw new UserError(
        `${c} 类对象的抽查比例 ${permilleText(r.value)} 超过了一般事项“${cap.item.name}”（${deptName(depts, cap.item.deptId)}）的比例上限 ${permilleText(cap.permille)}。请把比例调到上限以内，或去掉该一般事项。`,
        'ratio-cap'
      )
    }
  }
}

/** Counts can only be judged against a pool: a count above what the capped ratio allows is a problem. */
export function countProblems(rule: DrawRuleSpec, eligible: Record<CreditClassName, number>, cap: Cap | null, depts: Map<number, DeptRow>): string[] {
  if (!cap) return []
  const out: string[] = []
  for (const c of CREDIT_CLASSES) {
    const r = rule[c]
    if (r.mode !== 'count') continue
    const allowed = quotaFor(eligible[c], { mode: 'ratio', value: cap.permille })
    if (r.value > allowed) {
      out.push(
        `${c} 类对象抽取 ${r.value} 户，超过一般事项“${cap.item.name}”（${deptName(depts, cap.item.deptId)}）的比例上限 ${permilleText(cap.permille)}：本类可抽对象 ${eligible[c]} 户，最多抽 ${allowed} 户。`
      )
    }
  }
  return out
}
