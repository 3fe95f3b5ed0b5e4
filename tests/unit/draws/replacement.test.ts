import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../electron/services/errors'
import { appendReplacement, currentTeams, replacementContext, serialiseEvidence, shortHash, verifyEvidence, verifyEvidenceFile, type ReplacementRequest } from '../../../electron/services/draws'
import { WITNESSES, makeInspectors, makePool, makeTask } from './fixtures'
import { clone, drawEvidence, tempDir } from './helpers'

const pool = makePool(300, 21)
const people = makeInspectors([{ deptId: 1, certified: 10 }, { deptId: 2, certified: 5, experts: 2, specialties: () => ['食品安全'] }], 22, pool)
const original = drawEvidence(makeTask(), '2026-05-20', pool, people, WITNESSES)
const base = { reason: '工作冲突' as const, approver: '陈副局长', operator: '王经办', time: '2026-05-22 15:30:00' }

describe('R8 replacement', () => {
  it('manual pick: a new record, the original draw untouched and still verifiable', () => {
    const leader = original.result[0].team[0]
    const ctx = replacementContext(original, [], { order: 1, outIdNumber: leader.idNumber, time: base.time })
    const chosen = ctx.candidates[0]
    const e = appendReplacement(original, { ...base, order: 1, outIdNumber: leader.idNumber, policy: 'manual', inIdNumber: chosen.idNumber })
    expect(e.result).toEqual(original.result) // the draw itself is not changed
    expect(e.drawSha256).toBe(original.drawSha256)
    expect(shortHash(e)).toBe(shortHash(original))
    expect(e.replacements).toHaveLength(1)
    expect(e.replacements[0]).toMatchObject({ seq: 1, outIdNumber: leader.idNumber, inIdNumber: chosen.idNumber, role: '组长', deptId: 1, approver: '陈副局长', prevSha256: original.drawSha256 })
    expect(currentTeams(e)[0][0]).toMatchObject({ idNumber: chosen.idNumber, role: '组长' })
    expect(original.replacements).toHaveLength(0)
    expect(verifyEvidence(clone(e))).toEqual({ ok: true })
    const file = join(tempDir(), 'with-replacement.json')
    writeFileSync(file, serialiseEvidence(e))
    expect(verifyEvidenceFile(file).code).toBe(0)
  })

  it('random re-draw with a new seed source, chained after a manual one, all reproducible', () => {
    const m = original.result[3].team[2] // 县卫健局 certified member
    const e1 = appendReplacement(original, { ...base, order: 2, outIdNumber: original.result[1].team[1].idNumber, policy: 'manual', inIdNumber: replacementContext(original, [], { order: 2, outIdNumber: original.result[1].team[1].idNumber, time: base.time }).candidates[1].idNumber })
    const req: ReplacementRequest = { ...base, reason: '健康状况', order: 4, outIdNumber: m.idNumber, policy: 'redraw', sources: [{ kind: 'witness', label: '赵见证', value: '771204' }] }
    const e2 = appendReplacement(e1, req)
    const rec = e2.replacements[1]
    expect(rec.prevSha256).toBe(e1.replacements[0].sha256)
    expect(rec.seed!.material).toBe(`suiji-replace/1\ndraw=${original.drawSha256}\nseq=2\norder=4\nout=${m.idNumber}\nwitness:赵见证=771204\n`)
    const ctx = replacementContext(e1, e1.replacements, req)
    expect(ctx.drawable.map((p) => p.idNumber)).toContain(rec.inIdNumber)
    expect(rec.candidates).toBe(ctx.drawable.length)
    const newcomer = people.find((p) => p.idNumber === rec.inIdNumber)!
    expect(newcomer.deptId).toBe(2)
    expect(newcomer.specialties).toContain('食品安全')
    expect(verifyEvidence(clone(e2))).toEqual({ ok: true })
    // the same request with other digits may give another person, but always reproducibly
    expect(appendReplacement(e1, req).replacements[1]).toEqual(rec)
  })

  it('altering a replacement record, or the draw after a replacement, is detected', () => {
    const out = original.result[0].team[1]
    const e = appendReplacement(original, { ...base, order: 1, outIdNumber: out.idNumber, policy: 'redraw', sources: [{ kind: 'public', label: '福彩3D 2026070期', value: '0 4 9' }] })
    const a = clone(e)
    a.replacements[0].inIdNumber = people.find((p) => p.deptId === 1 && p.idNumber !== e.replacements[0].inIdNumber)!.idNumber
    expect(verifyEvidence(a)).toMatchObject({ ok: false })
    const b = clone(e)
    b.replacements[0].seed!.sources[0].value = '0 4 8'
    expect((verifyEvidence(b) as { differences: string[] }).differences.join('\n')).toMatch(/第 1 条替换记录/)
    const c = clone(e)
    c.replacements[0].approver = '别人'
    expect((verifyEvidence(c) as { differences: string[] }).differences.join('\n')).toMatch(/记录的哈希不符/)
    const d = clone(e)
    d.result[0].team[1].name = '改名'
    expect((verifyEvidence(d) as { differences: string[] }).differences.join('\n')).toMatch(/检查组第 2 人/)
  })

  it('refuses reasons outside the list, a missing approver and ineligible manual picks', () => {
    const m = original.result[0].team[1]
    const req = { ...base, order: 1, outIdNumber: m.idNumber, policy: 'manual' as const }
    expect(() => appendReplacement(original, { ...req, reason: '个人原因' as never, inIdNumber: people[0].idNumber })).toThrow('替换理由“个人原因”不在规定范围内，只能是：岗位调整、工作冲突、健康状况、执法回避。')
    expect(() => appendReplacement(original, { ...req, approver: ' ', inIdNumber: people[0].idNumber })).toThrow('请填写批准替换的分管负责人姓名。')
    // someone already in the team, someone from another department, someone who must avoid the object
    const inTeam = original.result[0].team[0].idNumber
    const otherDept = people.find((p) => p.deptId === 2 && !p.isExpert)!.idNumber
    for (const id of [inTeam, otherDept]) {
      try {
        appendReplacement(original, { ...req, inIdNumber: id })
        throw new Error('should refuse')
      } catch (err) {
        expect(err).toBeInstanceOf(UserError)
        expect((err as Error).message).toMatch(/不能替换 .+：必须是同一部门/)
      }
    }
    // R6: a person who avoids the object is never a candidate (small pool, everything drawn)
    const small = makePool(12, 30)
    const all = { mode: 'ratio' as const, value: 1000 }
    const pp = makeInspectors([{ deptId: 1, certified: 6 }, { deptId: 2, certified: 3, experts: 2, specialties: () => ['食品安全'] }], 31)
    for (const p of pp) {
      p.avoidCodes = []
      p.avoidTownships = []
    }
    pp[0].avoidCodes = [small[0].code]
    const e2 = drawEvidence(makeTask({ rule: { A: all, B: all, C: all, D: all } }), '2026-05-20', small, pp, WITNESSES)
    const o2 = e2.result.findIndex((r) => r.code === small[0].code)
    expect(e2.result[o2].team.some((t) => t.idNumber === pp[0].idNumber)).toBe(false)
    const out2 = e2.result[o2].team.find((t) => t.deptId === 1)!.idNumber
    expect(replacementContext(e2, [], { order: o2 + 1, outIdNumber: out2, time: base.time }).candidates.map((p) => p.idNumber)).not.toContain(pp[0].idNumber)
    expect(() => appendReplacement(e2, { ...req, order: o2 + 1, outIdNumber: out2, inIdNumber: pp[0].idNumber })).toThrow(/不能替换/)
  })
})
