/**
 * Turning what office spreadsheets contain into plain values: cell objects
 * (rich text, formulas, hyperlinks) into text, header captions into a form
 * that can be compared, and dates written in the many ways people write them.
 */

import type { RawCell } from '../../spreadsheet/cell'
export type { RawCell }

/** Flattens exceljs cell values (rich text, formula results, hyperlinks, errors) into a RawCell. */
export function plainCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return v
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('')
    if ('result' in o) return plainCell(o.result)
    if ('formula' in o || 'sharedFormula' in o) return null
    if (typeof o.text === 'string') return o.text
    if ('error' in o) return null
    if ('sharedString' in o) return null
  }
  return String(v)
}

/**
 * Full-width digits, Latin letters and the ideographic space become half-width.
 * Full-width punctuation such as （ ） stays: it is part of official Chinese names.
 */
const WIDE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0]/

export function halfWidthAlnum(s: string): string {
  // Most cells have nothing to convert: skip the two replaces (this runs for every cell of every row).
  if (!WIDE.test(s)) return s
  return s
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, ' ')
}

/** Text of a cell for a free-text field: trimmed, runs of white space (incl. line breaks) collapsed to one space. */
/** Anything cellText or cellLongText would change: white space of any kind, full-width letters and digits. */
const TOUCHED = /[\s\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0]/

export function cellText(v: RawCell): string {
  if (v === null) return ''
  if (typeof v === 'string') {
    // Most cells need nothing: one test instead of the two below (this runs for every cell of every row).
    if (!TOUCHED.test(v)) return v
  } else if (v instanceof Date) return isoDate(v)
  else if (typeof v === 'number') return numberText(v)
  const t = halfWidthAlnum(String(v))
  // Only rewrite when there is something to collapse: a non-space blank, two spaces, or an edge space.
  return /[^\S ]| {2}|^ | $/.test(t) ? t.replace(/\s+/g, ' ').trim() : t
}

/** Text of a cell for a long field (检查内容, 经营范围…): like cellText but line breaks the author typed are kept. */
export function cellLongText(v: RawCell): string {
  if (v === null || typeof v !== 'string') return cellText(v)
  if (!TOUCHED.test(v)) return v
  return halfWidthAlnum(v)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Numbers without exponent or float noise: 320100000012345 stays as typed. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n)
  return String(Number(n.toPrecision(15)))
}

/** A header caption reduced for comparison: no white space, half-width, no bracketed notes, no * marks. */
export function normalizeHeader(s: string): string {
  const half = String(s ?? '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  return half
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[*＊※]/g, '')
    .replace(/\([^)]*\)$/g, '') // trailing "(必填)", "(YYYY-MM-DD)"
    .replace(/[:：]$/, '')
    .toUpperCase()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function isoDate(d: Date): string {
  // exceljs builds dates at UTC midnight from the serial number; read them back in UTC.
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999) return null
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** Excel's 1900 date system (with its phantom 1900-02-29): serial → YYYY-MM-DD. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null
  const days = Math.floor(serial)
  const epoch = Date.UTC(1899, 11, days >= 61 ? 30 : 31)
  return isoDate(new Date(epoch + days * 86400000))
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  const t = Date.UTC(y!, m! - 1, d!)
  const days = Math.round((t - Date.UTC(1899, 11, 30)) / 86400000)
  return days < 61 ? days - 1 : days
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** YYYY-MM-DD in ASCII: the date (as given) when real, null when not a real date, undefined when not that form. */
function strictIso(s: string): string | null | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined
  let y = 0
  let m = 0
  let d = 0
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return undefined
    if (i < 4) y = y * 10 + c
    else if (i < 7) m = m * 10 + c
    else d = d * 10 + c
  }
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]!) ? s : null
}

export type DateParse = { ok: true; value: string | null } | { ok: false; raw: string }

/**
 * Reads a date written as an Excel date (number or Date cell), 2019年3月5日,
 * 2019/3/5, 2019.03.05, 20190305 or 2019-03-05 (a time after it is ignored).
 * Blank → { ok: true, value: null }.
 */
export function parseDate(v: RawCell): DateParse {
  if (v === null) return { ok: true, value: null }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { ok: false, raw: String(v) } : { ok: true, value: isoDate(v) }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      const r = realDate(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100)
      return r ? { ok: true, value: r } : { ok: false, raw: String(v) }
    }
    const r = excelSerialToIso(v)
    return r ? { ok: true, value: r } : { ok: false, raw: numberText(v) }
  }
  const raw = String(v)
  // The form our own exports write, checked without regular expressions or Date objects.
  const fast = strictIso(raw)
  if (fast !== undefined) return fast === null ? { ok: false, raw } : { ok: true, value: raw }
  // All full-width forms here, punctuation included: ２０１９－０３－０５ and ２０１９／３／５ are dates too.
  const s = raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000\u00a0]+/g, ' ').trim()
  if (!s) return { ok: true, value: null }
  let m = /^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s)
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) {
    const r = realDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return r ? { ok: true, value: r } : { ok: false, raw }
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    // A serial number that arrived as text (e.g. pasted from another sheet).
    const r = excelSerialToIso(Number(s))
    return r ? { ok: true, value: r } : { ok: false, raw }
  }
  return { ok: false, raw }
}
