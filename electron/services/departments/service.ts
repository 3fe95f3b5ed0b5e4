import { asc, eq, sql } from 'drizzle-orm'
import type { Department, DepartmentInput } from '@contract'
import { departments } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { DEFAULT_DEPARTMENTS } from './defaults'

export function listDepartments(ctx: Pick<Ctx, 'db'>, includeInactive = true): Department[] {
  const q = ctx.db.select().from(departments)
  return (includeInactive ? q : q.where(eq(departments.active, true))).orderBy(asc(departments.sortOrder), asc(departments.id)).all()
}

export function getDepartment(ctx: Pick<Ctx, 'db'>, id: number): Department {
  const d = ctx.db.select().from(departments).where(eq(departments.id, id)).get()
  if (!d) throw new UserError(`找不到编号为 ${id} 的成员单位，可能已被其他操作修改，请刷新后重试。`, 'not-found')
  return d
}

function assertUnique(ctx: Pick<Ctx, 'db'>, field: 'name' | 'code', value: string, selfId?: number) {
  const col = field === 'name' ? departments.name : departments.code
  const other = ctx.db.select().from(departments).where(eq(col, value)).get()
  if (other && other.id !== selfId) {
    throw new UserError(
      field === 'name' ? `已有名为“${value}”的成员单位，请换一个名称。` : `代码“${value}”已被“${other.name}”使用，请换一个代码。`,
      'duplicate'
    )
  }
}

export function createDepartment(ctx: Ctx, input: Required<Omit<DepartmentInput, 'contact' | 'phone' | 'active'>> & Partial<DepartmentInput>): Department {
  return ctx.sqlite.transaction(() => {
    assertUnique(ctx, 'name', input.name)
    assertUnique(ctx, 'code', input.code)
    const max = ctx.db.select({ m: sql<number>`coalesce(max(${departments.sortOrder}), 0)` }).from(departments).get()!.m
    const now = nowText()
    const row = ctx.db
      .insert(departments)
      .values({
        name: input.name,
        shortName: input.shortName,
        code: input.code,
        contact: input.contact ?? '',
        phone: input.phone ?? '',
        active: input.active ?? true,
        sortOrder: max + 1,
        createdAt: now,
        updatedAt: now
      })
      .returning()
      .get()
    audit(ctx, { action: '新增成员单位', entity: 'department', entityId: row.id, detail: row })
    return row
  })()
}

export function updateDepartment(ctx: Ctx, input: { id: number } & Partial<DepartmentInput>): Department {
  return ctx.sqlite.transaction(() => {
    const before = getDepartment(ctx, input.id)
    const { id, ...patch } = input
    if (patch.name !== undefined) assertUnique(ctx, 'name', patch.name, id)
    if (patch.code !== undefined) assertUnique(ctx, 'code', patch.code, id)
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined && before[k as keyof Department] !== v) changes[k] = { from: before[k as keyof Department], to: v }
    }
    if (Object.keys(changes).length === 0) return before
    const row = ctx.db
      .update(departments)
      .set({ ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])), updatedAt: nowText() })
      .where(eq(departments.id, id))
      .returning()
      .get()
    audit(ctx, { action: '修改成员单位', entity: 'department', entityId: id, detail: changes })
    return row
  })()
}

/** Swaps a department with its neighbour in the display order. */
export function moveDepartment(ctx: Ctx, id: number, direction: 'up' | 'down'): Department[] {
  return ctx.sqlite.transaction(() => {
    const all = listDepartments(ctx)
    const i = all.findIndex((d) => d.id === id)
    if (i < 0) throw new UserError(`找不到编号为 ${id} 的成员单位，请刷新后重试。`, 'not-found')
    const j = direction === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= all.length) return all
    const a = all[i]!
    const b = all[j]!
    // Renumber all first so that equal sort orders (e.g. after an exchange merge) still swap.
    all.forEach((d, k) => ctx.db.update(departments).set({ sortOrder: k + 1 }).where(eq(departments.id, d.id)).run())
    ctx.db.update(departments).set({ sortOrder: j + 1 }).where(eq(departments.id, a.id)).run()
    ctx.db.update(departments).set({ sortOrder: i + 1 }).where(eq(departments.id, b.id)).run()
    audit(ctx, { action: '调整成员单位顺序', entity: 'department', entityId: id, detail: { direction } })
    return listDepartments(ctx)
  })()
}

/** Fills an empty database with the 30 member units of the seed appendix. */
export function seedDefaultDepartments(ctx: Ctx): number {
  const count = ctx.db.select({ n: sql<number>`count(*)` }).from(departments).get()!.n
  if (count > 0) return 0
  const now = nowText()
  ctx.sqlite.transaction(() => {
    DEFAULT_DEPARTMENTS.forEach(([name, shortName, code], i) => {
      ctx.db.insert(departments).values({ name, shortName, code, sortOrder: i + 1, createdAt: now, updatedAt: now }).run()
    })
    audit(ctx, { action: '初始化默认成员单位', entity: 'department', detail: { count: DEFAULT_DEPARTMENTS.length } })
  })()
  return DEFAULT_DEPARTMENTS.length
}
