import { Avoidance } from './eligibility'
import type { DeptPlan } from './feasibility'
import type { DrawRng } from './rng'
import type { DrawnObject, Inspector, PoolEntry, TeamMember, TeamRole } from './types'

/** Per-person load for this task; keyed by 身份证号. */
export type Loads = Map<string, number>

/**
 * spec §7.4, one slot: uniform among the list members not yet in the team,
 * not avoiding the object and under the cap; if none is under the cap, uniform
 * among the non-avoiding ones with the smallest load (marked overCap).
 * Feasibility guarantees the second list is never empty.
 */
export function pickOne(
  list: readonly Inspector[],
  avoidance: ReadonlyMap<string, Avoidance>,
  cap: number,
  object: PoolEntry,
  inTeam: ReadonlySet<string>,
  loads: Loads,
  rng: DrawRng
): { person: Inspector; overCap: boolean } {
  const under: Inspector[] = []
  const free: Inspector[] = []
  for (const p of list) {
    if (inTeam.has(p.idNumber) || avoidance.get(p.idNumber)!.avoids(object)) continue
    free.push(p)
    if ((loads.get(p.idNumber) ?? 0) < cap) under.push(p)
  }
  if (under.length > 0) return { person: under[rng.int(0, under.length - 1)], overCap: false }
  if (free.length === 0) throw new Error(`internal: no candidate for ${object.code}; feasibility check missed it`)
  let min = Infinity
  for (const p of free) min = Math.min(min, loads.get(p.idNumber) ?? 0)
  const least = free.filter((p) => (loads.get(p.idNumber) ?? 0) === min)
  return { person: least[rng.int(0, least.length - 1)], overCap: true }
}

export function avoidanceIndex(plans: readonly DeptPlan[]): Map<string, Avoidance> {
  const m = new Map<string, Avoidance>()
  for (const p of plans) for (const x of [...p.certified, ...p.experts]) m.set(x.idNumber, new Avoidance(x))
  return m
}

/**
 * spec §7: objects in draw order; within a team, departments in plan order
 * (initiating first), each department's certified members then its experts.
 * The first certified member of the team is the leader.
 */
export function matchInspectors(objects: readonly PoolEntry[], plans: readonly DeptPlan[], rng: DrawRng): DrawnObject[] {
  const avoidance = avoidanceIndex(plans)
  const loads: Loads = new Map()
  return objects.map((o, idx) => {
    const team: TeamMember[] = []
    const inTeam = new Set<string>()
    const add = (person: Inspector, overCap: boolean, expert: boolean) => {
      const role: TeamRole = expert ? '专家' : team.some((m) => m.role === '组长') ? '组员' : '组长'
      const m: TeamMember = { idNumber: person.idNumber, name: person.name, deptId: person.deptId, role }
      if (overCap) m.overCap = true
      team.push(m)
      inTeam.add(person.idNumber)
      loads.set(person.idNumber, (loads.get(person.idNumber) ?? 0) + 1)
    }
    for (const plan of plans) {
      for (let i = 0; i < plan.dept.inspectorsPerObject; i++) {
        const r = pickOne(plan.certified, avoidance, plan.certifiedCap, o, inTeam, loads, rng)
        add(r.person, r.overCap, false)
      }
      for (let i = 0; i < (plan.dept.expertsPerObject ?? 0); i++) {
        const r = pickOne(plan.experts, avoidance, plan.expertCap, o, inTeam, loads, rng)
        add(r.person, r.overCap, true)
      }
    }
    return { order: idx + 1, code: o.code, name: o.name, township: o.township, creditClass: o.creditClass, team }
  })
}
