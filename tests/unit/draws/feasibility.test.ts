import { describe, expect, it } from 'vitest'
import { UserError } from '../../../electron/services/errors'
import { prepareDraw, runDraw, type Inspector, type PoolEntry } from '../../../electron/services/draws'
import { WITNESSES, makeInspectors, makePool, makeTask } from './fixtures'

const pool = makePool(200, 4)
const date = '2026-05-20'

function refusal(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    expect((e as UserError).code).toBe('infeasible')
    return (e as UserError).message
  }
  throw new Error('expected a refusal')
}

describe('the draw refuses before starting, saying which constraint fails and by how much', () => {
  it('not enough certified inspectors with the required speciality', () => {
    const people = makeInspectors([{ deptId: 1, certified: 6 }, { deptId: 2, certified: 4, experts: 1, specialties: (i) => (i === 0 ? ['食品安全'] : ['药品']) }], 1)
    const task = makeTask()
    task.departments[1].inspectorsPerObject = 2
    const msg = refusal(() => runDraw({ task, drawDate: date, pool, inspectors: people, sources: WITNESSES }))
    expect(msg).toContain('县卫健局 具备‘食品安全’专长的持证执法人员只有 1 人，每个对象需要 2 人，还差 1 人。')
  })

  it('expired certificates and inactive people do not count', () => {
    const people = makeInspectors([{ deptId: 1, certified: 3 }, { deptId: 2, certified: 2, experts: 1, specialties: () => ['食品安全'] }], 1)
    people[0].certValidUntil = '2026-05-19' // expired the day before the draw
    people[1].active = false
    const msg = refusal(() => runDraw({ task: makeTask(), drawDate: date, pool, inspectors: people, sources: WITNESSES }))
    expect(msg).toContain(`县市场监管局 在职且执法证在 ${date} 有效的持证执法人员只有 1 人，每个对象需要 2 人，还差 1 人。`)
    // valid on the day itself
    people[0].certValidUntil = date
    people[1].active = true
    expect(prepareDraw(makeTask(), date, pool, people).problems).toEqual([])
  })

  it('fewer than two certified members per team; experts never count', () => {
    const people = makeInspectors([{ deptId: 1, certified: 5, experts: 4 }], 1)
    const task = makeTask({ departments: [{ deptId: 1, deptName: '县市场监管局', itemIds: [], requiredSpecialties: [], inspectorsPerObject: 1, expertsPerObject: 3 }] })
    expect(prepareDraw(task, date, pool, people).problems).toEqual(['每个检查组至少需要 2 名持证执法人员，现在各部门每个对象合计只派 1 人，还差 1 人。'])
  })

  it('leader must come from the initiating department', () => {
    const people = makeInspectors([{ deptId: 1, certified: 5 }, { deptId: 2, certified: 5, specialties: () => ['食品安全'] }], 1)
    const task = makeTask()
    task.departments[0].inspectorsPerObject = 0
    task.departments[1].inspectorsPerObject = 2
    task.departments[1].expertsPerObject = 0
    expect(prepareDraw(task, date, pool, people).problems).toEqual(['组长须由发起部门人员担任，但发起部门县市场监管局每个对象派出 0 名持证执法人员，至少需要派 1 人。'])
  })

  it('an explicit workload cap too small for the slots', () => {
    const people = makeInspectors([{ deptId: 1, certified: 4 }, { deptId: 2, certified: 10, experts: 5, specialties: () => ['食品安全'] }], 1)
    const p = prepareDraw(makeTask({ workloadCap: 3 }), date, pool, people)
    const slots = p.drawCount * 2
    expect(p.problems).toContain(`县市场监管局 每人本次最多检查 3 个对象，4 名符合条件的持证执法人员最多承担 12 个检查名额，本次需要 ${slots} 个，还差 ${slots - 12} 个。`)
  })

  it('an object of the pool that 回避 leaves unstaffable is named', () => {
    const people: Inspector[] = makeInspectors([{ deptId: 1, certified: 3 }, { deptId: 2, certified: 2, experts: 1, specialties: () => ['食品安全'] }], 1)
    for (const p of people) {
      p.avoidCodes = []
      p.avoidTownships = []
    }
    const target: PoolEntry = pool[17]
    people[0].avoidCodes = [target.code]
    people[1].avoidTownships = [target.township]
    const problems = prepareDraw(makeTask(), date, pool, people).problems
    // the township avoider leaves 2 for the other objects there; only the object also avoided by code falls short
    expect(problems).toContain(`对象 ${target.code}（${target.name}）：县市场监管局 3 名符合条件的持证执法人员中有 2 人须回避，只剩 1 人，每个对象需要 2 人，还差 1 人。`)
    expect(problems).toHaveLength(1)
  })

  it('a rule that draws nothing', () => {
    const people = makeInspectors([{ deptId: 1, certified: 3 }, { deptId: 2, certified: 2, experts: 1, specialties: () => ['食品安全'] }], 1)
    const zero = { mode: 'count' as const, value: 0 }
    expect(prepareDraw(makeTask({ rule: { A: zero, B: zero, C: zero, D: zero } }), date, pool, people).problems).toEqual([
      '按当前抽取规则和对象池，本次一个对象也不会抽中，请检查各类对象的比例或数量。'
    ])
  })

  it('too few seed sources', () => {
    const people = makeInspectors([{ deptId: 1, certified: 3 }, { deptId: 2, certified: 2, experts: 1, specialties: () => ['食品安全'] }], 1)
    expect(() => runDraw({ task: makeTask(), drawDate: date, pool, inspectors: people, sources: [WITNESSES[0]] })).toThrow(
      '随机数来源不足：至少需要 2 名见证人各自输入数字，或 1 个事先公布的公开数值；现在只有 1 名见证人。'
    )
    expect(() => runDraw({ task: makeTask(), drawDate: date, pool, inspectors: people, sources: [WITNESSES[0], { ...WITNESSES[1], value: '12a4' }] })).toThrow('只能填数字')
  })

  it('invalid ratio and duplicate codes are refused with a sentence', () => {
    const people = makeInspectors([{ deptId: 1, certified: 3 }], 1)
    expect(() => prepareDraw(makeTask({ rule: { ...makeTask().rule, C: { mode: 'ratio', value: 1200 } } }), date, pool, people)).toThrow('C 类对象的比例 120% 超过了 100%。')
    expect(() => prepareDraw(makeTask(), date, [...pool, pool[3]], people)).toThrow(`对象代码 ${pool[3].code} 在对象池中出现了两次`)
  })
})
