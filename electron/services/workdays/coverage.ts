import type { Ctx } from '../context'
import { todayText } from '../time'
import { coveredYears } from './calendar'
import { getHolidayOverrides } from './overrides'

/**
 * From November on, the year after the current one must have its holiday
 * arrangement before the first deadlines run into it (国务院办公厅 usually
 * publishes it in late October or November). Returns that year, or null for none.
 */
export function nextYearUncovered(ctx: Pick<Ctx, 'db'>, today = todayText()): { today: string; year: number | null } {
  const month = Number(today.slice(5, 7))
  const next = Number(today.slice(0, 4)) + 1
  if (month < 11) return { today, year: null }
  return { today, year: coveredYears(getHolidayOverrides(ctx)).includes(next) ? null : next }
}
