import { describe, expect, it } from 'vitest'
import { derive, draw, material, poolText, rosterText, sha256 } from './impl'
import { Xoroshiro } from './xoroshiro'
import { GENERATOR_VECTOR, VECTOR_DATE, VECTOR_EXPECTED, VECTOR_POOL, VECTOR_ROSTER, VECTOR_SOURCES, VECTOR_TASK } from './vectorData'

const hex = (u: number) => u.toString(16).padStart(8, '0')

describe('independent implementation reproduces the spec test vectors (§11)', () => {
  it('generator outputs and unbiased integers', () => {
    const g = new Xoroshiro(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 10 }, () => hex(g.nextU())).join(' ')).toBe(GENERATOR_VECTOR.outputs)
    const g2 = new Xoroshiro(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 10 }, () => g2.int(0, 9))).toEqual(GENERATOR_VECTOR.int0to9)
    const g3 = new Xoroshiro(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 5 }, () => g3.int(0, 2999999999))).toEqual(GENERATOR_VECTOR.intBig)
  })

  it('the first output is the low half of s0 + s1 before stepping (0x89abcdef + 0x76543210)', () => {
    expect(new Xoroshiro(GENERATOR_VECTOR.derived).nextU()).toBe((0x89abcdef + 0x76543210) % 2 ** 32)
  })

  it('hashes, seed material and derived seed of the small draw', () => {
    // shuffled input order must not matter
    const pool = [...VECTOR_POOL].reverse()
    expect(sha256(poolText(pool))).toBe(VECTOR_EXPECTED.poolSha256)
    expect(sha256(rosterText([...VECTOR_ROSTER].reverse()))).toBe(VECTOR_EXPECTED.rosterSha256)
    const m = material(VECTOR_TASK, VECTOR_DATE, pool, VECTOR_ROSTER, [...VECTOR_SOURCES].reverse())
    expect(m.split('\n').slice(6, 9)).toEqual(['public:福彩3D 2026068期=5 1 8', 'witness:张三=483920', 'witness:李四=105577'])
    expect(sha256(m)).toBe(VECTOR_EXPECTED.materialSha256)
    expect(derive(m)).toBe(VECTOR_EXPECTED.derived)
    const g = new Xoroshiro(derive(m))
    expect(Array.from({ length: 10 }, () => hex(g.nextU())).join(' ')).toBe(VECTOR_EXPECTED.firstOutputs)
  })

  it('the small draw and its teams', () => {
    const { result } = draw(VECTOR_TASK, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER, VECTOR_SOURCES)
    const names = new Map(VECTOR_ROSTER.map((p) => [p.idNumber, p.name]))
    expect(result.map((r) => [r.code, ...r.team.map((m) => `${names.get(m.idNumber)} ${m.role}`)])).toEqual(VECTOR_EXPECTED.teams)
    expect(result.every((r) => r.team.every((m) => !m.overCap))).toBe(true)
  })
})
