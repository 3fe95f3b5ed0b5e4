/**
 * Builds valid identifiers for the demo county.
 *
 * 统一社会信用代码 (GB 32100-2015): 登记管理部门 (9 市场监管, 1 机构编制, 5 民政)
 * + 机构类别 + 行政区划 321323 + 9-character 主体标识码 (a GB 11714 organisation
 * code with its own check character) + check character. Entities first registered
 * after the 2015 reform get the newer “MA…” (市场主体) or “MJ…” (社会组织) form.
 * 注册号 (old, 15 digits): 登记机关 321323 + 8-digit sequence whose first digit 6–9
 * marks an 个体工商户 + ISO 7064 MOD 11,10 check digit.
 * 身份证号 (GB 11643-1999): region + birth date + sequence whose last digit is odd for
 * men + check character.
 */
import { idCheckChar, regNoCheckDigit, usccCheckChar } from '../registry/identifiers'
import type { Rng } from './rng'
import { COUNTY_CODE } from './data/places'

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
/** Characters allowed in the 主体标识码 of a credit code (no I, O, Z, S, V). */
const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** GB 11714-1997 check character of an 8-character organisation code body. */
export function orgCodeCheck(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55
    sum += v * ORG_WEIGHTS[i]!
  }
  const c9 = 11 - (sum % 11)
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)
}

/** The 9-character 主体标识码: newer ones start with MA/MJ, older ones are numeric. */
function orgCode(rng: Rng, prefix: 'MA' | 'MJ' | 'old'): string {
  let body: string
  if (prefix === 'old') body = rng.pick(['0', '3', '5', '6', '7']) + rng.digits(7)
  else {
    body = prefix + '1'
    for (let i = 0; i < 5; i++) body += USCC_BODY[rng.int(0, USCC_BODY.length - 1)]
  }
  return body + orgCodeCheck(body)
}

/** dept: 9 市场监管, 1 机构编制, 5 民政; cls: the 机构类别 digit. */
export function makeUscc(rng: Rng, dept: '9' | '1' | '5', cls: string, newStyle: boolean): string {
  const body = orgCode(rng, newStyle ? (dept === '5' ? 'MJ' : 'MA') : 'old')
  const first17 = dept + cls + COUNTY_CODE + body
  return first17 + usccCheckChar(first17)!
}

/** Old 15-digit 注册号 of an 个体工商户. */
export function makeRegNo(rng: Rng): string {
  const first14 = COUNTY_CODE + String(rng.int(6, 9)) + rng.digits(7)
  return first14 + regNoCheckDigit(first14)
}

export function makeIdNumber(rng: Rng, region: string, birth: string, male: boolean): string {
  const seq = rng.digits(2) + String(rng.int(0, 4) * 2 + (male ? 1 : 0))
  const first17 = region + birth.replace(/-/g, '') + seq
  return first17 + idCheckChar(first17)
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '187', '188', '189', '198', '199']

export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8)
}

/**
 * 行政执法证号 as printed on Jiangsu certificates of the demo county: 行政区划 321323,
 * the department's two-digit number in the member list, and a five-digit serial.
 * The real numbering varies by issuing authority; this format is only a plausible stand-in.
 */
export function makeCertNo(deptNumber: number, serial: number): string {
  return `${COUNTY_CODE}${String(deptNumber).padStart(2, '0')}${String(serial).padStart(5, '0')}`
}
