import { describe, expect, it } from 'vitest'
import { appendReplacement, buildSeed, currentTeams, executeDraw, prepareDraw, seedHeader, type DrawTask, type PoolEntry } from '../../../electron/services/draws'
import { drawSha256 as independentDrawSha, recordSha256 as independentRecordSha, redrawPick as independentRedraw } from './independent/evidence'
import { drawEvidence } from './helpers'
import { draw as independentDraw } from './independent/impl'
import { WITNESSES, dataRng, makeInspectors, makePool, makeTask } from './fixtures'

// The app and the second implementation (written from the spec only) must
// agree on every object and every team member, on varied pools and seeds.
describe('independent implementation reproduces the program’s draws', () => {
  const cases: { name: string; task: DrawTask; poolSize: number; poolSeed: number; cap?: number }[] = [
    { name: 'default task, 300 objects', task: makeTask(), poolSize: 300, poolSeed: 1 },
    {
      name: 'three departments, counts',
      task: makeTask({
        departments: [
          ...makeTask().departments,
          { deptId: 3, deptName: '县农业农村局', itemIds: ['N1'], requiredSpecialties: [], inspectorsPerObject: 1 }
        ],
        rule: { A: { mode: 'count', value: 5 }, B: { mode: 'count', value: 11 }, C: { mode: 'ratio', value: 1000 }, D: { mode: 'ratio', value: 0 } }
      }),
      poolSize: 120,
      poolSeed: 3
    }
  ]
  for (const c of cases) {
    it(c.name, () => {
      const pool = makePool(c.poolSize, c.poolSeed)
      const people = makeInspectors(
        [
          { deptId: 1, certified: 14 },
          { deptId: 2, certified: 7, experts: 3, specialties: (i) => (i % 3 === 0 ? ['药品'] : ['食品安全']) },
          { deptId: 3, certified: 5 }
        ],
        c.poolSeed + 10,
        pool
      )
      // a few people who must never be picked
      people[0].certValidUntil = '2025-12-31'
      people[1].active = false
      const r = dataRng(c.poolSeed)
      for (let s = 0; s < 8; s++) {
        const sources = [
          { kind: 'witness' as const, label: '见证人甲', value: String(Math.floor(r() * 1e6)) },
          { kind: 'witness' as const, label: '见证人乙', value: String(Math.floor(r() * 1e6)) }
        ]
        const p = prepareDraw(c.task, '2026-06-01', pool, people)
        expect(p.problems).toEqual([])
        const app = executeDraw(p, buildSeed(seedHeader(p), sources))
        const ind = independentDraw(c.task, '2026-06-01', pool, people, sources)
        expect(ind.derived).toBe(app.seed.derived)
        expect(ind.result.map((x) => x.code)).toEqual(app.result.map((x) => x.code))
        expect(ind.result.map((x) => x.team)).toEqual(app.result.map((x) => x.team.map((m) => ({ idNumber: m.idNumber, role: m.role, overCap: !!m.overCap }))))
      }
    })
  }

  it('tight cap where 回避 forces the overCap fallback', () => {
    const pool: PoolEntry[] = Array.from({ length: 30 }, (_, i) => ({
      code: `9161${String(i).padStart(14, '0')}`,
      name: `对象${i}`,
      township: i < 24 ? '城关镇' : '西河乡',
      creditClass: (['A', 'B', 'C', 'D'] as const)[i % 4]
    }))
    const people = makeInspectors([{ deptId: 1, certified: 4 }, { deptId: 2, certified: 3 }], 5)
    for (const p of people) {
      p.avoidCodes = []
      p.avoidTownships = []
    }
    people[4].avoidTownships = ['城关镇'] // dept 2's first member cannot take 24 of the 30 objects
    const all = { mode: 'ratio' as const, value: 1000 }
    const task = makeTask({
      workloadCap: 10,
      departments: [
        { deptId: 1, deptName: '县市场监管局', itemIds: [], requiredSpecialties: [], inspectorsPerObject: 1 },
        { deptId: 2, deptName: '县卫健局', itemIds: [], requiredSpecialties: [], inspectorsPerObject: 1 }
      ],
      rule: { A: all, B: all, C: all, D: all }
    })
    for (const digits of ['1', '22', '333', '4444']) {
      const sources = [{ kind: 'public' as const, label: '体彩排列5 26001期', value: digits }]
      const p = prepareDraw(task, '2026-06-01', pool, people)
      expect(p.problems).toEqual([])
      const app = executeDraw(p, buildSeed(seedHeader(p), sources))
      expect(app.result.flatMap((x) => x.team).filter((m) => m.overCap).length).toBeGreaterThanOrEqual(4)
      const ind = independentDraw(task, '2026-06-01', pool, people, sources)
      expect(ind.result.map((x) => x.code)).toEqual(app.result.map((x) => x.code))
      expect(ind.result.map((x) => x.team)).toEqual(app.result.map((x) => x.team.map((m) => ({ idNumber: m.idNumber, role: m.role, overCap: !!m.overCap }))))
    }
  })
})

describe('independent implementation of the evidence hash and replacement re-draws', () => {
  it('drawSha256, record hashes and every re-draw agree with the program', () => {
    const pool = makePool(250, 41)
    const people = makeInspectors([{ deptId: 1, certified: 9 }, { deptId: 2, certified: 5, experts: 3, specialties: () => ['食品安全'] }], 42, pool)
    let e = drawEvidence(makeTask(), '2026-05-20', pool, people, WITNESSES)
    expect(independentDrawSha(e as unknown as Record<string, unknown>)).toBe(e.drawSha256)
    const r = dataRng(43)
    for (let seq = 1; seq <= 12; seq++) {
      const teams = currentTeams(e)
      const order = 1 + Math.floor(r() * teams.length)
      const out = teams[order - 1][Math.floor(r() * teams[order - 1].length)]
      const sources = [{ kind: 'witness' as const, label: `见证${seq}`, value: String(Math.floor(r() * 1e6)) }]
      const time = '2026-05-25 09:00:00'
      let next
      try {
        next = appendReplacement(e, { order, outIdNumber: out.idNumber, reason: '工作冲突', approver: '陈副局长', policy: 'redraw', sources, operator: '王经办', time })
      } catch {
        continue // nobody left to draw for this member: refused, nothing appended
      }
      const rec = next.replacements[next.replacements.length - 1]
      const dept = e.task.departments.find((d) => d.deptId === out.deptId)!
      const caps = e.caps[String(out.deptId)]
      const ind = independentRedraw({
        drawSha256: e.drawSha256,
        seq: rec.seq,
        order,
        outId: out.idNumber,
        sources,
        teams,
        object: e.result[order - 1],
        roster: e.inspectors.entries,
        requiredSpecialties: dept.requiredSpecialties,
        cap: out.role === '专家' ? caps.experts : caps.certified,
        date: time.slice(0, 10)
      })
      expect(ind.derived).toBe(rec.seed!.derived)
      expect(ind.candidates).toBe(rec.candidates)
      expect(ind.idNumber).toBe(rec.inIdNumber)
      expect(independentRecordSha(rec as unknown as Record<string, unknown>)).toBe(rec.sha256)
      e = next
    }
    expect(e.replacements.length).toBeGreaterThan(6)
  })
})

describe('independent verifier agrees with the program on suiji-draw/2 files with replacements and a re-draw', () => {
  it('varied /2 draws: no problems, same chain head and count', async () => {
    const { verifyIndependently } = await import('./independent/verifier')
    const { drawEvidenceV2 } = await import('./helpers')
    const { chainHead, replacementContext: ctxOf } = await import('../../../electron/services/draws')
    for (const seed of [5, 6, 7]) {
      const pool = makePool(200 + seed * 10, seed)
      const people = makeInspectors([{ deptId: 1, certified: 9 }, { deptId: 2, certified: 5, experts: 2, specialties: () => ['食品安全'] }], seed + 20, pool)
      const task = makeTask({ number: `JC-${seed}` })
      const spec = { witnesses: 3, minDigits: 6, publics: [] as string[] }
      const w = [
        { kind: 'witness' as const, label: '甲', value: String(100000 + seed * 7919) },
        { kind: 'witness' as const, label: '乙', value: String(200000 + seed * 104729) },
        { kind: 'witness' as const, label: '丙', value: '31415926' }
      ]
      let e = drawEvidenceV2(task, '2026-05-20', pool, people, w, spec)
      const out = e.result[0].team[0]
      const c = ctxOf(e, [], { order: 1, outIdNumber: out.idNumber, time: '2026-05-21 09:00:00' })
      e = appendReplacement(e, { order: 1, outIdNumber: out.idNumber, reason: '工作冲突', approver: '陈', operator: '王', policy: 'manual', inIdNumber: c.candidates[c.candidates.length - 1].idNumber, time: '2026-05-21 09:00:00' })
      e = appendReplacement(e, { order: 2, outIdNumber: e.result[1].team[1].idNumber, reason: '健康状况', approver: '陈', operator: '王', policy: 'redraw', sources: [{ kind: 'witness', label: '丁', value: `77${seed}204` }], time: '2026-05-21 10:00:00' })
      const head = chainHead(e)
      const link = { drawId: e.drawId, drawSha256: e.drawSha256, headSha256: head.headSha256, adjustments: head.adjustments, reason: '见证人未能核对结果' }
      const d2 = drawEvidenceV2(task, '2026-05-20', pool, people, w.map((x) => ({ ...x, value: x.value + '9' })), spec, link, `JC-${seed}-D2`)
      for (const file of [e, d2]) {
        const v = verifyIndependently(JSON.parse(JSON.stringify(file)))
        expect(v.problems).toEqual([])
        expect([v.adjustments, v.headCode]).toEqual([chainHead(file).adjustments, chainHead(file).headCode])
      }
    }
  })
})
