import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildEvidence, buildSeed, executeDraw, prepareDraw, seedHeader, serialiseEvidence, verifyEvidenceFile, type CreditClass, type DrawTask, type Inspector, type PoolEntry } from '../../electron/services/draws'

/**
 * Issue 5 goal: a 4-class draw of 5 % of 150 000 objects plus inspector
 * matching for every drawn object from 1 000 inspectors ≤ 2 s; verification
 * of it ≤ 2 s. Returns printable lines; `npm run bench` prints them.
 */

function lcg(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 4294967296
  }
}

const TOWNS = Array.from({ length: 18 }, (_, i) => `乡镇${i + 1}`)
const CLASSES: CreditClass[] = ['A', 'B', 'C', 'D']

export function syntheticCounty(objects: number, inspectors: number): { pool: PoolEntry[]; people: Inspector[]; task: DrawTask } {
  const r = lcg(20260501)
  const pool: PoolEntry[] = []
  for (let i = 0; i < objects; i++) {
    const x = r()
    pool.push({ code: `91610000${String(i).padStart(9, '0')}X`, name: `合成市场主体${i}`, township: TOWNS[Math.floor(r() * TOWNS.length)], creditClass: CLASSES[x < 0.35 ? 0 : x < 0.8 ? 1 : x < 0.95 ? 2 : 3] })
  }
  const depts = [1, 2, 3, 4]
  const people: Inspector[] = []
  for (let i = 0; i < inspectors; i++) {
    const deptId = depts[i % depts.length]
    const expert = i % 25 === 0
    people.push({
      idNumber: `610100198${String(i).padStart(9, '0')}`,
      name: `执法人员${i}`,
      deptId,
      certNo: expert ? '' : `ZF${i}`,
      certValidUntil: expert ? null : '2029-12-31',
      active: i % 40 !== 7,
      isExpert: expert,
      specialties: i % 3 === 0 ? ['食品安全'] : ['特种设备'],
      avoidCodes: r() < 0.3 ? [pool[Math.floor(r() * pool.length)].code] : [],
      avoidTownships: r() < 0.1 ? [TOWNS[Math.floor(r() * TOWNS.length)]] : []
    })
  }
  const five = { mode: 'ratio' as const, value: 50 }
  const task: DrawTask = {
    id: 'BENCH-1',
    number: 'BENCH-1',
    name: '基准测试任务',
    initiatingDeptId: 1,
    departments: [
      { deptId: 1, deptName: '县市场监管局', itemIds: ['a'], requiredSpecialties: [], inspectorsPerObject: 2, expertsPerObject: 1 },
      { deptId: 2, deptName: '县卫健局', itemIds: ['b'], requiredSpecialties: ['食品安全'], inspectorsPerObject: 1 },
      { deptId: 3, deptName: '县应急管理局', itemIds: ['c'], requiredSpecialties: [], inspectorsPerObject: 1 },
      { deptId: 4, deptName: '县农业农村局', itemIds: ['d'], requiredSpecialties: [], inspectorsPerObject: 1 }
    ],
    rule: { A: five, B: five, C: five, D: five },
    leaderFromInitiator: true
  }
  return { pool, people, task }
}

const ms = (t: number) => `${t.toFixed(0)} ms`

export async function benchDraws(): Promise<string[]> {
  const { pool, people, task } = syntheticCounty(150_000, 1_000)
  const t0 = performance.now()
  const prepared = prepareDraw(task, '2026-06-15', pool, people)
  if (prepared.problems.length > 0) return [`抽取基准：合成数据不可行：${prepared.problems.join(' ')}`]
  // suiji-draw/2: three witnesses as announced, six digits each
  const spec = { witnesses: 3, minDigits: 6, publics: [] }
  const seed = buildSeed(seedHeader(prepared, { spec }), [
    { kind: 'witness', label: '见证人甲', value: '483920' },
    { kind: 'witness', label: '见证人乙', value: '105577' },
    { kind: 'witness', label: '见证人丙', value: '660318' }
  ])
  const outcome = executeDraw(prepared, seed)
  const drawMs = performance.now() - t0
  const evidence = buildEvidence(prepared, outcome, {
    drawId: 'BENCH-D1',
    exclusions: [],
    people: { operator: '基准', witnesses: ['见证人甲', '见证人乙', '见证人丙'] },
    times: { publishedAt: '2026-06-10 09:00:00', drawnAt: '2026-06-15 10:00:00' },
    spec
  })
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-'))
  const file = join(dir, 'evidence.json')
  const text = serialiseEvidence(evidence)
  writeFileSync(file, text, 'utf8')
  const t1 = performance.now()
  const verdict = verifyEvidenceFile(file)
  const verifyMs = performance.now() - t1
  rmSync(dir, { recursive: true, force: true })
  const members = outcome.result.reduce((s, o) => s + o.team.length, 0)
  return [
    `抽取（150 000 个对象按 4 类各抽 5 %，共 ${outcome.result.length} 个；从 1 000 名执法人员中配 ${members} 人次）：${ms(drawMs)}（目标 ≤ 2000 ms）${drawMs <= 2000 ? ' ✓' : ' ✗'}`,
    `复核（从磁盘读入 ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB 证据文件并重算）：${ms(verifyMs)}（目标 ≤ 2000 ms）${verifyMs <= 2000 && verdict.code === 0 ? ' ✓' : ' ✗'}${verdict.code === 0 ? '' : ` 复核不一致！${verdict.message}`}`
  ]
}
