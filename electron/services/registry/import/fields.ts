/** Readers for the coded values of the registries, tolerant of how offices write them. */
import { halfWidthAlnum, cellText, type RawCell } from '../spreadsheet/normalize'
import type { ObjectKind } from '../spreadsheet/layouts'

export function parseCreditClass(text: string): 'A' | 'B' | 'C' | 'D' | null {
  if (text === 'A' || text === 'B' || text === 'C' || text === 'D') return text
  const t = halfWidthAlnum(text).replace(/\s+/g, '').toUpperCase()
  const m = /^([ABCD])(类|级|类企业)?$/.exec(t)
  if (m) return m[1] as 'A' | 'B' | 'C' | 'D'
  const words: Record<string, 'A' | 'B' | 'C' | 'D'> = {
    低风险: 'A', 信用风险低: 'A', 一般风险: 'B', 信用风险一般: 'B', 较高风险: 'C', 信用风险较高: 'C', 高风险: 'D', 信用风险高: 'D'
  }
  return words[t] ?? null
}

/** 存续 is what the draw filters on (R4); the synonyms the 登记 systems print mean the same. */
export function parseRegStatus(text: string): string {
  if (text === '存续') return text
  const t = text.replace(/\s+/g, '')
  if (/^(存续|在营|开业|在业|在册|正常|存续\(在营、开业、在册\))$/.test(t.replace(/[（]/g, '(').replace(/[）]/g, ')'))) return '存续'
  return t
}

export function parseKind(text: string): ObjectKind | null {
  const t = text.replace(/\s+/g, '')
  if (!t) return null
  if (/社会团体|社团|民办非企业|社会组织/.test(t)) return 'social'
  if (/机关|事业单位/.test(t)) return 'institution'
  if (/市场主体|企业|个体|农民专业合作社|公司/.test(t)) return 'market'
  return null
}

/** Splits a list written with 、，,；; / or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function parseYesNo(text: string): boolean | null {
  const t = halfWidthAlnum(text).replace(/\s+/g, '').toUpperCase()
  if (/^(是|Y|YES|TRUE|1|√|专家|辅助人员|专家\/辅助人员|辅助|外聘专家)$/.test(t)) return true
  if (/^(否|N|NO|FALSE|0|×|执法人员|检查人员|在编|行政执法人员)$/.test(t)) return false
  return null
}

/**
 * A ratio cap as 千分比: "5%", "5", "0.05", "50‰", "不超过5%". A bare number
 * above 1 is read as a percentage, at most 1 as a fraction.
 */
export function parseRatioPermille(v: RawCell): number | null | 'bad' {
  if (v === null) return null
  if (typeof v === 'number') return v <= 1 ? Math.round(v * 1000) : v <= 100 ? Math.round(v * 10) : 'bad'
  const t = halfWidthAlnum(cellText(v)).replace(/\s+/g, '').replace(/^(不超过|不高于|最高|上限)/, '')
  if (!t) return null
  const m = /^(\d+(?:\.\d+)?)(%|％|‰)?$/.exec(t)
  if (!m) return 'bad'
  const n = Number(m[1])
  const permille = m[2] === '‰' ? n : m[2] ? n * 10 : n <= 1 ? n * 1000 : n * 10
  if (permille > 1000) return 'bad'
  return Math.round(permille)
}

export function formatPermille(p: number | null): string {
  if (p === null) return ''
  return `${Number((p / 10).toFixed(1))}%`
}
