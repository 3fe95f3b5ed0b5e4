import { UserError } from '../errors'
import { sortInspectors, sortPool, canonicalPool, canonicalInspectors, sha256Hex } from './canonical'
import { feasibilityProblems, planDepartments, validateTask, type DeptPlan } from './feasibility'
import { matchInspectors } from './inspectorMatch'
import { drawObjects, quotas, validateRule } from './objectDraw'
import { createRng } from './rng'
import { buildSeed, normaliseSpec, type SeedHeader } from './seed'
import { ALGORITHM_V1, ALGORITHM_V2, CREDIT_CLASSES, type SourceSpec, type Supersedes, type CreditClass, type DrawInput, type DrawOutcome, type DrawTask, type Inspector, type PoolEntry, type SeedInfo, type StratumQuota } from './types'

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

/**
 * The material's header. With an announced source spec it is /2 (任务编号,
 * the spec and a re-draw's link in the material); without, the /1 header
 * that old records were made with.
 */
export function seedHeader(p: PreparedDraw, v2?: { spec: SourceSpec; supersedes?: Supersedes }): SeedHeader {
  const common = { drawDate: p.drawDate, poolSha256: p.poolSha256, inspectorsSha256: p.inspectorsSha256, rule: p.task.rule }
  if (!v2) return { algorithm: ALGORITHM_V1, taskId: p.task.id, ...common }
  if (!p.task.number) throw new UserError('任务没有任务编号，无法形成随机种子。', 'invalid_input')
  return { algorithm: ALGORITHM_V2, taskId: p.task.number, ...common, spec: v2.spec, ...(v2.supersedes ? { supersedes: v2.supersedes } : {}) }
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
  const header = seedHeader(p, input.spec ? { spec: normaliseSpec(input.spec, !!input.supersedes), supersedes: input.supersedes } : undefined)
  return executeDraw(p, buildSeed(header, input.sources))
}
