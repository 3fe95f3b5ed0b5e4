/** Dates and small text rules of GB/T 9704-2012. */

/**
 * 成文日期/印发日期 (§7.3.5.1, §7.4.3): Arabic digits, full year, no leading
 * zeros — 2026年3月5日. Accepts `YYYY-MM-DD` (or a Date).
 */
export function chineseDate(value: string | Date): string {
  if (value instanceof Date) return `${value.getFullYear()}年${value.getMonth() + 1}月${value.getDate()}日`
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim())
  if (!m) return value
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** A blank date for handwriting: “    年  月  日”. */
export const BLANK_DATE = '　　　　年　　月　　日'

/** Joins names with the Chinese enumeration comma. */
export function enumerate(items: readonly string[]): string {
  return items.filter((s) => s && s.trim()).join('、')
}
