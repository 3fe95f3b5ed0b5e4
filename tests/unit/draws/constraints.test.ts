import { describe, expect, it } from 'vitest'
import { buildEvidence, buildSeed, executeDraw, prepareDraw, seedHeader, verifyEvidence, type ClassRule, type CreditClass, type DrawTask, type Exclusion, type Inspector, type PoolEntry, type TaskDepartment } from '../../../electron/services/draws'
import { TOWNS, dataRng } from './fixtures'

const CLASSES: CreditClass[] = ['A', 'B', 'C', 'D']
const SPECIALTIES = ['食品安全', '药品', '特种设备', '农产品']
const DATE = '2026-07-01'

interface Scenario {
  task: DrawTask
  pool: PoolEntry[]
  exclusions: Exclusion[]
  people: Inspector[]
}

/** A random county: registry with prior inspections (R2), roster with every kind of person, a random task. */
function scenario(seed: number): Scenario {
  const r = dataRng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const registry = Array.from({ length: int(30, 200) }, (_, i) => ({
    code: `91${String(seed).padStart(6, '0')}${String(i).padStart(10, '0')}`,
    name: `对象${seed}-${i}`,
    township: r() < 0.1 ? '' : pick(TOWNS),
    creditClass: pick(CLASSES),
    inspectedThisYear: r() < 0.15 ? int(1, 2) : 0
  }))
  // R2 (done by the task service before freezing): at most twice a year, class A at most once
  const over = (o: (typeof registry)[number]) => o.inspectedThisYear >= (o.creditClass === 'A' ? 1 : 2)
  const pool = registry.filter((o) => !over(o)).map(({ inspectedThisYear: _, ...o }) => o)
  const exclusions = registry.filter(over).map((o) => ({ code: o.code, name: o.name, reason: `本年度已抽查 ${o.inspectedThisYear} 次` }))
  const deptCount = int(1, 3)
  const departments: TaskDepartment[] = Array.from({ length: deptCount }, (_, d) => ({
    deptId: d + 1,
    deptName: `部门${d + 1}`,
    itemIds: [`item-${d + 1}`],
    requiredSpecialties: r() < 0.3 ? [pick(SPECIALTIES)] : [],
    inspectorsPerObject: d === 0 ? int(1, 2) : int(0, 2),
    expertsPerObject: r() < 0.3 ? 1 : 0
  }))
  if (departments.reduce((s, d) => s + d.inspectorsPerObject, 0) < 2) departments[0].inspectorsPerObject = 2
  const people: Inspector[] = []
  for (const d of departments) {
    const n = int(6, 18)
    for (let i = 0; i < n; i++) {
      const expert = r() < 0.15
      people.push({
        idNumber: `${String(seed).padStart(6, '0')}${String(d.deptId).padStart(2, '0')}${String(i).padStart(10, '0')}`,
        name: `人员${d.deptId}-${i}`,
        deptId: d.deptId,
        certNo: expert || r() < 0.05 ? '' : `ZF${i}`,
        certValidUntil: r() < 0.1 ? '2026-06-30' : r() < 0.05 ? null : '2028-01-01',
        active: r() > 0.07,
        isExpert: expert,
        specialties: r() < 0.7 ? [...new Set([pick(SPECIALTIES), pick(SPECIALTIES), ...d.requiredSpecialties.filter(() => r() < 0.8)])] : [],
        avoidCodes: r() < 0.3 && pool.length > 0 ? [pick(pool).code] : [],
        avoidTownships: r() < 0.1 ? [pick(TOWNS)] : []
      })
    }
  }
  const rule = {} as Record<CreditClass, ClassRule>
  for (const c of CLASSES) rule[c] = r() < 0.6 ? { mode: 'ratio', value: int(0, 300) } : { mode: 'count', value: int(0, 8) }
  const task: DrawTask = { id: `R-${seed}`, name: '随机任务', initiatingDeptId: 1, departments, rule, leaderFromInitiator: true, ...(r() < 0.3 ? { workloadCap: int(2, 6) } : {}) }
  return { task, pool, exclusions, people }
}

function expectedQuota(size: number, rule: ClassRule): number {
  return Math.min(size, rule.mode === 'ratio' ? Math.ceil((size * rule.value) / 1000) : rule.value)
}

describe('constraints hold in every one of 1,000 randomised draws', () => {
  it('quotas, R2, R5, R6, R7 and the workload cap', () => {
    let drawn = 0
    let refused = 0
    let overCapMembers = 0
    const violations: string[] = []
    // scenarios continue until 1,000 of them were feasible and drawn
    for (let i = 0; drawn < 1000 && i < 3000; i++) {
      const s = scenario(10_000 + i)
      const prepared = prepareDraw(s.task, DATE, s.pool, s.people)
      if (prepared.problems.length > 0) {
        refused++
        continue
      }
      drawn++
      const check = (ok: boolean, what: string) => {
        if (!ok && violations.length < 20) violations.push(`场景 ${i}: ${what}`)
      }
      const seed = buildSeed(seedHeader(prepared), [{ kind: 'public', label: `排列5 第${i}期`, value: String(i * 7919) }])
      const out = executeDraw(prepared, seed)
      const byCode = new Map(s.pool.map((o) => [o.code, o]))
      const byId = new Map(s.people.map((p) => [p.idNumber, p]))
      const excluded = new Set(s.exclusions.map((x) => x.code))
      // quotas per stratum
      for (const c of CLASSES) {
        const size = s.pool.filter((o) => o.creditClass === c).length
        check(out.result.filter((o) => o.creditClass === c).length === expectedQuota(size, s.task.rule[c]), `${c} 类配额`)
      }
      check(new Set(out.result.map((o) => o.code)).size === out.result.length, '对象重复')
      // strata in A–D order
      const classOrder = out.result.map((o) => CLASSES.indexOf(o.creditClass))
      check(classOrder.every((c, k) => k === 0 || classOrder[k - 1] <= c), '分层顺序')
      const loads = new Map<string, number>()
      const marked = new Set<string>()
      for (const o of out.result) {
        const entry = byCode.get(o.code)!
        check(entry !== undefined, '不在对象池') // drawn from the pool
        check(!excluded.has(o.code), 'R2 已排除对象被抽中')
        check(new Set(o.team.map((m) => m.idNumber)).size === o.team.length, '组内重复')
        const certified = o.team.filter((m) => m.role !== '专家')
        check(certified.length >= 2, 'R5 少于 2 人')
        check(o.team[0].role === '组长', '首位不是组长')
        check(o.team[0].deptId === s.task.initiatingDeptId, 'R5 组长不是发起部门')
        check(o.team.filter((m) => m.role === '组长').length === 1, '组长人数')
        for (const d of s.task.departments) {
          const mine = o.team.filter((m) => m.deptId === d.deptId)
          check(mine.filter((m) => m.role !== '专家').length === d.inspectorsPerObject, 'R5 部门派员数')
          check(mine.filter((m) => m.role === '专家').length === (d.expertsPerObject ?? 0), '专家数')
        }
        for (const m of o.team) {
          const p = byId.get(m.idNumber)!
          const d = s.task.departments.find((x) => x.deptId === p.deptId)!
          check(p.deptId === m.deptId, '部门不符')
          check(p.active, '非在职')
          if (m.role === '专家') check(p.isExpert, '专家标记')
          else {
            check(!p.isExpert, 'R5 专家被计入') // experts never count
            check(p.certNo !== '', 'R5 无执法证')
            check(p.certValidUntil !== null && p.certValidUntil >= DATE, 'R5 执法证过期')
            for (const sp of d.requiredSpecialties) check(p.specialties.includes(sp), 'R7 专长不符')
          }
          check(!p.avoidCodes.includes(o.code), 'R6 回避对象')
          if (entry.township) check(!p.avoidTownships.includes(entry.township), 'R6 回避片区')
          loads.set(p.idNumber, (loads.get(p.idNumber) ?? 0) + 1)
          if (m.overCap) marked.add(p.idNumber)
          if (m.overCap) overCapMembers++
        }
      }
      for (const [id, load] of loads) {
        const p = byId.get(id)!
        const cap = out.caps[String(p.deptId)][p.isExpert ? 'experts' : 'certified']
        if (s.task.workloadCap !== undefined) check(cap === s.task.workloadCap, '上限不符')
        if (!marked.has(id)) check(load <= cap, '超出上限')
      }
      if (i % 100 === 0) {
        const e = buildEvidence(prepared, out, { drawId: `D${i}`, exclusions: s.exclusions, people: { operator: '经办', witnesses: [] }, times: { publishedAt: '', drawnAt: '' } })
        expect(verifyEvidence(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true })
      }
    }
    expect(violations).toEqual([])
    // the generator of scenarios must exercise both outcomes
    expect(drawn).toBe(1000)
    expect(refused).toBeGreaterThan(20)
    console.log(`${drawn + refused} scenarios: ${drawn} drawn, ${refused} refused by the feasibility check, ${overCapMembers} over-cap members`)
  })
})
