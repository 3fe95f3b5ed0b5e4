/**
 * The county's own holiday arrangements for years the bundled table does not
 * cover (or corrections to one it does), stored as JSON in the `settings`
 * table under `holidayOverrides`.
 */
import { eq } from 'drizzle-orm'
import { settings } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { nowText } from '../time'
import { UserError } from '../errors'
import type { HolidayOverride } from './calendar'

export const HOLIDAY_OVERRIDES_KEY = 'holidayOverrides'

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

function isRealDate(d: string): boolean {
  if (!DATE_RE.test(d)) return false
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return new Date(t).toISOString().slice(0, 10) === d
}

/** Checks and normalises (sorted, de-duplicated, ordered by year); throws a UserError naming the bad entry. */
export function validateOverrides(input: readonly HolidayOverride[]): HolidayOverride[] {
  const seen = new Set<number>()
  const out: HolidayOverride[] = []
  for (const o of input) {
    if (!Number.isInteger(o.year) || o.year < 2000 || o.year > 2100) throw new UserError(`节假日安排的年份“${o.year}”无效，请填写 2000 至 2100 之间的年份。`)
    if (seen.has(o.year)) throw new UserError(`${o.year} 年的节假日安排填写了两次，请合并为一份。`)
    seen.add(o.year)
    const holidays = [...new Set(o.holidays)].sort()
    const workdays = [...new Set(o.workdays)].sort()
    for (const d of [...holidays, ...workdays]) {
      if (!isRealDate(d)) throw new UserError(`${o.year} 年节假日安排中的“${d}”不是有效日期，请按 2027-10-01 的格式填写。`)
      if (d.slice(0, 4) !== String(o.year)) throw new UserError(`日期 ${d} 不属于 ${o.year} 年，请放到对应年份的安排中。`)
    }
    const both = holidays.find((d) => workdays.includes(d))
    if (both) throw new UserError(`${both} 同时被填为放假日和调休上班日，请只保留一种。`)
    out.push({ year: o.year, holidays, workdays })
  }
  return out.sort((a, b) => a.year - b.year)
}

export function getHolidayOverrides(ctx: Pick<Ctx, 'db'>): HolidayOverride[] {
  const row = ctx.db.select().from(settings).where(eq(settings.key, HOLIDAY_OVERRIDES_KEY)).get()
  if (!row) return []
  try {
    return validateOverrides(JSON.parse(row.value) as HolidayOverride[])
  } catch {
    // A damaged stored value must not stop deadlines from being computed; the UI shows the bundled years only.
    return []
  }
}

/** Replaces the whole set of overrides (the settings page edits them as one table). */
export function setHolidayOverrides(ctx: Ctx, input: readonly HolidayOverride[]): HolidayOverride[] {
  const next = validateOverrides(input)
  const before = getHolidayOverrides(ctx)
  if (JSON.stringify(before) === JSON.stringify(next)) return next
  ctx.sqlite.transaction(() => {
    const row = { key: HOLIDAY_OVERRIDES_KEY, value: JSON.stringify(next), updatedAt: nowText() }
    ctx.db.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run()
    audit(ctx, { action: '修改节假日安排', entity: 'settings', entityId: HOLIDAY_OVERRIDES_KEY, detail: { from: before, to: next } })
  })()
  return next
}
