import { describe, expect, it } from 'vitest'
import { buildSeed, planAnnouncement, prepareDraw, seedHeader } from '../../../electron/services/draws'
import { VECTOR_DATE, VECTOR_EXPECTED, VECTOR_POOL, VECTOR_ROSTER, VECTOR_SOURCES, VECTOR_TASK } from './independent/vectorData'

describe('抽取方案公告 (commit before the seed exists)', () => {
  it('prints the hashes and the exact beginning of the seed material that the draw will use', () => {
    const p = prepareDraw(VECTOR_TASK, VECTOR_DATE, VECTOR_POOL, VECTOR_ROSTER)
    const a = planAnnouncement(p, [
      { kind: 'witness', label: '张三' },
      { kind: 'witness', label: '李四' },
      { kind: 'public', label: '福彩3D 2026068期' }
    ])
    expect(a.poolSha256).toBe(VECTOR_EXPECTED.poolSha256)
    expect(a.countsByClass).toEqual({ A: 4, B: 5, C: 2, D: 1 })
    expect(a.rule).toBe('A:ratio:500;B:ratio:300;C:count:1;D:count:5')
    const material = buildSeed(seedHeader(p), VECTOR_SOURCES).material
    expect(material.startsWith(a.materialHeader.join('\n') + '\n')).toBe(true)
    expect(a.seedFormation.join('')).toContain('见证人 张三、李四')
    expect(a.seedFormation.join('')).toContain('“福彩3D 2026068期”')
  })
})
