import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { derive, drawFrom, materialV2, sha256, type ITask } from './impl'
import { verifyIndependently } from './verifier'
import { VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER, VECTOR_TASK } from './vectorData'

// Expected values transcribed from docs/draw-algorithm.md §11.3–§11.5.
const golden = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'golden', name), 'utf8'))
const spec = { witnesses: 2, minDigits: 6, publics: ['福彩3D 第2026068期开奖号码'] }
const sources = [
  { kind: 'witness' as const, label: '张三', value: '483920' },
  { kind: 'witness' as const, label: '李四', value: '105577' },
  { kind: 'public' as const, label: '福彩3D 第2026068期开奖号码', value: '5 1 8' }
]

describe('independent implementation of suiji-draw/2 (from the text alone)', () => {
  it('§11.3: material, its hash, the derived seed and the teams', () => {
    const m = materialV2('TV-2', VECTOR_TASK as ITask, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER, spec, [...sources].reverse())
    expect(m.split('\n').slice(6, 9)).toEqual(['witnesses=2', 'digits=6', 'public=福彩3D 第2026068期开奖号码'])
    expect(sha256(m)).toBe('e5081c3050879e5280af81d18ce9ceced86588e5a1435c64afa9a704398bd039')
    expect(derive(m)).toBe('e5081c3050879e5280af81d18ce9cece')
    const names = new Map(VECTOR_ROSTER.map((p) => [p.idNumber, p.name]))
    const { result } = drawFrom(m, VECTOR_TASK as ITask, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER)
    expect(result.map((r) => r.team.map((x) => `${names.get(x.idNumber)} ${x.role}`).join('、'))).toEqual([
      '赵一 组长、周五 组员、王八 专家',
      '孙三 组长、周五 组员、王八 专家',
      '钱二 组长、吴六 组员、王八 专家',
      '钱二 组长、吴六 组员、王八 专家',
      '赵一 组长、周五 组员、王八 专家',
      '赵一 组长、吴六 组员、王八 专家'
    ])
  })

  it('§11.4–§11.5: the golden /2 files verify, with the chain the text gives', () => {
    const d1 = verifyIndependently(golden('v2-draw-with-replacements.json'))
    expect(d1).toEqual({ problems: [], adjustments: 2, headCode: 'C704-98D0-5A64-9CC1' })
    const d2file = golden('v2-redraw.json')
    expect(d2file.seed.materialSha256).toBe('60172335f32a22440c4d0de69c1f6b361a0618312cb957e45db0caebb3714d26')
    expect(verifyIndependently(d2file)).toEqual({ problems: [], adjustments: 4, headCode: '63DE-41F5-03A7-582F' })
  })

  it('the golden /1 files verify too', () => {
    for (const f of ['v1-draw-with-replacements.json', 'v1-redraw.json']) expect(verifyIndependently(golden(f)).problems).toEqual([])
  })

  it('catches what the text says must be caught', () => {
    const base = golden('v2-draw-with-replacements.json')
    const dropped = { ...base, replacements: base.replacements.slice(0, 1) }
    const r = verifyIndependently(dropped)
    expect(r.problems).toEqual([])
    expect(r.headCode).not.toBe('C704-98D0-5A64-9CC1') // the paper's head no longer matches
    const other = JSON.parse(JSON.stringify(base))
    other.seed.sources.find((s: { kind: string }) => s.kind === 'public').label = '福彩3D 第2026069期开奖号码'
    expect(verifyIndependently(other).problems).toContain('public values differ from the spec')
    const unsorted = JSON.parse(JSON.stringify(base))
    unsorted.pool.entries.reverse()
    expect(verifyIndependently(unsorted).problems).toContain('pool entries unsorted')
    const weak = JSON.parse(JSON.stringify(base))
    weak.sourceSpec.minDigits = 3
    expect(verifyIndependently(weak).problems).toContain('minDigits below 6')
  })
})
