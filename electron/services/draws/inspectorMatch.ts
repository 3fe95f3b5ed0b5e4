import { Avoidance } from './eligibility'
import type { DeptPlan } from './feasibility'
import type { DrawRng } from './rng'
import type { DrawnObject, Inspector, PoolEntry, TeamMember, TeamRole } from './types'

/**
 * One candidate list (a department's certified members, or its experts) with
 * per-position state, so that a slot is a tight loop over typed arrays: the
 * benchmark (7 500 objects × 5 slots × 250 people) must stay well under 2 s.
 */
export class SlotList {
  readonly load: Int32Array
  readonly inTeam: Uint8Array
  private readonly avoid: (Avoidance | null)[]
  private readonly scratchUnder: Int32Array
  private readonly scratchFree: Int32Array
  constructor(
    readonly people: readonly Inspector[],
    readonly cap: number
  ) {
    this.load = new Int32Array(people.length)
    this.inTeam = new Uint8Array(people.length)
    this.avoid = people.map((p) => (p.avoidCodes.length > 0 || p.avoidTownships.length > 0 ? new Avoidance(p) : null))
    this.scratchUnder = new Int32Array(people.length)
    this.scratchFree = new Int32Array(people.length)
  }

  /**
   * spec §7.4, one slot: uniform among the list members not yet in the team,
   * not avoiding the object and under the cap; if none is under the cap,
   * uniform among the non-avoiding ones with the smallest load (overCap).
   * Feasibility guarantees the second list is never empty.
   */
  pick(object: PoolEntry, rng: DrawRng): { index: number; overCap: boolean } {
    let nUnder = 0
    let nFree = 0
    for (let i = 0; i < this.people.length; i++) {
      if (this.inTeam[i] === 1) continue
      const a = this.avoid[i]
      if (a !== null && a.avoids(object)) continue
      this.scratchFree[nFree++] = i
      if (this.load[i] < this.cap) this.scratchUnder[nUnder++] = i
    }
    let index: number
    let overCap = false
    if (nUnder > 0) index = this.scratchUnder[rng.int(0, nUnder - 1)]
    else {
      if (nFree === 0) throw new Error(`internal: no candidate for ${object.code}; feasibility check missed it`)
      let min = Infinity
      for (let k = 0; k < nFree; k++) min = Math.min(min, this.load[this.scratchFree[k]])
      let nLeast = 0
      for (let k = 0; k < nFree; k++) if (this.load[this.scratchFree[k]] === min) this.scratchUnder[nLeast++] = this.scratchFree[k]
      index = this.scratchUnder[rng.int(0, nLeast - 1)]
      overCap = true
    }
    this.load[index]++
    this.inTeam[index] = 1
    return { index, overCap }
  }
}

/**
 * spec §7: objects in draw order; within a team, departments in plan order
 * (initiating first), each department's certified members then its experts.
 * The first certified member of the team is the leader.
 */
export function matchInspectors(objects: readonly PoolEntry[], plans: readonly DeptPlan[], rng: DrawRng): DrawnObject[] {
  const lists = plans.map((p) => ({ plan: p, certified: new SlotList(p.certified, p.certifiedCap), experts: new SlotList(p.experts, p.expertCap) }))
  return objects.map((o, idx) => {
    const team: TeamMember[] = []
    const picked: [SlotList, number][] = []
    let leader = false
    const fill = (list: SlotList, n: number, expert: boolean) => {
      for (let k = 0; k < n; k++) {
        const { index, overCap } = list.pick(o, rng)
        const p = list.people[index]
        picked.push([list, index])
        const role: TeamRole = expert ? '专家' : leader ? '组员' : '组长'
        if (!expert) leader = true
        const m: TeamMember = { idNumber: p.idNumber, name: p.name, deptId: p.deptId, role }
        if (overCap) m.overCap = true
        team.push(m)
      }
    }
    for (const l of lists) {
      fill(l.certified, l.plan.dept.inspectorsPerObject, false)
      fill(l.experts, l.plan.dept.expertsPerObject ?? 0, true)
    }
    for (const [list, index] of picked) list.inTeam[index] = 0
    return { order: idx + 1, code: o.code, name: o.name, township: o.township, creditClass: o.creditClass, team }
  })
}
