import { UserError } from '../errors'
import { Avoidance, certifiedFor, defaultCap, departmentOrder, expertsFor } from './eligibility'
import type { DrawTask, Inspector, PoolEntry, TaskDepartment } from './types'

/**
 * Refuse before the seed exists (issue 5 §4): a draw that cannot staff every
 * possible object must not start, and the message must say which constraint
 * fails and by how much, so that the office knows what to fix.
 */

export interface DeptPlan {
  dept: TaskDepartment
  certified: Inspector[]
  experts: Inspector[]
  certifiedCap: number
  expertCap: number
}

const MAX_OBJECT_LINES = 10

export function validateTask(task: DrawTask, drawDate: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(drawDate)) throw new UserError(`抽取日期“${drawDate}”不是 YYYY-MM-DD 格式。`, 'invalid_input')
  if (typeof task.id !== 'string' || task.id === '') throw new UserError('任务编号不能为空。', 'invalid_input')
  if (!Array.isArray(task.departments) || task.departments.length === 0) throw new UserError('任务没有参与部门，请至少添加发起部门。', 'invalid_input')
  const seen = new Set<number>()
  for (const d of task.departments) {
    if (seen.has(d.deptId)) throw new UserError(`部门 ${d.deptName} 在任务中重复出现，请合并为一条。`, 'invalid_input')
    seen.add(d.deptId)
    if (!Number.isSafeInteger(d.inspectorsPerObject) || d.inspectorsPerObject < 0) {
      throw new UserError(`${d.deptName} 每个对象派出的执法人员数“${d.inspectorsPerObject}”必须是不小于 0 的整数。`, 'invalid_input')
    }
    const e = d.expertsPerObject ?? 0
    if (!Number.isSafeInteger(e) || e < 0) throw new UserError(`${d.deptName} 每个对象派出的专家数“${e}”必须是不小于 0 的整数。`, 'invalid_input')
  }
  if (task.workloadCap !== undefined && (!Number.isSafeInteger(task.workloadCap) || task.workloadCap < 1)) {
    throw new UserError(`每人检查对象上限“${task.workloadCap}”必须是不小于 1 的整数。`, 'invalid_input')
  }
}

function specialtyText(d: TaskDepartment): string {
  return d.requiredSpecialties.length === 0 ? '' : `具备${d.requiredSpecialties.map((s) => `‘${s}’`).join('、')}专长的`
}

export function planDepartments(task: DrawTask, drawDate: string, sortedInspectors: readonly Inspector[], drawCount: number): DeptPlan[] {
  return departmentOrder(task.departments, task.initiatingDeptId).map((dept) => {
    const certified = certifiedFor(sortedInspectors, dept, drawDate)
    const experts = expertsFor(sortedInspectors, dept)
    const perE = dept.expertsPerObject ?? 0
    return {
      dept,
      certified,
      experts,
      certifiedCap: task.workloadCap ?? defaultCap(drawCount * dept.inspectorsPerObject, certified.length),
      expertCap: task.workloadCap ?? defaultCap(drawCount * perE, experts.length)
    }
  })
}

/** Objects (any of the pool may be drawn) for which 回避 leaves fewer than `need` of `people`. */
function avoidanceShortfalls(pool: readonly PoolEntry[], people: readonly Inspector[], need: number): { entry: PoolEntry; avoiding: number }[] {
  if (need === 0) return []
  const byCode = new Map<string, Set<number>>()
  const byTown = new Map<string, Set<number>>()
  people.forEach((p, i) => {
    for (const c of p.avoidCodes) (byCode.get(c) ?? byCode.set(c, new Set()).get(c)!).add(i)
    for (const t of p.avoidTownships) (byTown.get(t) ?? byTown.set(t, new Set()).get(t)!).add(i)
  })
  if (byCode.size === 0 && byTown.size === 0) return []
  const out: { entry: PoolEntry; avoiding: number }[] = []
  for (const o of pool) {
    const c = byCode.get(o.code)
    const t = o.township === '' ? undefined : byTown.get(o.township)
    if (!c && !t) continue
    let avoiding = t ? t.size : 0
    if (c) for (const i of c) if (!t || !t.has(i)) avoiding++
    if (people.length - avoiding < need) out.push({ entry: o, avoiding })
  }
  return out
}

/** Every failed constraint, each as one Chinese sentence; [] = the draw may start. */
export function feasibilityProblems(task: DrawTask, drawDate: string, sortedPool: readonly PoolEntry[], plans: readonly DeptPlan[], drawCount: number): string[] {
  const problems: string[] = []
  if (drawCount === 0) problems.push('按当前抽取规则和对象池，本次一个对象也不会抽中，请检查各类对象的比例或数量。')
  const perObject = plans.reduce((s, p) => s + p.dept.inspectorsPerObject, 0)
  if (perObject < 2) problems.push(`每个检查组至少需要 2 名持证执法人员，现在各部门每个对象合计只派 ${perObject} 人，还差 ${2 - perObject} 人。`)
  if (task.leaderFromInitiator) {
    const init = plans.find((p) => p.dept.deptId === task.initiatingDeptId)
    if (!init || init.dept.inspectorsPerObject < 1) {
      problems.push(`组长须由发起部门人员担任，但发起部门${init ? init.dept.deptName : `（编号 ${task.initiatingDeptId}）`}${init ? '每个对象派出 0 名持证执法人员' : '不在参与部门中'}，至少需要派 1 人。`)
    }
  }
  const objectLines: string[] = []
  for (const p of plans) {
    const d = p.dept
    const need = d.inspectorsPerObject
    if (p.certified.length < need) {
      const who = specialtyText(d) || `在职且执法证在 ${drawDate} 有效的`
      problems.push(`${d.deptName} ${who}持证执法人员只有 ${p.certified.length} 人，每个对象需要 ${need} 人，还差 ${need - p.certified.length} 人。`)
    } else if (task.workloadCap !== undefined && p.certified.length * task.workloadCap < drawCount * need) {
      const room = p.certified.length * task.workloadCap
      problems.push(`${d.deptName} 每人本次最多检查 ${task.workloadCap} 个对象，${p.certified.length} 名符合条件的持证执法人员最多承担 ${room} 个检查名额，本次需要 ${drawCount * need} 个，还差 ${drawCount * need - room} 个。`)
    } else {
      for (const s of avoidanceShortfalls(sortedPool, p.certified, need)) {
        const left = p.certified.length - s.avoiding
        objectLines.push(`对象 ${s.entry.code}（${s.entry.name}）：${d.deptName} ${p.certified.length} 名符合条件的持证执法人员中有 ${s.avoiding} 人须回避，只剩 ${left} 人，每个对象需要 ${need} 人，还差 ${need - left} 人。`)
      }
    }
    const needE = d.expertsPerObject ?? 0
    if (p.experts.length < needE) {
      problems.push(`${d.deptName} 在职的专家/辅助人员只有 ${p.experts.length} 人，每个对象需要 ${needE} 人，还差 ${needE - p.experts.length} 人。`)
    } else if (task.workloadCap !== undefined && p.experts.length * task.workloadCap < drawCount * needE) {
      const room = p.experts.length * task.workloadCap
      problems.push(`${d.deptName} 每人本次最多检查 ${task.workloadCap} 个对象，${p.experts.length} 名专家/辅助人员最多承担 ${room} 个名额，本次需要 ${drawCount * needE} 个，还差 ${drawCount * needE - room} 个。`)
    } else {
      for (const s of avoidanceShortfalls(sortedPool, p.experts, needE)) {
        const left = p.experts.length - s.avoiding
        objectLines.push(`对象 ${s.entry.code}（${s.entry.name}）：${d.deptName} ${p.experts.length} 名专家/辅助人员中有 ${s.avoiding} 人须回避，只剩 ${left} 人，每个对象需要 ${needE} 人，还差 ${needE - left} 人。`)
      }
    }
  }
  problems.push(...objectLines.slice(0, MAX_OBJECT_LINES))
  if (objectLines.length > MAX_OBJECT_LINES) problems.push(`另有 ${objectLines.length - MAX_OBJECT_LINES} 处对象因回避无法配齐检查人员，请调整回避范围或把这些对象排除出对象池。`)
  return problems
}
