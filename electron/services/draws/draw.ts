import { UserError } from '../errors'
import { sortInspectors, sortPool, canonicalPool, canonicalInspectors, sha256Hex } from './canonical'
import { feasibilityProblems, planDepartments, validateTask, type DeptPlan } from './feasibility'
import { matchInspectors } from './inspectorMatch'
import { drawObjects, quotas, validateRule } from './objectDraw'
import { createRng } from './rng'
import { buildSeed, type SeedHeader } from './seed'
import { CREDIT_CLASSES, type CreditClass, type DrawInput, type DrawOutcome, type DrawTask, type Inspector, type PoolEntry, type SeedInfo, type StratumQuota } from './types'

/** Everything fixed at 方案已公布, before any seed source exists (commit, then draw). */
export interface PreparedDraw {
  task: DrawTask
  drawDate: string
  pool: PoolEntry[]
  inspectors: Inspector[]
  poolSha256: string
  inspectorsSha256: string
  quotas: Record<CreditClass, StratumQuota>
  drawCount: number
  plans: DeptPlan[]
  /** [] = feasible */
  problems: string[]
}

export function prepareDraw(task: DrawTask, drawDate: string, pool: readonly PoolEntry[], inspectors: readonly Inspector[]): PreparedDraw {
  validateTask(task, drawDate)
  validateRule(task.rule)
  const sortedPool = sortPool(pool)
  const sortedInspectors = sortInspectors(inspectors)
  const q = quotas(sortedPool, task.rule)
  const drawCount = CREDIT_CLASSES.reduce((s, c) => s + q[c].quota, 0)
  const plans = planDepartments(task, drawDate, sortedInspectors, drawCount)
  return {
    task,
    drawDate,
    pool: sortedPool,
    inspectors: sortedInspectors,
    poolSha256: sha256Hex(canonicalPool(sortedPool)),
    inspectorsSha256: sha256Hex(canonicalInspectors(sortedInspectors)),
    quotas: q,
    drawCount,
    plans,
    problems: feasibilityProblems(task, drawDate, sortedPool, plans, drawCount)
  }
}

/** Throws the feasibility problems as one UserError (code `infeasible`), one sentence per line. */
export function assertFeasible(p: PreparedDraw): void {
  if (p.problems.length > 0) throw new UserError(`无法开始抽取：\n${p.problems.join('\n')}`, 'infeasible')
}

export function seedHeader(p: PreparedDraw): SeedHeader {
  return { taskId: p.task.id, drawDate: p.drawDate, poolSha256: p.poolSha256, inspectorsSha256: p.inspectorsSha256, rule: p.task.rule }
}

/** Runs both draws from a prepared (frozen) state and a seed. */
export function executeDraw(p: PreparedDraw, seed: SeedInfo): DrawOutcome {
  assertFeasible(p)
  const rng = createRng(seed.derived)
  const objects = drawObjects(p.pool, p.task.rule, rng)
  const result = matchInspectors(objects, p.plans, rng)
  const caps: DrawOutcome['caps'] = {}
  for (const plan of p.plans) caps[String(plan.dept.deptId)] = { certified: plan.certifiedCap, experts: plan.expertCap }
  return { poolSha256: p.poolSha256, inspectorsSha256: p.inspectorsSha256, quotas: p.quotas, caps, seed, result }
}

/** The whole draw: validate, refuse if infeasible, form the seed, draw objects, match teams. */
export function runDraw(input: DrawInput): DrawOutcome {
  const p = prepareDraw(input.task, input.drawDate, input.pool, input.inspectors)
  assertFeasible(p)
  return executeDraw(p, buildSeed(seedHeader(p), input.sources))
}
