import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serialiseEvidence, shortHash, verifyEvidence, verifyEvidenceFile, type DrawEvidence } from '../../../electron/services/draws'
import { WITNESSES, makeInspectors, makePool, makeTask } from './fixtures'
import { clone, drawEvidence, tempDir } from './helpers'

const pool = makePool(400, 11)
const people = makeInspectors(
  [
    { deptId: 1, certified: 12 },
    { deptId: 2, certified: 6, experts: 2, specialties: () => ['食品安全'] }
  ],
  12,
  pool
)
const sources = [...WITNESSES, { kind: 'public' as const, label: '福彩3D 2026068期', value: '5 1 8' }]
const evidence = drawEvidence(makeTask(), '2026-05-20', pool, people, sources, [{ code: '91610000999999999X', name: '已抽两次商户', reason: '本年度已被抽查 2 次（R2）' }])

function writeEvidence(e: DrawEvidence): string {
  const file = join(tempDir(), 'evidence.json')
  writeFileSync(file, serialiseEvidence(e), 'utf8')
  return file
}

describe('evidence file round trip', () => {
  it('verifies when re-read from disk, with exit code 0', () => {
    const r = verifyEvidenceFile(writeEvidence(evidence))
    expect(r.differences).toEqual([])
    expect(r.code).toBe(0)
    expect(r.message).toContain('一致')
    expect(r.message).toContain(shortHash(evidence))
    expect(shortHash(evidence)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/)
  })

  it('unreadable, non-JSON and foreign files give code 2', () => {
    const dir = tempDir()
    expect(verifyEvidenceFile(join(dir, 'missing.json')).code).toBe(2)
    writeFileSync(join(dir, 'bad.json'), '{"format": "suiji-evidence/1", ', 'utf8')
    expect(verifyEvidenceFile(join(dir, 'bad.json'))).toMatchObject({ code: 2 })
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}', 'utf8')
    expect(verifyEvidenceFile(join(dir, 'other.json')).message).toContain('不是本程序导出的抽取证据文件')
  })

  it('a file with a BOM (saved by Notepad) still verifies', () => {
    const file = join(tempDir(), 'bom.json')
    writeFileSync(file, '\ufeff' + serialiseEvidence(evidence), 'utf8')
    expect(verifyEvidenceFile(file).code).toBe(0)
  })
})

describe('every single-field alteration is detected', () => {
  const other = pool.find((p) => !evidence.result.some((r) => r.code === p.code))!
  const alterations: [string, (e: DrawEvidence) => void, RegExp][] = [
    ['a result object id', (e) => (e.result[2].code = other.code), /第 3 个抽中对象：按算法应为/],
    ['the draw order of two results', (e) => ([e.result[0], e.result[1]] = [e.result[1], e.result[0]]), /第 1 个抽中对象/],
    ['a seed digit', (e) => (e.seed.sources[1].value = e.seed.sources[1].value.replace(/^./, (d) => String((Number(d) + 1) % 10))), /派生种子：应为/],
    ['the derived seed', (e) => (e.seed.derived = e.seed.derived.replace(/^./, (d) => (d === 'a' ? 'b' : 'a'))), /派生种子/],
    ['a pool entry name', (e) => (e.pool.entries[5].name += '（改）'), /对象池哈希/],
    ['a pool entry credit class', (e) => (e.pool.entries[7].creditClass = e.pool.entries[7].creditClass === 'D' ? 'C' : 'D'), /对象池哈希/],
    ['a pool entry removed', (e) => e.pool.entries.splice(9, 1), /对象池数量/],
    ['the rule', (e) => (e.task.rule.B.value += 10), /B 类抽取数|种子材料/],
    ['the rule mode', (e) => (e.task.rule.D = { mode: 'ratio', value: 3 }), /种子材料|D 类抽取数/],
    ['a team member', (e) => (e.result[0].team[1].idNumber = people.find((p) => !e.result[0].team.some((m) => m.idNumber === p.idNumber))!.idNumber), /检查组第 2 人/],
    ['a team member role', (e) => (e.result[1].team[0].role = '组员'), /检查组第 1 人/],
    ['an inspector certificate date', (e) => (e.inspectors.entries[3].certValidUntil = '2020-01-01'), /执法人员名单哈希/],
    ['an inspector avoidance list', (e) => e.inspectors.entries[4].avoidTownships.push('城关镇'), /执法人员名单哈希/],
    ['the operator', (e) => (e.people.operator = '别人'), /证据文件哈希/],
    ['a witness name in the people list', (e) => (e.people.witnesses[0] = '路人'), /输入数字的见证人“张三”不在见证人名单/],
    ['an exclusion reason', (e) => (e.exclusions[0].reason = '无'), /证据文件哈希/],
    ['an excluded object put back into the pool', (e) => e.pool.entries.push({ code: e.exclusions[0].code, name: e.exclusions[0].name, township: '', creditClass: 'B' }), /已排除的对象/],
    ['the draw date', (e) => (e.drawDate = '2026-05-21'), /种子材料/],
    ['the time of the draw', (e) => (e.times.drawnAt = '2026-05-20 23:00:00'), /证据文件哈希/],
    ['a department’s inspectors per object', (e) => (e.task.departments[0].inspectorsPerObject = 3), /检查组第|证据文件哈希/],
    ['the pure-rand version', (e) => (e.prng.version = '7.0.1'), /随机数生成器/],
    ['the stored draw hash', (e) => (e.drawSha256 = '0'.repeat(64)), /证据文件哈希/],
    ['a field added to a pool entry', (e) => ((e.pool.entries[3] as unknown as Record<string, unknown>).note = '加'), /pool\.entries\.3/],
    ['a field added to an inspector', (e) => ((e.inspectors.entries[2] as unknown as Record<string, unknown>).note = '加'), /inspectors\.entries\.2/],
    ['a field added to a team member', (e) => ((e.result[0].team[0] as unknown as Record<string, unknown>).note = '加'), /证据文件哈希/],
    ['a field removed', (e) => delete (e as Partial<DrawEvidence>).quotas, /字段 quotas/]
  ]
  for (const [what, alter, message] of alterations) {
    it(what, () => {
      const e = clone(evidence)
      alter(e)
      const inMemory = verifyEvidence(e)
      expect(inMemory.ok).toBe(false)
      const onDisk = verifyEvidenceFile(writeEvidence(e))
      expect(onDisk.code).toBe(1)
      expect(onDisk.differences.join('\n')).toMatch(message)
    })
  }
})
