/**
 * 随机抽查事项清单, one list per department: CRUD validated by the importer's
 * rules, display order, and deletion refused while a plan or task uses the item.
 */
import { randomUUID } from 'node:crypto'
import type { ItemCreateInput, ItemUpdateInput, RegistryItem } from '@contract'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { itemImporter } from '../import/items'
import { validateForm } from './form'

const SELECT = `id, uid, dept_id AS deptId, category, name, target, level, method, subject, frequency, content, basis, specialty,
  ratio_cap_permille AS ratioCapPermille, sort_order AS sortOrder, created_at AS createdAt, updated_at AS updatedAt`

export interface ItemQuery {
  deptId: number
  search?: string
  level?: '重点' | '一般'
}

export function listItems(ctx: Pick<Ctx, 'sqlite'>, q: ItemQuery): RegistryItem[] {
  const where = ['dept_id = ?']
  const params: unknown[] = [q.deptId]
  const search = (q.search ?? '').trim()
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push(`(category LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR content LIKE ? ESCAPE '\\')`)
    params.push(like, like, like)
  }
  if (q.level) {
    where.push('level = ?')
    params.push(q.level)
  }
  return ctx.sqlite.prepare(`SELECT ${SELECT} FROM items WHERE ${where.join(' AND ')} ORDER BY sort_order, id`).all(...params) as RegistryItem[]
}

/** Per department: how many items, how many of them 重点 (for the department selector). */
export function itemCounts(ctx: Pick<Ctx, 'sqlite'>): { deptId: number; total: number; key: number }[] {
  return ctx.sqlite
    .prepare(`SELECT dept_id AS deptId, count(*) AS total, sum(level = '重点') AS key FROM items GROUP BY dept_id`)
    .all() as { deptId: number; total: number; key: number }[]
}

export function getItem(ctx: Pick<Ctx, 'sqlite'>, id: number): RegistryItem {
  const r = ctx.sqlite.prepare(`SELECT ${SELECT} FROM items WHERE id = ?`).get(id) as RegistryItem | undefined
  if (!r) throw new UserError(`找不到编号为 ${id} 的抽查事项，可能已被删除，请刷新后重试。`, 'not-found')
  return r
}

type Fields = Omit<ItemUpdateInput, 'id'> & { deptId: number }

const COLUMN: Record<string, keyof RegistryItem> = {
  dept_id: 'deptId', category: 'category', name: 'name', target: 'target', level: 'level', method: 'method', subject: 'subject',
  frequency: 'frequency', content: 'content', basis: 'basis', specialty: 'specialty', ratio_cap_permille: 'ratioCapPermille'
}

function validated(ctx: Ctx, f: Fields): Record<string, string | number | null> {
  const dept = ctx.sqlite.prepare('SELECT id, name, short_name AS shortName, code FROM departments WHERE id = ?').get(f.deptId) as
    | { id: number; name: string; shortName: string; code: string }
    | undefined
  if (!dept) throw new UserError('所选的部门不是已登记的成员单位，请刷新后重新选择。', 'invalid')
  const importer = itemImporter(ctx, { dept: dept.code })
  const p = validateForm(importer, { dept }, {
    category: f.category ?? '',
    itemName: f.name ?? '',
    target: f.target ?? '',
    level: f.level ?? '一般',
    method: f.method ?? '',
    subject: f.subject ?? '',
    frequency: f.frequency ?? '',
    content: f.content ?? '',
    basis: f.basis ?? '',
    specialty: f.specialty ?? '',
    // As text with its unit: a bare 1 would be read as a fraction (100 %).
    ratioCap: f.ratioCapPercent === null || f.ratioCapPercent === undefined ? '' : `${f.ratioCapPercent}%`
  })
  return {
    target: '', method: '', subject: '', frequency: '', content: '', basis: '', specialty: '', ratio_cap_permille: null, level: '一般',
    ...p.keyValues,
    ...p.values
  }
}

function assertUnique(ctx: Pick<Ctx, 'sqlite'>, v: Record<string, unknown>, selfId?: number): void {
  const other = ctx.sqlite.prepare('SELECT id FROM items WHERE dept_id = ? AND category = ? AND name = ?').get(v.dept_id, v.category, v.name) as
    | { id: number }
    | undefined
  if (other && other.id !== selfId) throw new UserError(`本部门清单中已有事项“${v.category}／${v.name}”，请勿重复添加。`, 'duplicate')
}

export function createItem(ctx: Ctx, input: ItemCreateInput): RegistryItem {
  return ctx.sqlite.transaction(() => {
    const values = validated(ctx, input)
    assertUnique(ctx, values)
    const max = (ctx.sqlite.prepare('SELECT coalesce(max(sort_order), 0) AS m FROM items WHERE dept_id = ?').get(values.dept_id) as { m: number }).m
    const now = nowText()
    const all = { uid: randomUUID(), ...values, sort_order: max + 1, created_at: now, updated_at: now }
    const info = ctx.sqlite
      .prepare(`INSERT INTO items (${Object.keys(all).join(', ')}) VALUES (${Object.keys(all).map(() => '?').join(', ')})`)
      .run(...Object.values(all))
    const row = getItem(ctx, Number(info.lastInsertRowid))
    audit(ctx, { action: '新增抽查事项', entity: 'item', entityId: row.uid, detail: row })
    return row
  })()
}

export function updateItem(ctx: Ctx, input: ItemUpdateInput): RegistryItem {
  return ctx.sqlite.transaction(() => {
    const before = getItem(ctx, input.id)
    const given = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'id'))
    const merged: Fields = {
      ...before,
      ratioCapPercent: before.ratioCapPermille === null ? null : before.ratioCapPermille / 10,
      ...given
    }
    const values = validated(ctx, merged)
    assertUnique(ctx, values, before.id)
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [col, field] of Object.entries(COLUMN)) {
      if (before[field] !== values[col]) changes[col] = { from: before[field], to: values[col] }
    }
    if (Object.keys(changes).length === 0) return before
    if (changes.dept_id) {
      const max = (ctx.sqlite.prepare('SELECT coalesce(max(sort_order), 0) AS m FROM items WHERE dept_id = ?').get(values.dept_id) as { m: number }).m
      changes.sort_order = { from: before.sortOrder, to: max + 1 }
    }
    ctx.sqlite
      .prepare(`UPDATE items SET ${Object.keys(changes).map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...Object.values(changes).map((c) => c.to), nowText(), before.id)
    audit(ctx, { action: '修改抽查事项', entity: 'item', entityId: before.uid, detail: changes })
    return getItem(ctx, before.id)
  })()
}

function tableExists(ctx: Pick<Ctx, 'sqlite'>, name: string): boolean {
  return !!ctx.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)
}

/** Plans and tasks name items by uid inside JSON text. */
function usedBy(ctx: Pick<Ctx, 'sqlite'>, uid: string): { plans: number; tasks: number } {
  const needle = `%"${uid}"%`
  const plans = tableExists(ctx, 'plan_entries') ? (ctx.sqlite.prepare('SELECT count(*) AS n FROM plan_entries WHERE item_uids LIKE ?').get(needle) as { n: number }).n : 0
  const tasks = tableExists(ctx, 'tasks') ? (ctx.sqlite.prepare('SELECT count(*) AS n FROM tasks WHERE departments LIKE ?').get(needle) as { n: number }).n : 0
  return { plans, tasks }
}

export function deleteItem(ctx: Ctx, id: number): { deleted: true } {
  return ctx.sqlite.transaction(() => {
    const before = getItem(ctx, id)
    const used = usedBy(ctx, before.uid)
    if (used.plans + used.tasks > 0) {
      throw new UserError(`事项“${before.name}”已被 ${used.plans} 条年度计划、${used.tasks} 个抽查任务引用，不能删除。请先从计划和任务中移除该事项。`, 'in-use')
    }
    ctx.sqlite.prepare('DELETE FROM items WHERE id = ?').run(id)
    audit(ctx, { action: '删除抽查事项', entity: 'item', entityId: before.uid, detail: before })
    return { deleted: true as const }
  })()
}

/** Swaps an item with its neighbour in its department's list. */
export function moveItem(ctx: Ctx, id: number, direction: 'up' | 'down'): RegistryItem[] {
  return ctx.sqlite.transaction(() => {
    const item = getItem(ctx, id)
    const all = listItems(ctx, { deptId: item.deptId })
    const i = all.findIndex((x) => x.id === id)
    const j = direction === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= all.length) return all
    ;[all[i], all[j]] = [all[j]!, all[i]!]
    const set = ctx.sqlite.prepare('UPDATE items SET sort_order = ? WHERE id = ?')
    all.forEach((x, k) => set.run(k + 1, x.id))
    audit(ctx, { action: '调整抽查事项顺序', entity: 'item', entityId: item.uid, detail: { direction } })
    return listItems(ctx, { deptId: item.deptId })
  })()
}
