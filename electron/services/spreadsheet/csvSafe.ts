/**
 * CSV formula neutralising, shared by every CSV the program writes: a cell
 * that Excel/WPS would run as a formula (= + - @, or a leading TAB/CR that
 * some versions strip before looking) gets a leading apostrophe. A number
 * such as -5 stays as it is. The reader takes exactly that apostrophe off
 * again, so export → import of a CSV gives the text back unchanged.
 */

const NUMBER = /^-\d+(\.\d+)?([eE][+-]?\d+)?$/

export function needsFormulaGuard(s: string): boolean {
  const c = s.charAt(0)
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r') return true
  if (c === '-') return !NUMBER.test(s)
  // An apostrophe before such a cell is guarded too, so that un-guarding is exact.
  if (c === "'") return needsFormulaGuard(s.slice(1))
  return false
}

export function guardCsvText(s: string): string {
  return needsFormulaGuard(s) ? `'${s}` : s
}

export function unguardCsvText(s: string): string {
  return s.charAt(0) === "'" && needsFormulaGuard(s.slice(1)) ? s.slice(1) : s
}

/** One CSV field: guarded, then quoted when it holds a quote, comma or line break. */
export function csvField(v: unknown): string {
  const raw = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)
  const s = guardCsvText(raw)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
