import type { Inspector, PoolEntry, TaskDepartment } from './types'

/** R5: counts toward the team only with a 执法证 valid on the draw date, in service, not an expert. */
export function isCertifiedOn(p: Inspector, drawDate: string): boolean {
  return p.active && !p.isExpert && p.certNo.trim() !== '' && p.certValidUntil !== null && p.certValidUntil >= drawDate
}

/** R7: every speciality the department's items need. */
export function holdsAll(p: Inspector, required: readonly string[]): boolean {
  return required.every((s) => p.specialties.includes(s))
}

/** spec §7.1: the department's certified members eligible for its items, in 身份证号 order (input must be sorted). */
export function certifiedFor(sortedInspectors: readonly Inspector[], dept: TaskDepartment, drawDate: string): Inspector[] {
  return sortedInspectors.filter((p) => p.deptId === dept.deptId && isCertifiedOn(p, drawDate) && holdsAll(p, dept.requiredSpecialties))
}

/** spec §7.1: experts join as extra members only; no certificate or speciality needed. */
export function expertsFor(sortedInspectors: readonly Inspector[], dept: TaskDepartment): Inspector[] {
  return sortedInspectors.filter((p) => p.deptId === dept.deptId && p.active && p.isExpert)
}

/** R6 test, precomputed as sets because it runs for every candidate of every slot. */
export class Avoidance {
  private readonly codes: Set<string>
  private readonly towns: Set<string>
  constructor(p: Inspector) {
    this.codes = new Set(p.avoidCodes)
    this.towns = new Set(p.avoidTownships)
  }
  avoids(o: PoolEntry): boolean {
    return this.codes.has(o.code) || (o.township !== '' && this.towns.has(o.township))
  }
}

export function avoids(p: Inspector, o: PoolEntry): boolean {
  return p.avoidCodes.includes(o.code) || (o.township !== '' && p.avoidTownships.includes(o.township))
}

/** spec §7.2: initiating department first, then the others by ascending deptId. */
export function departmentOrder(depts: readonly TaskDepartment[], initiatingDeptId: number): TaskDepartment[] {
  return [...depts].sort((a, b) => {
    if (a.deptId === initiatingDeptId) return -1
    if (b.deptId === initiatingDeptId) return 1
    return a.deptId - b.deptId
  })
}

/** spec §7.3 default cap: ceil(slots / eligible) + 1. */
export function defaultCap(slots: number, eligible: number): number {
  if (slots === 0 || eligible === 0) return 0
  return Math.ceil(slots / eligible) + 1
}
