import type { CreditClass, DrawTask, Inspector, PoolEntry } from '../../../electron/services/draws/types'

/** Test-data generator (mulberry32): independent of the draw's generator on purpose. */
export function dataRng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const TOWNS = ['城关镇', '东关镇', '西河乡', '南山镇', '北塬乡']
const CLASSES: CreditClass[] = ['A', 'B', 'C', 'D']

export function makePool(n: number, seed = 1): PoolEntry[] {
  const r = dataRng(seed)
  const out: PoolEntry[] = []
  for (let i = 0; i < n; i++) {
    const x = r()
    const creditClass = CLASSES[x < 0.3 ? 0 : x < 0.8 ? 1 : x < 0.95 ? 2 : 3]
    out.push({ code: `91610000${String(i).padStart(9, '0')}X`, name: `测试商户${i}`, township: TOWNS[Math.floor(r() * TOWNS.length)], creditClass })
  }
  return out
}

export interface RosterSpec {
  deptId: number
  certified: number
  experts?: number
  specialties?: (i: number) => string[]
}

export function makeInspectors(specs: RosterSpec[], seed = 2, pool: PoolEntry[] = []): Inspector[] {
  const r = dataRng(seed)
  const out: Inspector[] = []
  let serial = 0
  for (const s of specs) {
    const total = s.certified + (s.experts ?? 0)
    for (let i = 0; i < total; i++) {
      const expert = i >= s.certified
      serial++
      const avoidCodes = pool.length > 0 && r() < 0.3 ? [pool[Math.floor(r() * pool.length)].code] : []
      const avoidTownships = r() < 0.2 ? [TOWNS[Math.floor(r() * TOWNS.length)]] : []
      out.push({
        idNumber: `6101${String(s.deptId).padStart(2, '0')}19800101${String(serial).padStart(4, '0')}`,
        name: `${expert ? '专家' : '执法员'}${s.deptId}-${i}`,
        deptId: s.deptId,
        certNo: expert ? '' : `61${String(serial).padStart(6, '0')}`,
        certValidUntil: expert ? null : '2030-12-31',
        active: true,
        isExpert: expert,
        specialties: s.specialties ? s.specialties(i) : [],
        avoidCodes,
        avoidTownships
      })
    }
  }
  return out
}

export function makeTask(over: Partial<DrawTask> = {}): DrawTask {
  return {
    id: 'T2026-001',
    name: '2026 年食品经营者联合抽查',
    initiatingDeptId: 1,
    departments: [
      { deptId: 1, deptName: '县市场监管局', itemIds: ['I-1', 'I-2'], requiredSpecialties: [], inspectorsPerObject: 2 },
      { deptId: 2, deptName: '县卫健局', itemIds: ['I-9'], requiredSpecialties: ['食品安全'], inspectorsPerObject: 1, expertsPerObject: 1 }
    ],
    rule: { A: { mode: 'ratio', value: 30 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 100 }, D: { mode: 'count', value: 3 } },
    leaderFromInitiator: true,
    ...over
  }
}

export const WITNESSES = [
  { kind: 'witness' as const, label: '张三', value: '483920' },
  { kind: 'witness' as const, label: '李四', value: '105577' }
]
