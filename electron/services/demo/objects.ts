/**
 * The objects of the demo county: market entities (by industry), 机关/事业单位
 * and 社会团体, each with a valid code, a name, a legal representative, an
 * address in a real township, a registration status and a credit class.
 */
import type { RegistryObject } from '@contract'
import type { Rng } from './rng'
import { makeRegNo, makeUscc } from './codes'
import { address, personName, surname, township } from './people'
import { INDUSTRIES, COMPANY_TYPES, LICENSE_NOTE, type Industry } from './data/industries'
import { TRADE_NAMES, SHOP_PREFIXES } from './data/names'
import { TOWNSHIPS } from './data/places'
import { institutionPool, socialPool, type Organisation } from './data/organisations'

/** An object as the registry stores it, less what the database assigns; the department by code. */
export interface DemoObject extends Omit<RegistryObject, 'id' | 'ownerDeptId' | 'createdAt' | 'updatedAt'> {
  /** Department code (departments/defaults.ts). */
  dept: string
}

/** Target shares of the three kinds (‰); 机关/事业 and 社团 are capped by how many a county has. */
export const SHARE_INSTITUTION = 80
export const SHARE_SOCIAL = 40
/** Share (‰) of 个体工商户 still registered under an old 15-digit 注册号. */
const OLD_REGNO_SOLO = 46

const INDUSTRY_WEIGHTS = INDUSTRIES.map((i) => [i, i.weight] as const)
const STATUS: readonly (readonly [string, number])[] = [['存续', 900], ['注销', 62], ['吊销', 28], ['迁出', 10]]
const CLASSES: readonly (readonly ['A' | 'B' | 'C' | 'D', number])[] = [['A', 300], ['B', 500], ['C', 150], ['D', 50]]
const REGION_PREFIX: readonly (readonly [string, number])[] = [['泗阳县', 60], ['泗阳', 20], ['江苏', 12], ['宿迁市', 8]]
const COOP_PRODUCTS = ['果蔬种植', '粮食种植', '生猪养殖', '家禽养殖', '水产养殖', '农机', '苗木种植', '食用菌种植', '土地股份', '中药材种植', '花卉种植', '蔬菜种植']
const MARKET_AUTHORITY = '泗阳县市场监督管理局'

class Names {
  private readonly used = new Set<string>()
  /** Tries the generator until it yields a name not used yet; falls back to a numbered branch. */
  unique(make: () => string): string {
    for (let i = 0; i < 40; i++) {
      const n = make()
      if (!this.used.has(n)) {
        this.used.add(n)
        return n
      }
    }
    const base = make()
    for (let k = 2; ; k++) {
      const n = `${base}（第${k}分店）`
      if (!this.used.has(n)) {
        this.used.add(n)
        return n
      }
    }
  }
}

class Codes {
  private readonly used = new Set<string>()
  unique(make: () => string): string {
    for (;;) {
      const c = make()
      if (!this.used.has(c)) {
        this.used.add(c)
        return c
      }
    }
  }
}

function scopeText(rng: Rng, ind: Industry): string {
  const parts = rng.sample(ind.scope, Math.min(ind.scope.length, rng.int(2, 3)))
  return `${parts.join('；')}。${rng.chance(400) ? LICENSE_NOTE : ''}`
}

function tagsFor(rng: Rng, ind: { tags?: readonly (readonly [string, number])[] }): string {
  return (ind.tags ?? []).filter(([, p]) => rng.chance(p)).map(([t]) => t).join(' ')
}

function statusAndClass(rng: Rng, canMoveOut: boolean): { regStatus: string; creditClass: 'A' | 'B' | 'C' | 'D'; remark: string } {
  let regStatus = rng.weighted(STATUS)
  if (regStatus === '迁出' && !canMoveOut) regStatus = '注销'
  // A revoked licence goes with a poor credit record.
  const creditClass = regStatus === '吊销' ? (rng.chance(600) ? 'D' : 'C') : rng.weighted(CLASSES)
  const remark = regStatus === '吊销' ? '开业后自行停业连续六个月以上，吊销营业执照' : regStatus === '注销' && rng.chance(500) ? '简易注销' : regStatus === '迁出' ? rng.pick(['迁往宿迁市宿城区', '迁往淮安市淮阴区', '迁往沭阳县', '迁往泗洪县']) : ''
  return { regStatus, creditClass, remark }
}

/** Company registration dates lean to recent years, as in any county after the 2014 reform. */
function establishedDate(rng: Rng, from: number): string {
  return rng.chance(300) ? rng.date(from, 2014) : rng.date(2015, 2025)
}

function marketObject(rng: Rng, names: Names, codes: Codes): DemoObject {
  const ind = rng.weighted(INDUSTRY_WEIGHTS)
  const t = township(rng)
  const roll = rng.int(0, 999)
  const form = roll < ind.solo && ind.shopWords.length ? 'solo' : roll < ind.solo + (ind.coop ?? 0) ? 'coop' : 'company'
  const male = rng.chance(700)
  const family = surname(rng)
  const legalRep = personName(rng, male, family)
  const { regStatus, creditClass, remark } = statusAndClass(rng, form === 'company')
  const base = { kind: 'market' as const, regAuthority: MARKET_AUTHORITY, legalRep, regStatus, remark, creditClass, industry: ind.name, township: t.name, dept: ind.dept, tags: tagsFor(rng, ind), businessScope: scopeText(rng, ind) }

  if (form === 'solo') {
    const old = rng.chance(OLD_REGNO_SOLO)
    const establishedOn = old ? rng.date(2000, 2013) : rng.date(2008, 2025)
    const code = codes.unique(() => (old ? makeRegNo(rng) : makeUscc(rng, '9', '2', true)))
    const name = names.unique(() => {
      const word = rng.pick(ind.shopWords)
      const owner = rng.weighted<() => string>([
        [() => `${family}记`, 30],
        [() => legalRep, 25],
        [() => `${rng.pick(SHOP_PREFIXES)}${family}`, 15],
        [() => rng.pick(TRADE_NAMES), 30]
      ])()
      return `泗阳县${t.name}${owner}${word}`
    })
    return { ...base, code, name, entityType: '个体工商户', address: address(rng, t, { full: false, rural: rng.chance(350) }), establishedOn }
  }

  if (form === 'coop') {
    const establishedOn = rng.date(2008, 2025)
    const code = codes.unique(() => makeUscc(rng, '9', '3', establishedOn >= '2015-10-01'))
    const name = names.unique(() => {
      const v = rng.chance(600) ? rng.pick(TOWNSHIPS.find((x) => x.name === t.name)!.villages) : rng.pick(TRADE_NAMES)
      return `泗阳县${v}${rng.pick(COOP_PRODUCTS)}专业合作社`
    })
    return { ...base, code, name, entityType: '农民专业合作社', address: address(rng, t, { full: true, rural: true }), establishedOn }
  }

  const entityType = rng.weighted(COMPANY_TYPES)
  const establishedOn = establishedDate(rng, 1998)
  const code = codes.unique(() => makeUscc(rng, '9', '1', establishedOn >= '2015-10-01'))
  const name = names.unique(() => {
    const word = rng.pick(ind.companyWords)
    const trade = rng.pick(TRADE_NAMES)
    if (entityType === '个人独资企业') return `泗阳县${trade}${word}${rng.pick(['经营部', '服务部', '中心'])}`
    if (entityType === '普通合伙企业') return `泗阳县${trade}${word}中心（普通合伙）`
    const region = rng.weighted(REGION_PREFIX)
    return `${region}${trade}${word}${entityType.startsWith('股份') ? '股份有限公司' : '有限公司'}`
  })
  return { ...base, code, name, entityType, address: address(rng, t, { full: true, rural: ind.name === '农业种养殖' }), establishedOn }
}

function organisationObject(rng: Rng, org: Organisation, kind: 'institution' | 'social', codes: Codes): DemoObject {
  const t = org.township ? TOWNSHIPS.find((x) => x.name === org.township)! : rng.pick(TOWNSHIPS.slice(0, 2))
  const newStyle = kind === 'social' && rng.chance(500)
  const cls = org.entityType === '机关' ? '1' : org.entityType === '事业单位' ? '2' : org.entityType === '社会团体' ? '1' : '2'
  const code = codes.unique(() => makeUscc(rng, kind === 'institution' ? '1' : '5', cls, newStyle))
  const drawn = statusAndClass(rng, false)
  // Public bodies rarely close and are never 吊销: most closures are kept as 存续.
  const regStatus = drawn.regStatus === '吊销' || (drawn.regStatus !== '存续' && rng.chance(700)) ? '存续' : drawn.regStatus
  const remark = regStatus === '注销' ? (kind === 'institution' ? '机构改革撤并' : '自行解散') : ''
  return {
    code,
    kind,
    name: org.name,
    entityType: org.entityType,
    regAuthority: kind === 'institution' ? (org.entityType === '机关' ? '泗阳县机构编制委员会办公室' : '泗阳县事业单位登记管理局') : '泗阳县民政局',
    legalRep: personName(rng, rng.chance(650)),
    address: address(rng, t, { full: true, rural: !!org.township && rng.chance(500) }),
    regStatus,
    establishedOn: newStyle ? rng.date(2016, 2025) : rng.date(kind === 'institution' ? 1980 : 1995, 2015),
    businessScope: '',
    remark,
    industry: org.industry,
    township: t.name,
    creditClass: drawn.creditClass === 'D' && regStatus === '存续' ? 'C' : drawn.creditClass,
    tags: org.tags ?? '',
    dept: org.dept
  }
}

/** How many of each kind for n objects. */
export function kindCounts(n: number): { market: number; institution: number; social: number } {
  const institution = Math.min(Math.round((n * SHARE_INSTITUTION) / 1000), institutionPool().length)
  const social = Math.min(Math.round((n * SHARE_SOCIAL) / 1000), socialPool().length)
  return { market: n - institution - social, institution, social }
}

/** All objects in insertion order (kinds interleaved, as in a real registry export). */
export function generateObjects(rng: Rng, n: number): DemoObject[] {
  const counts = kindCounts(n)
  const names = new Names()
  const codes = new Codes()
  const out: DemoObject[] = []
  for (const org of rng.sample(institutionPool(), counts.institution)) out.push(organisationObject(rng, org, 'institution', codes))
  for (const org of rng.sample(socialPool(), counts.social)) out.push(organisationObject(rng, org, 'social', codes))
  for (const o of out) names.unique(() => o.name)
  for (let i = 0; i < counts.market; i++) out.push(marketObject(rng, names, codes))
  // Fisher–Yates with unbiased indices, so ids do not group by kind.
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
