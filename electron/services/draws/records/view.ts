import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { getTaskRow } from '../../tasks/service'
import type { DrawSummary, DrawView, DrawTeamMember } from '@contract'
import { currentTeams } from '../replacement'
import { chainHead } from '../evidence'
import type { DrawEvidence } from '../types'
import { currentDrawRow, drawRow, drawRows, fullEvidence, type DrawRow } from './store'

/** The draw as it stands, for the results, documents and the UI. */
export function drawView(ctx: Pick<Ctx, 'sqlite' | 'db'>, row: DrawRow, e: DrawEvidence = fullEvidence(ctx, row)): DrawView {
  const task = getTaskRow(ctx, row.taskId)
  const deptName = new Map(e.task.departments.map((d) => [d.deptId, d.deptName]))
  const localDept = localDepartmentIds(task.departments, e.task.departments)
  const people = new Map(e.inspectors.entries.map((p) => [p.idNumber, p]))
  const teams = currentTeams(e)
  const replacedIn = new Set(e.replacements.map((r) => `${r.order}:${r.inIdNumber}`))
  const objectInfo = lookupObjects(ctx, e.result.map((o) => o.code))
  const member = (order: number, m: { idNumber: string; name: string; deptId: number; role: DrawTeamMember['role'] }): DrawTeamMember => ({
    idNumber: m.idNumber,
    name: m.name,
    deptId: localDept.get(m.deptId) ?? m.deptId,
    deptName: deptName.get(m.deptId) ?? '',
    certNo: people.get(m.idNumber)?.certNo ?? '',
    role: m.role,
    ...(replacedIn.has(`${order}:${m.idNumber}`) ? { replacement: true } : {})
  })
  const objectName = new Map(e.result.map((o) => [o.order, o.name]))
  return {
    drawId: row.drawId,
    taskId: row.taskId,
    taskUid: row.taskUid,
    taskNo: task.taskNo,
    taskName: task.name,
    seq: row.seq,
    drawDate: e.drawDate,
    drawnAt: e.times.drawnAt,
    publishedAt: e.times.publishedAt,
    operator: e.people.operator,
    witnesses: e.people.witnesses,
    supervisor: e.people.supervisor ?? '',
    shortHash: row.shortHash,
    drawSha256: e.drawSha256,
    supersedes: row.supersedesDrawId ? { drawId: row.supersedesDrawId, reason: row.supersedeReason } : null,
    chain: chainOf(e),
    poolSha256: e.pool.sha256,
    poolCount: e.pool.count,
    seed: { sources: e.seed.sources, material: e.seed.material, derived: e.seed.derived },
    objects: e.result.map((o, i) => {
      const info = objectInfo.get(o.code)
      return {
        order: o.order,
        code: o.code,
        name: o.name,
        township: o.township,
        creditClass: o.creditClass,
        ...(info?.address ? { address: info.address } : {}),
        ...(info?.legalRep ? { legalRep: info.legalRep } : {}),
        team: teams[i].map((m) => member(o.order, m))
      }
    }),
    replacements: e.replacements.map((r) => ({
      seq: r.seq,
      order: r.order,
      objectCode: r.objectCode,
      objectName: objectName.get(r.order) ?? '',
      outIdNumber: r.outIdNumber,
      outName: r.outName,
      inIdNumber: r.inIdNumber,
      inName: r.inName,
      deptName: deptName.get(r.deptId) ?? '',
      role: r.role,
      reason: r.reason,
      approver: r.approver,
      policy: r.policy,
      operator: r.operator,
      time: r.time
    }))
  }
}

/**
 * A /1 re-draw has no link in its evidence: its count starts again; a /2
 * re-draw counts the superseded chain and itself.
 */
function chainOf(e: DrawEvidence): { adjustments: number; headCode: string } {
  const c = chainHead(e)
  return { adjustments: c.adjustments, headCode: c.headCode }
}

/**
 * The evidence keeps the department ids of the installation that drew (they are
 * inside the hashed record and must stay as they are). Another installation
 * numbers its departments its own way; its copy of the task names each
 * department's own items, which identify the same department anywhere.
 */
function localDepartmentIds(localDepartmentsJson: string, drawn: { deptId: number; itemIds: string[] }[]): Map<number, number> {
  let local: { deptId: number; itemUids: string[] }[] = []
  try {
    local = JSON.parse(localDepartmentsJson)
  } catch {
    return new Map()
  }
  const map = new Map<number, number>()
  for (const d of drawn) {
    const match = local.find((l) => l.itemUids.some((u) => d.itemIds.includes(u)))
    if (match) map.set(d.deptId, match.deptId)
  }
  return map
}

function lookupObjects(ctx: Pick<Ctx, 'sqlite'>, codes: string[]): Map<string, { address: string; legalRep: string }> {
  const out = new Map<string, { address: string; legalRep: string }>()
  const stmt = ctx.sqlite.prepare(`SELECT address, legal_rep AS legalRep FROM objects WHERE code = ?`)
  for (const c of codes) {
    const r = stmt.get(c) as { address: string; legalRep: string } | undefined
    if (r) out.set(c, r)
  }
  return out
}

/** The draw in force for a task, or null when the task has not been drawn. */
export function findDraw(ctx: Pick<Ctx, 'sqlite' | 'db'>, taskId: number): DrawView | null {
  const row = currentDrawRow(ctx, taskId)
  return row ? drawView(ctx, row) : null
}

/** The draw in force for a task (teams with replacements applied). */
export function getDraw(ctx: Pick<Ctx, 'sqlite' | 'db'>, taskId: number): DrawView {
  const v = findDraw(ctx, taskId)
  if (!v) {
    const t = getTaskRow(ctx, taskId)
    throw new UserError(`任务“${t.name}”（${t.taskNo}）还没有进行随机抽取。`, 'not-drawn')
  }
  return v
}

export function getDrawById(ctx: Pick<Ctx, 'sqlite' | 'db'>, drawId: string): DrawView {
  return drawView(ctx, drawRow(ctx, drawId))
}

export function listDraws(ctx: Pick<Ctx, 'sqlite'>, taskId: number): DrawSummary[] {
  const rows = drawRows(ctx, taskId)
  const count = ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM draw_replacements WHERE draw_id = ?`)
  return rows.map((r, i) => ({
    drawId: r.drawId,
    seq: r.seq,
    drawnAt: r.drawnAt,
    objectCount: r.objectCount,
    shortHash: r.shortHash,
    operator: r.operator,
    supersedes: r.supersedesDrawId,
    superseded: i < rows.length - 1,
    replacements: (count.get(r.drawId) as { n: number }).n
  }))
}
