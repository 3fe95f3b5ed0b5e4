/**
 * The demo year is laid out relative to "today", so that one task is overdue
 * for publication and one is due within days whenever the demo is loaded.
 */
import { addWorkdays, isWorkday, workdaysBetween, type HolidayOverride } from '../../workdays'

const DAY = 86_400_000

export function addDays(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * DAY
  return new Date(t).toISOString().slice(0, 10)
}

/** The nearest working day on or before `date`. */
export function workdayOnOrBefore(date: string, extra: readonly HolidayOverride[]): string {
  let d = date
  while (!isWorkday(d, extra)) d = addDays(d, -1)
  return d
}

/** The working day `n` working days before `today` (so that `workdaysBetween(result, today) === n`). */
export function workdaysBefore(today: string, n: number, extra: readonly HolidayOverride[]): string {
  let d = workdayOnOrBefore(addDays(today, -1), extra)
  while (workdaysBetween(d, today, extra) < n) d = workdayOnOrBefore(addDays(d, -1), extra)
  return d
}

/** The completion date whose publication deadline (N working days later) is `offset` working days from today (negative: overdue). */
export function completionFor(today: string, publicationDays: number, offset: number, extra: readonly HolidayOverride[]): string {
  const back = publicationDays - offset
  const c = workdaysBefore(today, back, extra)
  // the deadline must come out where intended even around holidays
  const due = addWorkdays(c, publicationDays, extra)
  return offset < 0 ? (due < today ? c : workdaysBefore(today, back + 1, extra)) : c
}

/** `n` working days spread evenly between two dates (inclusive), ascending, always ending on `to`. */
export function spread(from: string, to: string, n: number, extra: readonly HolidayOverride[]): string[] {
  const days: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, extra)) days.push(d)
  if (!days.length) return Array(n).fill(to)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(days[Math.min(days.length - 1, Math.round(((i + 1) * (days.length - 1)) / n))]!)
  out[n - 1] = to
  return out.sort()
}
