/** Chinese names for what the exchange shows: entities, the columns that differ in a conflict, and values. */

/** The office's agency code in packages; never shown to the clerk. */
const OFFICE_CODE = 'OFFICE'
/** An agency as shown: the office by its name alone, a department with its code from 成员单位. */
export const agencyLabel = (a: { name: string; code: string }) => (a.code === OFFICE_CODE ? a.name : `${a.name}（${a.code}）`)

export { ENTITY_LABEL, fieldLabel } from '@contract'
import { ENTITY_LABEL } from '@contract'

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** “检查对象 120，执法检查人员 8” from `{ objects: 120, inspectors: 8 }`. */
export function countsText(contents: Record<string, unknown>): string {
  const parts = Object.entries(contents)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([e, n]) => `${ENTITY_LABEL[e] ?? e} ${n}`)
  return parts.length ? parts.join('，') : '无记录'
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} 字节`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** The fingerprint as its eight groups of five digits. */
export function fingerprintGroups(fp: string): string[] {
  const digits = fp.replace(/\D/g, '')
  return digits.match(/\d{5}/g) ?? [fp]
}

/**
 * A name from 设置 or 成员单位 written out in full for other agencies:
 * “县市场监管局” in 泗阳县 is 泗阳县市场监管局 (as a 检查主体 is written).
 */
export function withCounty(name: string, county: string): string {
  const n = name.trim()
  const c = county.trim()
  if (!c || n.startsWith(c)) return n
  return n.startsWith('县') ? `${c}${n.slice(1)}` : n
}
