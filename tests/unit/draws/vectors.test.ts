import { describe, expect, it } from 'vitest'
import { buildSeed, executeDraw, prepareDraw, seedHeader } from '../../../electron/services/draws'
import { createRng } from '../../../electron/services/draws/rng'
import { GENERATOR_VECTOR, VECTOR_DATE, VECTOR_EXPECTED, VECTOR_POOL, VECTOR_ROSTER, VECTOR_SOURCES, VECTOR_TASK } from './independent/vectorData'

// The expected values are the ones published in docs/draw-algorithm.md §11; the
// seed-material hash was also checked with coreutils sha256sum, and the
// generator outputs with the independent BigInt implementation.
const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0')

describe('the program reproduces the spec test vectors', () => {
  it('generator: state restored from the derived seed, outputs and uniformInt', () => {
    const r = createRng(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 10 }, () => hex(r.next())).join(' ')).toBe(GENERATOR_VECTOR.outputs)
    const r2 = createRng(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 10 }, () => r2.int(0, 9))).toEqual(GENERATOR_VECTOR.int0to9)
    const r3 = createRng(GENERATOR_VECTOR.derived)
    expect(Array.from({ length: 5 }, () => r3.int(0, 2999999999))).toEqual(GENERATOR_VECTOR.intBig)
  })

  it('small draw: hashes, quotas, caps, seed and teams', () => {
    const p = prepareDraw({ ...VECTOR_TASK }, VECTOR_DATE, [...VECTOR_POOL].reverse(), [...VECTOR_ROSTER].reverse())
    expect(p.problems).toEqual([])
    expect(p.poolSha256).toBe(VECTOR_EXPECTED.poolSha256)
    expect(p.inspectorsSha256).toBe(VECTOR_EXPECTED.rosterSha256)
    expect(p.quotas).toEqual({ A: { size: 4, quota: 2 }, B: { size: 5, quota: 2 }, C: { size: 2, quota: 1 }, D: { size: 1, quota: 1 } })
    const seed = buildSeed(seedHeader(p), VECTOR_SOURCES)
    expect(seed.materialSha256).toBe(VECTOR_EXPECTED.materialSha256)
    expect(seed.derived).toBe(VECTOR_EXPECTED.derived)
    const out = executeDraw(p, seed)
    expect(out.caps).toEqual({ '1': { certified: 3, experts: 0 }, '2': { certified: 4, experts: 7 } })
    expect(out.result.map((r) => [r.code, ...r.team.map((m) => `${m.name} ${m.role}`)])).toEqual(VECTOR_EXPECTED.teams)
    expect(out.result.map((r) => r.order)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('source order, blanks and full-width digits do not change the seed', () => {
    const p = prepareDraw(VECTOR_TASK, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER)
    const a = buildSeed(seedHeader(p), VECTOR_SOURCES)
    const b = buildSeed(seedHeader(p), [
      { kind: 'public', label: ' 福彩3D　 2026068期 ', value: '５，1、 8' },
      { kind: 'witness', label: '李四', value: ' 105577 ' },
      { kind: 'witness', label: '张三', value: '483920' }
    ])
    expect(b.material).toBe(a.material)
    expect(b.derived).toBe(VECTOR_EXPECTED.derived)
  })
})
