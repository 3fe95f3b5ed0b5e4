import { describe, expect, it } from 'vitest'
import { buildSeed, executeDraw, prepareDraw, seedHeader, type PoolEntry } from '../../../electron/services/draws'
import { makeInspectors, makeTask } from './fixtures'

// Chi-square critical values at p = 0.001 (tables): df 3 → 16.266, df 7 → 24.322, df 5 → 20.515.
const CHI2_001 = { 3: 16.266, 5: 20.515, 7: 24.322 } as const
const N = 4000

const pool: PoolEntry[] = [
  ...Array.from({ length: 4 }, (_, i) => ({ code: `A${i}`, name: `甲${i}`, township: '', creditClass: 'A' as const })),
  ...Array.from({ length: 8 }, (_, i) => ({ code: `B${i}`, name: `乙${i}`, township: '', creditClass: 'B' as const }))
]
const people = makeInspectors([{ deptId: 1, certified: 6 }, { deptId: 2, certified: 3 }], 9)
for (const p of people) {
  p.avoidCodes = []
  p.avoidTownships = []
}
const task = makeTask({
  departments: [
    { deptId: 1, deptName: '县市场监管局', itemIds: [], requiredSpecialties: [], inspectorsPerObject: 1 },
    { deptId: 2, deptName: '县卫健局', itemIds: [], requiredSpecialties: [], inspectorsPerObject: 1 }
  ],
  rule: { A: { mode: 'ratio', value: 500 }, B: { mode: 'count', value: 3 }, C: { mode: 'count', value: 0 }, D: { mode: 'count', value: 0 } },
  workloadCap: 100 // no cap effect: we test the plain uniformity of the choice
})

function chi2(observed: number[], expected: number[], variance: number[]): number {
  return observed.reduce((s, o, i) => s + (o - expected[i]) ** 2 / variance[i], 0)
}

describe('distribution over many seeds (chi-square, p = 0.001)', () => {
  const prepared = prepareDraw(task, '2026-04-01', pool, people)
  const selected = new Map<string, number>()
  const firstB = new Map<string, number>()
  const leader = new Map<string, number>()
  for (let s = 0; s < N; s++) {
    const seed = buildSeed(seedHeader(prepared), [
      { kind: 'witness', label: '甲', value: String(s) },
      { kind: 'witness', label: '乙', value: String(s * 7 + 3) }
    ])
    const r = executeDraw(prepared, seed).result
    for (const o of r) selected.set(o.code, (selected.get(o.code) ?? 0) + 1)
    firstB.set(r[2].code, (firstB.get(r[2].code) ?? 0) + 1)
    leader.set(r[0].team[0].idNumber, (leader.get(r[0].team[0].idNumber) ?? 0) + 1)
  }

  it('each object is selected with its stratum probability (A 2 of 4, B 3 of 8)', () => {
    for (const [cls, n, k] of [['A', 4, 2], ['B', 8, 3]] as const) {
      const p = k / n
      const obs = pool.filter((e) => e.creditClass === cls).map((e) => selected.get(e.code) ?? 0)
      // sampling without replacement: each count is Binomial(N, p); the counts sum to N·k
      const stat = chi2(obs, obs.map(() => N * p), obs.map(() => N * p * (1 - p)))
      expect(stat).toBeLessThan(CHI2_001[(n - 1) as 3 | 7])
      for (const o of obs) expect(Math.abs(o - N * p) / Math.sqrt(N * p * (1 - p))).toBeLessThan(4)
    }
  })

  it('the first B pick is uniform over the 8 B objects', () => {
    const obs = pool.filter((e) => e.creditClass === 'B').map((e) => firstB.get(e.code) ?? 0)
    expect(chi2(obs, obs.map(() => N / 8), obs.map(() => N / 8))).toBeLessThan(CHI2_001[7])
  })

  it('the first leader is uniform over the 6 certified inspectors of the initiating department', () => {
    const obs = people.filter((p) => p.deptId === 1).map((p) => leader.get(p.idNumber) ?? 0)
    expect(obs).toHaveLength(6)
    expect(chi2(obs, obs.map(() => N / 6), obs.map(() => N / 6))).toBeLessThan(CHI2_001[5])
  })
})
