/**
 * Identifiers of the registries (DESIGN.md §7): 统一社会信用代码 (GB 32100-2015),
 * the old 15-digit 注册号 (ISO 7064 MOD 11,10), 身份证号 (GB 11643-1999), 手机号码.
 */

/** Trim, drop inner white space, full-width → half-width, upper-case. */
export function normalizeCode(raw: unknown): string {
  // Codes as they should be written (digits and capitals only) need no rewriting: checked per character.
  if (typeof raw === 'string' && raw.length > 0 && raw.length <= 20) {
    let plain = true
    for (let i = 0; i < raw.length && plain; i++) {
      const c = raw.charCodeAt(i)
      plain = (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
    }
    if (plain) return raw
  }
  return toHalfWidth(String(raw ?? ''))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .toUpperCase()
}

/** Full-width ASCII (FF01–FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 characters of a 统一社会信用代码, or null if one is not allowed. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '')
    if (v < 0) return null
    sum += v * USCC_WEIGHTS[i]!
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!
}

export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code) && usccCheckChar(code.slice(0, 17)) === code[17]
}

/** ISO 7064 MOD 11,10 check digit for the first 14 digits of a 注册号. */
export function regNoCheckDigit(first14: string): string {
  let p = 10
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10
    if (s === 0) s = 10
    p = (s * 2) % 11
  }
  return String((11 - p) % 10)
}

export function isValidRegNo(code: string): boolean {
  return /^\d{15}$/.test(code) && regNoCheckDigit(code.slice(0, 14)) === code[14]
}

export type CodeCheck = { ok: true; code: string; kind: 'uscc' | 'regno' } | { ok: false; code: string; reason: string }

/** Validates an object's identifier after normalising it; the reason is a Chinese sentence. */
export function checkObjectCode(raw: unknown): CodeCheck {
  const code = normalizeCode(raw)
  if (!code) return { ok: false, code, reason: '缺少统一社会信用代码/注册号' }
  if (code.length === 18) {
    if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return { ok: false, code, reason: `统一社会信用代码“${code}”含有不允许的字符（不能含 I、O、Z、S、V）` }
    if (!isValidUscc(code)) return { ok: false, code, reason: `统一社会信用代码“${code}”校验位错误，应为 ${usccCheckChar(code.slice(0, 17))}，请核对` }
    return { ok: true, code, kind: 'uscc' }
  }
  if (code.length === 15) {
    if (!/^\d{15}$/.test(code)) return { ok: false, code, reason: `注册号“${code}”应为 15 位数字` }
    if (!isValidRegNo(code)) return { ok: false, code, reason: `注册号“${code}”校验位错误，应为 ${regNoCheckDigit(code.slice(0, 14))}，请核对` }
    return { ok: true, code, kind: 'regno' }
  }
  return { ok: false, code, reason: `“${code}”长度为 ${code.length} 位：统一社会信用代码应为 18 位，注册号应为 15 位` }
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11]!
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

export type IdCheck = { ok: true; id: string; birth: string; gender: '男' | '女' } | { ok: false; id: string; reason: string }

export function checkIdNumber(raw: unknown): IdCheck {
  const id = normalizeCode(raw)
  if (!id) return { ok: false, id, reason: '缺少身份证号' }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, id, reason: `身份证号“${id}”应为 18 位（前 17 位数字，末位数字或 X）` }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, id, reason: `身份证号“${id}”中的出生日期 ${id.slice(6, 14)} 不是有效日期` }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, id, reason: `身份证号“${id}”校验位错误，应为 ${idCheckChar(id.slice(0, 17))}，请核对` }
  return { ok: true, id, birth: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, gender: Number(id[16]) % 2 === 1 ? '男' : '女' }
}

export function normalizePhone(raw: unknown): string {
  return normalizeCode(raw).replace(/^\+?86/, '').replace(/-/g, '')
}

export function isValidMobile(phone: string): boolean {
  return /^1\d{10}$/.test(phone)
}

/** Masks for lists: ID 3201********1234, phone 138****5678. Full values only in the detail form. */
export function maskId(id: string): string {
  return id.length >= 10 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id
}
export function maskPhone(p: string): string {
  return p.length === 11 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p
}
