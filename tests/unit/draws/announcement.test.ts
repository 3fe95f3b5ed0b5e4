import { describe, expect, it } from 'vitest'
import { buildSeed, planAnnouncement, prepareDraw, seedHeader } from '../../../electron/services/draws'
import { VECTOR_DATE, VECTOR_EXPECTED, VECTOR_POOL, VECTOR_ROSTER, VECTOR_SOURCES, VECTOR_TASK } from './independent/vectorData'

describe('抽取方案公告 (commit before the seed exists)', () => {
  const task = { ...VECTOR_TASK, number: 'TV-1' }
  const spec = { witnesses: 2, minDigits: 6, publics: ['福彩3D 2026068期'] }

  it('prints the hashes and the exact beginning of the seed material that the draw will use, announced sources included', () => {
    const p = prepareDraw(task, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER)
    const a = planAnnouncement(p, spec, ['张三', '李四'])
    expect(a.poolSha256).toBe(VECTOR_EXPECTED.poolSha256)
    expect(a.countsByClass).toEqual({ A: 4, B: 5, C: 2, D: 1 })
    expect(a.rule).toBe('A:ratio:500;B:ratio:300;C:count:1;D:count:5')
    const material = buildSeed(seedHeader(p, { spec }), VECTOR_SOURCES).material
    expect(material.startsWith(a.materialHeader.join('\n') + '\n')).toBe(true)
    expect(a.materialHeader.slice(6)).toEqual(['witnesses=2', 'digits=6', 'public=福彩3D 2026068期'])
    expect(a.seedFormation.join('')).toContain('2 名见证人（张三、李四）')
    expect(a.seedFormation.join('')).toContain('“福彩3D 2026068期”')
  })

  it('refuses an announcement below the entropy floor', () => {
    const p = prepareDraw(task, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER)
    expect(() => planAnnouncement(p, { witnesses: 3, minDigits: 5, publics: [] })).toThrow('不能少于 6 位')
    expect(() => planAnnouncement(p, { witnesses: 2, minDigits: 6, publics: [] })).toThrow('需要至少 3 名见证人')
    expect(() => planAnnouncement(p, { witnesses: 1, minDigits: 6, publics: [] })).toThrow('至少需要 2 名见证人')
    // two witnesses with a stated reason are accepted, and the reason is committed
    const a = planAnnouncement(p, { witnesses: 2, minDigits: 8, publics: [], reason: '乡镇会场只有两名群众代表到场' })
    expect(a.materialHeader.slice(6)).toEqual(['witnesses=2', 'digits=8', 'why=乡镇会场只有两名群众代表到场'])
  })
})
