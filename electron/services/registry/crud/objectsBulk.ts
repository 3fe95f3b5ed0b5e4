/**
 * Actions on “everything the table shows”: the same filter as the table
 * (objectFilter), applied in one UPDATE inside one transaction, with one audit
 * entry that records the filter and how many objects changed.
 */
import type { BulkResult, CreditClass, FacetCount, ObjectFacets, ObjectFilter } from '@contract'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { objectFilter } from '../objects/query'
import { halfWidthAlnum } from '../spreadsheet/normalize'

/** A tag is one word: the tags column is space-separated and the import splits on 、，,；;/ as well. */
export function normalizeTag(raw: string): string {
  const tag = halfWidthAlnum(raw).trim()
  if (!tag) throw new UserError('请填写标签。', 'invalid')
  if (/[\s、，,；;/]/.test(tag)) throw new UserError(`标签“${tag}”中不能有空格或 、，,；;/ 等分隔符，请只填一个标签。`, 'invalid')
  if ([...tag].length > 20) throw new UserError(`标签“${tag}”太长，请不超过 20 个字。`, 'invalid')
  return tag
}

function matched(ctx: Pick<Ctx, 'sqlite'>, where: string, params: unknown[]): number {
  return (ctx.sqlite.prepare(`SELECT count(*) AS n FROM objects o ${where}`).get(...params) as { n: number }).n
}

/** Nothing to filter on means every object: allowed, but the audit says so plainly. */
function describe(filter: ObjectFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''))
}

export function bulkTagObjects(ctx: Ctx, filter: ObjectFilter, rawTag: string, action: 'add' | 'remove'): BulkResult {
  const tag = normalizeTag(rawTag)
  return ctx.sqlite.transaction(() => {
    const { where, params } = objectFilter(filter)
    const total = matched(ctx, where, params)
    const has = `(' ' || tags || ' ') LIKE ? ESCAPE '\\'`
    const like = `% ${tag.replace(/[\\%_]/g, (c) => `\\${c}`)} %`
    const set =
      action === 'add'
        ? `tags = CASE WHEN tags = '' THEN ? ELSE tags || ' ' || ? END`
        : `tags = trim(replace(' ' || tags || ' ', ' ' || ? || ' ', ' '))`
    const setParams = action === 'add' ? [tag, tag] : [tag]
    const changed = ctx.sqlite
      .prepare(`UPDATE objects SET ${set}, updated_at = ? WHERE id IN (SELECT o.id FROM objects o ${where}) AND ${action === 'add' ? 'NOT ' : ''}${has}`)
      .run(...setParams, nowText(), ...params, like).changes
    audit(ctx, {
      action: action === 'add' ? '批量添加对象标签' : '批量移除对象标签',
      entity: 'object',
      detail: { filter: describe(filter), tag, matched: total, changed }
    })
    return { matched: total, changed }
  })()
}

export function bulkSetCreditClass(ctx: Ctx, filter: ObjectFilter, creditClass: CreditClass): BulkResult {
  if (!['A', 'B', 'C', 'D'].includes(creditClass)) throw new UserError('信用风险分类应为 A、B、C、D 之一。', 'invalid')
  return ctx.sqlite.transaction(() => {
    const { where, params } = objectFilter(filter)
    const total = matched(ctx, where, params)
    const changed = ctx.sqlite
      .prepare(`UPDATE objects SET credit_class = ?, updated_at = ? WHERE id IN (SELECT o.id FROM objects o ${where}) AND credit_class <> ?`)
      .run(creditClass, nowText(), ...params, creditClass).changes
    audit(ctx, { action: '批量设置信用风险分类', entity: 'object', detail: { filter: describe(filter), creditClass, matched: total, changed } })
    return { matched: total, changed }
  })()
}

function groupCounts(ctx: Pick<Ctx, 'sqlite'>, col: string): FacetCount[] {
  return ctx.sqlite.prepare(`SELECT ${col} AS value, count(*) AS count FROM objects WHERE ${col} <> '' GROUP BY ${col} ORDER BY count DESC, value`).all() as FacetCount[]
}

/** The choices of the filter drop-downs, with how many objects each has. */
export function objectFacets(ctx: Pick<Ctx, 'sqlite'>): ObjectFacets {
  // Few distinct tag combinations even over 150 000 objects: split them here rather than per row.
  const combos = ctx.sqlite.prepare(`SELECT tags, count(*) AS n FROM objects WHERE tags <> '' GROUP BY tags`).all() as { tags: string; n: number }[]
  const tags = new Map<string, number>()
  for (const c of combos) for (const t of c.tags.split(' ')) if (t) tags.set(t, (tags.get(t) ?? 0) + c.n)
  return {
    townships: groupCounts(ctx, 'township'),
    industries: groupCounts(ctx, 'industry'),
    statuses: groupCounts(ctx, 'reg_status'),
    tags: [...tags].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh'))
  }
}
