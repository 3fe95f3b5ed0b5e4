/**
 * Working days (工作日) for the publication deadline (DESIGN.md R10): weekends
 * and statutory holidays are skipped, the adjusted working Saturdays/Sundays
 * (调休上班) count. The official arrangement is published by 国务院办公厅 each
 * year; the bundled table comes from the `chinese-days` package, and a county can
 * add the arrangement of a later year itself (see overrides.ts).
 *
 * Dates are plain `YYYY-MM-DD` strings, computed in UTC so that the local time
 * zone of the PC never shifts a day.
 */
import bundled from '../../../resources/holidays/cn.json'
import type { YearTable } from './table'

export type HolidayOverride = YearTable

interface Calendar {
  holidays: Set<string>
  workdays: Set<string>
  years: Set<number>
}

const BUNDLED: Calendar = build((bundled as { years: YearTable[] }).years, [])
/** Which version of the package the bundled table was taken from, e.g. `chinese-days@1.5.7`. */
export const BUNDLED_SOURCE: string = (bundled as { source: string }).source

/**
 * An override for a year replaces the bundled arrangement of that year entirely,
 * so that a corrected table never mixes with the one it corrects.
 */
function build(base: YearTable[], extra: readonly HolidayOverride[]): Calendar {
  const byYear = new Map<number, YearTable>()
  for (const t of base) byYear.set(t.year, t)
  for (const t of extra) byYear.set(t.year, t)
  const cal: Calendar = { holidays: new Set(), workdays: new Set(), years: new Set(byYear.keys()) }
  for (const t of byYear.values()) {
    for (const d of t.holidays) cal.holidays.add(d)
    for (const d of t.workdays) cal.workdays.add(d)
  }
  return cal
}

function calendarFor(extra?: readonly HolidayOverride[]): Calendar {
  return extra && extra.length ? build((bundled as { years: YearTable[] }).years, extra) : BUNDLED
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function toUtc(date: string): number {
  const m = DATE_RE.exec(date)
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN
  if (!m || new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  return t
}

const DAY = 86_400_000
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10)

function isWorkdayIn(cal: Calendar, date: string, t: number): boolean {
  if (cal.workdays.has(date)) return true
  if (cal.holidays.has(date)) return false
  const dow = new Date(t).getUTCDay()
  return dow !== 0 && dow !== 6
}

export function isWorkday(date: string, extra?: readonly HolidayOverride[]): boolean {
  return isWorkdayIn(calendarFor(extra), date, toUtc(date))
}

/** The date that is the n-th working day after `start` (start itself never counts); n = 0 gives start. */
export function addWorkdays(start: string, n: number, extra?: readonly HolidayOverride[]): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  const cal = calendarFor(extra)
  let t = toUtc(start)
  let left = n
  while (left > 0) {
    t += DAY
    if (isWorkdayIn(cal, fromUtc(t), t)) left--
  }
  return fromUtc(t)
}

/**
 * Working days d with a < d ≤ b: how many working days have passed from a to b,
 * so that `addWorkdays(a, workdaysBetween(a, b))` is b when b is a working day.
 * Negative when b is before a.
 */
export function workdaysBetween(a: string, b: string, extra?: readonly HolidayOverride[]): number {
  const ta = toUtc(a)
  const tb = toUtc(b)
  if (tb < ta) return -workdaysBetween(b, a, extra)
  const cal = calendarFor(extra)
  let count = 0
  for (let t = ta + DAY; t <= tb; t += DAY) if (isWorkdayIn(cal, fromUtc(t), t)) count++
  return count
}

/** Years whose holiday arrangement is known (bundled or added), ascending. */
export function coveredYears(extra?: readonly HolidayOverride[]): number[] {
  return [...calendarFor(extra).years].sort((x, y) => x - y)
}

/** Years touched by the range [a, b] whose arrangement is unknown: there only weekends are skipped. */
export function uncoveredYears(a: string, b: string, extra?: readonly HolidayOverride[]): number[] {
  const ya = Number(a.slice(0, 4))
  const yb = Number(b.slice(0, 4))
  const known = calendarFor(extra).years
  const out: number[] = []
  for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) if (!known.has(y)) out.push(y)
  return out
}

/** The sentence the UI shows beside a deadline that runs into uncovered years, or null. */
export function coverageWarning(years: readonly number[]): string | null {
  if (!years.length) return null
  const list = years.map((y) => `${y} 年`).join('、')
  return `程序中没有 ${list}的法定节假日安排，期限只跳过了周六、周日，未考虑节假日和调休。请在“设置”中补充 ${list}的节假日安排后再核对期限。`
}
