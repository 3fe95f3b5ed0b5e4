import { describe, expect, it } from 'vitest'
import { appendReplacement, chainHead, checkEvidence, replacementContext, runDraw, verifyEvidence, type DrawEvidence } from '../../../electron/services/draws'
import { makeInspectors, makePool, makeTask } from './fixtures'
import { clone, drawEvidenceV2 } from './helpers'

const pool = makePool(300, 41)
const people = makeInspectors([{ deptId: 1, certified: 10 }, { deptId: 2, certified: 5, experts: 2, specialties: () => ['食品安全'] }], 42, pool)
const task = makeTask({ number: 'JC2026-011' })
const spec = { witnesses: 3, minDigits: 6, publics: ['福彩3D 第2026300期开奖号码'] }
const sources = [
  { kind: 'witness' as const, label: '张三', value: '483920' },
  { kind: 'witness' as const, label: '李四', value: '105577' },
  { kind: 'witness' as const, label: '王五', value: '660318' },
  { kind: 'public' as const, label: '福彩3D 第2026300期开奖号码', value: '5 1 8' }
]
const base = { approver: '陈副局长', operator: '王经办' }

function withReplacements(): DrawEvidence {
  const d = drawEvidenceV2(task, '2026-05-20', pool, people, sources, spec)
  const m1 = d.result[0].team[0]
  let e = appendReplacement(d, { ...base, reason: '工作冲突', order: 1, outIdNumber: m1.idNumber, policy: 'manual', inIdNumber: replacementContext(d, [], { order: 1, outIdNumber: m1.idNumber, time: '2026-05-21 09:00:00' }).candidates[0].idNumber, time: '2026-05-21 09:00:00' })
  e = appendReplacement(e, { ...base, reason: '健康状况', order: 2, outIdNumber: d.result[1].team[1].idNumber, policy: 'redraw', sources: [{ kind: 'witness', label: '赵见证', value: '771204' }], time: '2026-05-21 10:00:00' })
  return e
}

describe('suiji-draw/2 sources', () => {
  it('refuses a draw with other sources than the announced ones, and weak digits', () => {
    const input = { task, drawDate: '2026-05-20', pool, inspectors: people, spec }
    expect(runDraw({ ...input, sources }).result.length).toBeGreaterThan(0)
    expect(() => runDraw({ ...input, sources: sources.slice(1) })).toThrow('规定由 3 名见证人输入数字，现在录入了 2 名')
    expect(() => runDraw({ ...input, sources: [...sources.slice(0, 3), { ...sources[3], label: '福彩3D 第2026301期开奖号码' }] })).toThrow('公开数值与抽取方案公告不符')
    expect(() => runDraw({ ...input, sources: [{ ...sources[0], value: '1' }, ...sources.slice(1)] })).toThrow('只输入了 1 位数字')
    expect(() => runDraw({ ...input, sources: [{ ...sources[0], value: '12 345' }, ...sources.slice(1)] })).toThrow('只输入了 5 位数字')
  })

  it('the evidence records the spec; a verifier refuses a file whose sources differ from it', () => {
    const e = drawEvidenceV2(task, '2026-05-20', pool, people, sources, spec)
    expect(e.sourceSpec).toEqual({ witnesses: 3, minDigits: 6, publics: ['福彩3D 第2026300期开奖号码'] })
    expect(e.seed.material.split('\n').slice(0, 9)).toEqual([
      'suiji-draw/2',
      'task=JC2026-011',
      'date=2026-05-20',
      `pool=${e.pool.sha256}`,
      `inspectors=${e.inspectors.sha256}`,
      'rule=A:ratio:30;B:ratio:50;C:ratio:100;D:count:3',
      'witnesses=3',
      'digits=6',
      'public=福彩3D 第2026300期开奖号码'
    ])
    expect(verifyEvidence(clone(e))).toEqual({ ok: true })
    // a file claiming a two-witness spec (one witness dropped, spec edited to match) fails the floor and the hash
    const edited = clone(e)
    edited.sourceSpec!.witnesses = 2
    edited.seed.sources = edited.seed.sources.filter((s) => s.label !== '王五')
    const r = verifyEvidence(edited)
    expect(r.ok).toBe(false)
    // a weakened minimum is refused outright
    const weak = clone(e)
    weak.sourceSpec!.minDigits = 3
    expect(JSON.stringify(verifyEvidence(weak))).toContain('不能少于 6 位')
  })
})

describe('the adjustment chain (spec §8.5)', () => {
  it('dropping the last replacement, or all, passes the file alone but not the paper', () => {
    const e = withReplacements()
    const paper = { adjustments: chainHead(e).adjustments, headCode: chainHead(e).headCode }
    expect(paper.adjustments).toBe(2)
    expect(checkEvidence(clone(e), paper).code).toBe(0)
    const dropLast = { ...clone(e), replacements: e.replacements.slice(0, 1) }
    expect(verifyEvidence(dropLast)).toEqual({ ok: true })
    const r1 = checkEvidence(dropLast, paper)
    expect(r1.code).toBe(1)
    expect(r1.differences.join('')).toContain('纸质抽取记录印的是 2 次，证据文件只能推出 1 次')
    const dropAll = { ...clone(e), replacements: [] }
    const r2 = checkEvidence(dropAll, { headCode: paper.headCode })
    expect(r2.code).toBe(1)
    expect(r2.differences.join('')).toContain('链头校验码')
    // the head code is typed from paper in any case and with or without dashes
    expect(checkEvidence(clone(e), { headCode: paper.headCode.toLowerCase().replace(/-/g, '') }).code).toBe(0)
  })

  it('a /2 random replacement names the record it follows; dropping a middle record breaks the chain', () => {
    const e = withReplacements()
    expect(e.replacements[1].seed!.material).toBe(
      `suiji-replace/2\ndraw=${e.drawSha256}\nprev=${e.replacements[0].sha256}\nseq=2\norder=2\nout=${e.replacements[1].outIdNumber}\nwitness:赵见证=771204\n`
    )
    const holed = { ...clone(e), replacements: [clone(e.replacements[1])] }
    expect(verifyEvidence(holed).ok).toBe(false)
    expect(() => appendReplacement(e, { ...base, reason: '健康状况', order: 3, outIdNumber: e.result[2].team[1].idNumber, policy: 'redraw', sources: [{ kind: 'witness', label: '赵见证', value: '77120' }], time: '2026-05-21 11:00:00' })).toThrow('只输入了 5 位数字')
  })

  it('a re-draw continues the chain of the draw it supersedes; dropping its link is caught', () => {
    const old = withReplacements()
    const head = chainHead(old)
    const link = { drawId: old.drawId, drawSha256: old.drawSha256, headSha256: head.headSha256, adjustments: head.adjustments, reason: '抽取现场停电，见证人未能核对结果' }
    const fresh = [
      { kind: 'witness' as const, label: '周七', value: '990417' },
      { kind: 'witness' as const, label: '吴八', value: '123456' },
      { kind: 'witness' as const, label: '郑九', value: '314159' },
      sources[3]
    ]
    const d2 = drawEvidenceV2(task, '2026-05-20', pool, people, fresh, spec, link, 'JC2026-011-D2')
    expect(d2.seed.material).toContain(`\nsupersedes=${head.headSha256}\nredraw-reason=抽取现场停电，见证人未能核对结果\n`)
    expect(chainHead(d2).adjustments).toBe(3)
    expect(verifyEvidence(clone(d2))).toEqual({ ok: true })
    const unlinked = clone(d2)
    delete unlinked.supersedes
    expect(verifyEvidence(unlinked).ok).toBe(false)
    expect(checkEvidence(clone(old), { adjustments: 3, headCode: chainHead(d2).headCode }).code).toBe(1)
  })
})
