import type { Ctx } from '../context'
import { quotaFor } from '../draws/objectDraw'
import { CREDIT_CLASSES, type ClassPreview, type CreditClassName, type DrawRuleSpec, type EligibilityPreview, type ObjectScope } from '@contract'
import { normalizeScope, SCOPE_FROM, scopeSql } from './scope'

/** Reasons exactly as printed in the preview, the frozen pool and the draw evidence. */
export const REASON = {
  listed: '任务方案列明排除',
  notActive: (status: string, allowed: string[]) => `登记状态为“${status || '未填写'}”，不属于本任务可抽查的登记状态（${allowed.join('、')}）`,
  yearCap: (n: number) => `本年度已被抽查 ${n} 次，同一对象每年抽查不超过两次`,
  classACap: (n: number) => `信用风险 A 类（低风险）对象本年度已被抽查 ${n} 次，每年不超过一次`
}

export interface EligibilityQuery {
  year: number
  scope: ObjectScope
  rule: DrawRuleSpec
  /** this task's own inspections do not count against it */
  taskUid?: string
}

/** Inspections per object in a year, other tasks only (R2). */
const HIST = `SELECT object_code, COUNT(DISTINCT task_uid) AS n FROM object_inspections WHERE year = ? AND task_uid <> ? GROUP BY object_code`

const emptyClass = (): ClassPreview => ({ inScope: 0, excluded: { listed: 0, notActive: 0, yearCap: 0, classACap: 0 }, eligible: 0, toDraw: 0 })

/**
 * Counts per class in two GROUP BY queries, each answered from a covering
 * index (objects_scope_cover_idx, objects_code_cover_idx). Exclusion
 * precedence: listed → not 存续 → twice this year → class A once.
 */
export function eligibilityCounts(ctx: Pick<Ctx, 'sqlite'>, q: EligibilityQuery): Omit<EligibilityPreview, 'problems' | 'elapsedMs'> {
  const scope = normalizeScope(q.scope)
  const s = scopeSql(scope)
  const byClass = Object.fromEntries(CREDIT_CLASSES.map((c) => [c, emptyClass()])) as Record<CreditClassName, ClassPreview>
  const reasons = new Map<string, number>()
  const bump = (r: string, n: number) => reasons.set(r, (reasons.get(r) ?? 0) + n)

  // 1. the scope by class, list exclusion and status: one scan of the covering index
  const scopeRows = ctx.sqlite
    .prepare(
      `SELECT o.credit_class AS cls, ${s.listed} AS listed, CASE WHEN ${s.active} THEN NULL ELSE o.reg_status END AS badStatus, COUNT(*) AS n
       FROM ${SCOPE_FROM} WHERE ${s.where} GROUP BY 1, 2, 3`
    )
    .all(...s.listedParams, ...s.activeParams, ...s.params) as { cls: CreditClassName; listed: number; badStatus: string | null; n: number }[]
  for (const r of scopeRows) {
    const c = byClass[r.cls]
    if (!c) continue
    c.inScope += r.n
    if (r.listed) {
      c.excluded.listed += r.n
      bump(REASON.listed, r.n)
    } else if (r.badStatus !== null) {
      c.excluded.notActive += r.n
      bump(REASON.notActive(r.badStatus, scope.regStatus), r.n)
    }
  }

  // 2. R2 among the rest: start from this year's history (small) and look each object up by code
  const histRows = ctx.sqlite
    .prepare(
      `SELECT o.credit_class AS cls, h.n AS times, COUNT(*) AS n
       FROM (${HIST}) h JOIN objects o INDEXED BY objects_code_cover_idx ON o.code = h.object_code
       WHERE ${s.where} AND ${s.active} AND NOT ${s.listed} AND (h.n >= 2 OR o.credit_class = 'A')
       GROUP BY 1, 2`
    )
    .all(q.year, q.taskUid ?? '', ...s.params, ...s.activeParams, ...s.listedParams) as { cls: CreditClassName; times: number; n: number }[]
  for (const r of histRows) {
    const c = byClass[r.cls]
    if (!c) continue
    if (r.times >= 2) {
      c.excluded.yearCap += r.n
      bump(REASON.yearCap(r.times), r.n)
    } else {
      c.excluded.classACap += r.n
      bump(REASON.classACap(r.times), r.n)
    }
  }

  const total = emptyClass()
  for (const cls of CREDIT_CLASSES) {
    const c = byClass[cls]
    const ex = c.excluded
    c.eligible = c.inScope - ex.listed - ex.notActive - ex.yearCap - ex.classACap
    c.toDraw = quotaFor(c.eligible, q.rule[cls])
    total.inScope += c.inScope
    total.eligible += c.eligible
    total.toDraw += c.toDraw
    for (const k of Object.keys(ex) as (keyof typeof ex)[]) total.excluded[k] += ex[k]
  }
  return {
    year: q.year,
    byClass,
    total,
    exclusions: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
  }
}

export interface PoolRow {
  code: string
  name: string
  township: string
  creditClass: CreditClassName
  excludedReason: string | null
}

/** Every object in scope with its verdict, in code order: what publishing freezes. */
export function listPool(ctx: Pick<Ctx, 'sqlite'>, q: Omit<EligibilityQuery, 'rule'>): PoolRow[] {
  const scope = normalizeScope(q.scope)
  const s = scopeSql(scope)
  const rows = ctx.sqlite
    .prepare(
      `SELECT o.code, o.name, o.township, o.credit_class AS creditClass, o.reg_status AS regStatus,
              ${s.listed} AS listed, ${s.active} AS active, COALESCE(h.n, 0) AS times
       FROM objects o LEFT JOIN (${HIST}) h ON h.object_code = o.code
       WHERE ${s.where} ORDER BY o.code`
    )
    .all(...s.listedParams, ...s.activeParams, q.year, q.taskUid ?? '', ...s.params) as {
    code: string
    name: string
    township: string
    creditClass: CreditClassName
    regStatus: string
    listed: number
    active: number
    times: number
  }[]
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    township: r.township,
    creditClass: r.creditClass,
    excludedReason: r.listed
      ? REASON.listed
      : !r.active
        ? REASON.notActive(r.regStatus, scope.regStatus)
        : r.times >= 2
          ? REASON.yearCap(r.times)
          : r.creditClass === 'A' && r.times >= 1
            ? REASON.classACap(r.times)
            : null
  }))
}
