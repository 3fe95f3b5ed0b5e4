import { createHash } from 'node:crypto'
import { UserError } from '../errors'
import { CREDIT_CLASSES, type CreditClass, type Inspector, type PoolEntry } from './types'

/**
 * Canonical serialisations (spec §2, §3, §9). These bytes are what the pool
 * hash, the roster hash and the evidence hash commit to, so they must never
 * change for `suiji-draw/1`: a record made today must re-verify years later.
 */

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Byte order of the UTF-8 encodings: the same in every language (JS `<` is UTF-16 order, which differs above U+FFFF). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

const ASCII_ID = /^[\x21-\x7e]+$/
const FORBIDDEN = /[\t\r\n]/
const LIST_FORBIDDEN = /[\t\r\n,]/

function checkField(where: string, value: string, forbidden = FORBIDDEN): void {
  if (typeof value !== 'string') throw new UserError(`${where} 不是文字，请检查数据。`, 'invalid_input')
  if (forbidden.test(value)) throw new UserError(`${where}“${value}”含有制表符、换行${forbidden === LIST_FORBIDDEN ? '或英文逗号' : ''}，请先改正。`, 'invalid_input')
}

/** Sorted copy of the pool, validated (codes unique ASCII, no tabs/newlines anywhere). */
export function sortPool(pool: readonly PoolEntry[]): PoolEntry[] {
  for (const e of pool) {
    if (!ASCII_ID.test(e.code)) throw new UserError(`对象代码“${e.code}”含有空格或非英文数字字符，请先规范化代码。`, 'invalid_input')
    if (!CREDIT_CLASSES.includes(e.creditClass)) throw new UserError(`对象 ${e.code} 的信用风险分类“${e.creditClass}”不是 A/B/C/D。`, 'invalid_input')
    checkField(`对象 ${e.code} 的名称`, e.name)
    checkField(`对象 ${e.code} 的乡镇`, e.township)
  }
  // codes are ASCII, so UTF-16 order equals UTF-8 byte order; plain comparison keeps 150 000 entries fast
  const sorted = [...pool].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].code === sorted[i - 1].code) throw new UserError(`对象代码 ${sorted[i].code} 在对象池中出现了两次，请去重后再冻结。`, 'invalid_input')
  }
  return sorted
}

/** spec §2: one line per object `code TAB class TAB township TAB name LF`, sorted by code. */
export function canonicalPool(sortedPool: readonly PoolEntry[]): string {
  let out = ''
  for (const e of sortedPool) out += `${e.code}\t${e.creditClass}\t${e.township}\t${e.name}\n`
  return out
}

export function poolSha256(pool: readonly PoolEntry[]): string {
  return sha256Hex(canonicalPool(sortPool(pool)))
}

export function countsByClass(pool: readonly PoolEntry[]): Record<CreditClass, number> {
  const c: Record<CreditClass, number> = { A: 0, B: 0, C: 0, D: 0 }
  for (const e of pool) c[e.creditClass]++
  return c
}

function canonicalList(values: readonly string[]): string {
  return [...new Set(values)].sort(compareUtf8).join(',')
}

export function sortInspectors(list: readonly Inspector[]): Inspector[] {
  for (const p of list) {
    if (!ASCII_ID.test(p.idNumber)) throw new UserError(`身份证号“${p.idNumber}”含有空格或非英文数字字符。`, 'invalid_input')
    if (!Number.isSafeInteger(p.deptId)) throw new UserError(`执法人员 ${p.name} 没有所属部门，请先在名录库中补全。`, 'invalid_input')
    checkField(`执法人员 ${p.idNumber} 的姓名`, p.name)
    checkField(`执法人员 ${p.idNumber} 的执法证号`, p.certNo)
    if (p.certValidUntil !== null && !/^\d{4}-\d{2}-\d{2}$/.test(p.certValidUntil)) {
      throw new UserError(`执法人员 ${p.name} 的执法证有效期“${p.certValidUntil}”不是 YYYY-MM-DD 格式。`, 'invalid_input')
    }
    for (const s of p.specialties) checkField(`执法人员 ${p.name} 的业务专长`, s, LIST_FORBIDDEN)
    for (const s of p.avoidCodes) checkField(`执法人员 ${p.name} 的回避对象`, s, LIST_FORBIDDEN)
    for (const s of p.avoidTownships) checkField(`执法人员 ${p.name} 的回避片区`, s, LIST_FORBIDDEN)
  }
  const sorted = [...list].sort((a, b) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0))
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].idNumber === sorted[i - 1].idNumber) throw new UserError(`身份证号 ${sorted[i].idNumber} 在执法人员名单中出现了两次。`, 'invalid_input')
  }
  return sorted
}

/** spec §3: one line per person, sorted by 身份证号; lists de-duplicated, sorted, comma-joined. */
export function canonicalInspectors(sorted: readonly Inspector[]): string {
  let out = ''
  for (const p of sorted) {
    out +=
      [
        p.idNumber,
        String(p.deptId),
        p.name,
        p.certNo,
        p.certValidUntil ?? '',
        p.active ? '1' : '0',
        p.isExpert ? '1' : '0',
        canonicalList(p.specialties),
        canonicalList(p.avoidCodes),
        canonicalList(p.avoidTownships)
      ].join('\t') + '\n'
  }
  return out
}

export function inspectorsSha256(list: readonly Inspector[]): string {
  return sha256Hex(canonicalInspectors(sortInspectors(list)))
}

/**
 * spec §9: JSON with object keys sorted (UTF-16 order, as JS sorts), no
 * whitespace, strings and numbers as JSON.stringify writes them; `undefined`
 * members are left out. Written into `out` piece by piece because evidence
 * files of a 150 000-object county are ~17 MB.
 */
function writeCanonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value))
    return
  }
  if (Array.isArray(value)) {
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',')
      if (value[i] === undefined) out.push('null')
      else writeCanonical(value[i], out)
    }
    out.push(']')
    return
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).sort()
  out.push('{')
  let first = true
  for (const k of keys) {
    if (obj[k] === undefined) continue
    out.push(first ? JSON.stringify(k) + ':' : ',' + JSON.stringify(k) + ':')
    first = false
    writeCanonical(obj[k], out)
  }
  out.push('}')
}

export function canonicalJson(value: unknown): string {
  const out: string[] = []
  writeCanonical(value, out)
  return out.join('')
}

/** SHA-256 of canonicalJson(value), fed to the hash in slices instead of one huge string. */
export function canonicalSha256(value: unknown): string {
  const h = createHash('sha256')
  const out: string[] = []
  const flush = () => {
    h.update(out.join(''), 'utf8')
    out.length = 0
  }
  const sink = { push: (s: string) => (out.push(s) > 4096 ? (flush(), 0) : 0) }
  writeCanonical(value, sink as unknown as string[])
  flush()
  return h.digest('hex')
}
