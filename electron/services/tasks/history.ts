import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { normalizeCode } from '../registry/identifiers'
import { nowText } from '../time'

/**
 * Records that a task inspected these objects (R2 counts distinct tasks per
 * object per calendar year). Idempotent per (task, object): the draw and the
 * results may both report the same visit.
 */
export function recordInspections(ctx: Ctx, input: { taskUid: string; date: string; deptIds: number[]; codes: string[] }): number {
  const year = Number(input.date.slice(0, 4))
  const exists = ctx.sqlite.prepare(`SELECT 1 FROM object_inspections WHERE task_uid = ? AND object_code = ?`)
  const ins = ctx.sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, depts, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
  const now = nowText()
  return ctx.sqlite.transaction(() => {
    let added = 0
    for (const raw of input.codes) {
      const code = normalizeCode(raw)
      if (!code || exists.get(input.taskUid, code)) continue
      ins.run(code, input.taskUid, year, input.date, JSON.stringify(input.deptIds), now)
      added++
    }
    if (added) audit(ctx, { action: '登记检查记录', entity: 'task', entityId: input.taskUid, detail: { date: input.date, objects: added } })
    return added
  })()
}

/** How many distinct tasks inspected an object in a year (R2). */
export function inspectionsThisYear(ctx: Pick<Ctx, 'sqlite'>, code: string, year: number): number {
  const r = ctx.sqlite.prepare(`SELECT COUNT(DISTINCT task_uid) AS n FROM object_inspections WHERE year = ? AND object_code = ?`).get(year, normalizeCode(code)) as { n: number }
  return r.n
}
