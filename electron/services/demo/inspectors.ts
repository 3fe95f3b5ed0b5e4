/**
 * The 执法检查人员 of the demo county: 300 people across 20 departments, with a
 * valid 身份证号 whose gender digit matches 性别, a mobile number, most with a
 * 行政执法证 (a few expired), some experts without one, a few inactive, and some
 * declared 回避 (objects they must not inspect, their own 片区).
 */
import type { InspectorDetail } from '@contract'
import type { Rng } from './rng'
import { makeCertNo, makeIdNumber, makeMobile } from './codes'
import { personName, township } from './people'
import { CERT_AUTHORITIES, INACTIVE_REASONS, type DeptProfile } from './data/departments'
import { ID_REGIONS } from './data/places'

/** An inspector as the registry stores it, less what the database assigns; the department by code, the avoid lists as text. */
export interface DemoInspector
  extends Omit<InspectorDetail, 'id' | 'gender' | 'deptId' | 'deptName' | 'certified' | 'avoidCodes' | 'avoidTownships' | 'createdAt' | 'updatedAt'> {
  gender: '男' | '女'
  /** Department code. */
  dept: string
  avoidCodes: string
  avoidTownships: string
}

export interface InspectorDept {
  profile: DeptProfile
  /** The department's number in the member list, used in 执法证号. */
  number: number
}

/** Uniformed services recruit more men. */
const MALE_PERMILLE: Record<string, number> = { GAJ: 850, XFJY: 900 }

export function generateInspectors(rng: Rng, depts: readonly InspectorDept[], objectCodes: readonly string[]): DemoInspector[] {
  const ids = new Set<string>()
  const phones = new Set<string>()
  const out: DemoInspector[] = []
  for (const { profile, number } of depts) {
    let serial = 0
    for (let i = 0; i < profile.inspectors; i++) {
      const male = rng.chance(MALE_PERMILLE[profile.code] ?? 650)
      let idNumber: string
      do idNumber = makeIdNumber(rng, rng.weighted(ID_REGIONS), rng.date(1965, 1998), male)
      while (ids.has(idNumber))
      ids.add(idNumber)
      let phone: string
      do phone = makeMobile(rng)
      while (phones.has(phone))
      phones.add(phone)

      const isExpert = rng.chance(50)
      const certified = !isExpert && rng.chance(940)
      const expired = certified && rng.chance(50)
      const inactive = rng.chance(30)
      const home = township(rng).name
      const avoidCodes = objectCodes.length && rng.chance(60) ? rng.sample(objectCodes, rng.int(1, 2)).join(' ') : ''
      // 所所交叉: staff of a township branch must not inspect their own 片区.
      const avoidOwn = rng.chance(profile.code === 'SCJG' ? 120 : 30)
      out.push({
        idNumber,
        name: personName(rng, male),
        gender: male ? '男' : '女',
        phone,
        unit: profile.unit,
        dept: profile.code,
        division: isExpert ? '技术专家' : rng.pick(profile.divisions),
        userLevel: '县级',
        certNo: certified ? makeCertNo(number, ++serial) : '',
        certAuthority: certified ? rng.weighted(CERT_AUTHORITIES) : '',
        certValidUntil: certified ? (expired ? rng.date(2023, 2025) : rng.date(2027, 2031)) : null,
        specialties: rng.sample(profile.specialties, Math.min(profile.specialties.length, rng.int(1, 3))).join('、'),
        isExpert,
        active: !inactive,
        inactiveReason: inactive ? rng.pick(INACTIVE_REASONS) : '',
        township: home,
        avoidCodes,
        avoidTownships: avoidOwn ? home : ''
      })
    }
  }
  return out
}
