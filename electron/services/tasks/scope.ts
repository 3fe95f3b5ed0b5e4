import { normalizeCode } from '../registry/identifiers'
import type { Ctx } from '../context'
import { objectScopeSchema, type ObjectScope, type ObjectScopeInput } from '@contract'

/** Parses and tidies a scope: codes normalised, duplicates gone, R4 default restored when left empty. */
export function normalizeScope(input: ObjectScopeInput | ObjectScope | undefined): ObjectScope {
  const s = objectScopeSchema.parse(input ?? {})
  const uniq = <T>(a: T[]) => [...new Set(a)]
  return {
    ...s,
    kinds: uniq(s.kinds),
    townships: uniq(s.townships),
    industries: uniq(s.industries),
    tags: uniq(s.tags),
    ownerDeptIds: uniq(s.ownerDeptIds),
    regStatus: s.regStatus.length ? uniq(s.regStatus) : ['存续'],
    include: uniq(s.include.map(normalizeCode).filter(Boolean)),
    exclude: uniq(s.exclude.map(normalizeCode).filter(Boolean))
  }
}

/**
 * The registry as scope queries read it. With no filter at all the planner
 * would walk objects_class_idx and fetch every wide row; the covering index
 * answers every scope column, class, status and code without the table.
 */
export const SCOPE_FROM = 'objects o INDEXED BY objects_scope_cover_idx'

export interface ScopeSql {
  /** true for objects the scope selects (before any exclusion); alias `o` = objects */
  where: string
  params: unknown[]
  /** 1 when the object is on the explicit exclude list */
  listed: string
  listedParams: unknown[]
  /** 1 when the object's 登记状态 is eligible (R4) */
  active: string
  activeParams: unknown[]
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/**
 * Turns a scope into SQL over `objects o`. Lists are bound as parameters;
 * long code lists go through json_each so the statement stays small. Every
 * column used is in objects_scope_cover_idx, so counting needs no table rows.
 */
export function scopeSql(scope: ObjectScope): ScopeSql {
  const conds: string[] = []
  const params: unknown[] = []
  if (scope.codesOnly) conds.push('0')
  else {
    if (scope.kinds.length) {
      conds.push(`o.kind IN (${marks(scope.kinds.length)})`)
      params.push(...scope.kinds)
    }
    if (scope.townships.length) {
      conds.push(`o.township IN (${marks(scope.townships.length)})`)
      params.push(...scope.townships)
    }
    if (scope.industries.length) {
      conds.push(`o.industry IN (${marks(scope.industries.length)})`)
      params.push(...scope.industries)
    }
    if (scope.ownerDeptIds.length) {
      conds.push(`o.owner_dept_id IN (${marks(scope.ownerDeptIds.length)})`)
      params.push(...scope.ownerDeptIds)
    }
    if (scope.tags.length) {
      // tags are space-separated; padding both sides makes a whole-word match
      conds.push(`(${scope.tags.map(() => `instr(' ' || o.tags || ' ', ?) > 0`).join(' OR ')})`)
      params.push(...scope.tags.map((t) => ` ${t} `))
    }
  }
  let where = conds.length ? conds.join(' AND ') : '1'
  if (scope.include.length) {
    where = `(${where}) OR o.code IN (SELECT value FROM json_each(?))`
    params.push(JSON.stringify(scope.include))
  }
  return {
    where: `(${where})`,
    params,
    listed: scope.exclude.length ? `(o.code IN (SELECT value FROM json_each(?)))` : '0',
    listedParams: scope.exclude.length ? [JSON.stringify(scope.exclude)] : [],
    active: `(o.reg_status IN (${marks(scope.regStatus.length)}))`,
    activeParams: [...scope.regStatus]
  }
}

/** 抽查对象总数 of a plan entry: objects in scope that are eligible by status and not excluded by list. */
export function countScope(ctx: Pick<Ctx, 'sqlite'>, scopeIn: ObjectScopeInput | ObjectScope): number {
  const s = scopeSql(normalizeScope(scopeIn))
  const row = ctx.sqlite
    .prepare(`SELECT COUNT(*) AS n FROM ${SCOPE_FROM} WHERE ${s.where} AND ${s.active} AND NOT ${s.listed}`)
    .get(...s.params, ...s.activeParams, ...s.listedParams) as { n: number }
  return row.n
}
