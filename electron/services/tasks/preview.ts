import type { Ctx } from '../context'
import { UserError } from '../errors'
import type { DrawRuleSpec, EligibilityPreview, ObjectScopeInput, Task } from '@contract'
import { eligibilityCounts } from './eligibility'
import { checkItemsOnLists, checkRatiosAgainstCap, countProblems, deptMap, strictestCap, type Cap } from './rules'
import { getTask } from './service'

/** A task being edited and not yet saved: just what the preview needs. */
export interface PreviewDraft {
  year: number
  scope: ObjectScopeInput
  rule: DrawRuleSpec
  departments?: { deptId: number; itemUids?: string[] }[]
  /** when editing a saved task: its own inspections do not count */
  taskUid?: string
}

/**
 * 资格预览: objects in scope per class, who is excluded and why (R2, R4, the
 * exclude list), and how many the rule would draw. Rule problems (R1, R3)
 * are reported in `problems` instead of thrown, so the editor can show them live.
 */
export function previewEligibility(ctx: Pick<Ctx, 'db' | 'sqlite'>, taskOrDraft: number | Task | PreviewDraft): EligibilityPreview {
  const t0 = performance.now()
  const t = typeof taskOrDraft === 'number' ? getTask(ctx, taskOrDraft) : taskOrDraft
  const taskUid = 'uid' in t ? t.uid : t.taskUid
  const counts = eligibilityCounts(ctx, { year: t.year, scope: t.scope as never, rule: t.rule, taskUid })
  const problems: string[] = []
  const depts = deptMap(ctx)
  let cap: Cap | null = null
  try {
    const parts = (t.departments ?? []).map((p) => ({ deptId: p.deptId, itemUids: p.itemUids ?? [] }))
    cap = strictestCap(checkItemsOnLists(ctx, parts, depts))
    checkRatiosAgainstCap(t.rule, cap, depts)
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    problems.push(e.message)
  }
  const eligible = { A: counts.byClass.A.eligible, B: counts.byClass.B.eligible, C: counts.byClass.C.eligible, D: counts.byClass.D.eligible }
  problems.push(...countProblems(t.rule, eligible, cap, depts))
  return { ...counts, problems, elapsedMs: Math.round((performance.now() - t0) * 10) / 10 }
}
