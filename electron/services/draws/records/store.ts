import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import type { DrawEvidence, ReplacementRecord } from '../types'

/** Reading the append-only draw tables. */

export interface DrawRow {
  drawId: string
  taskId: number
  taskUid: string
  seq: number
  drawSha256: string
  shortHash: string
  objectCount: number
  operator: string
  witnesses: string
  supervisor: string
  drawnAt: string
  supersedesDrawId: string | null
  supersedeReason: string
}

const COLS = `draw_id AS drawId, task_id AS taskId, task_uid AS taskUid, seq, draw_sha256 AS drawSha256, short_hash AS shortHash, object_count AS objectCount,
  operator, witnesses, supervisor, drawn_at AS drawnAt, supersedes_draw_id AS supersedesDrawId, supersede_reason AS supersedeReason`

export function drawRows(ctx: Pick<Ctx, 'sqlite'>, taskId: number): DrawRow[] {
  return ctx.sqlite.prepare(`SELECT ${COLS} FROM draws WHERE task_id = ? ORDER BY seq`).all(taskId) as DrawRow[]
}

/** The draw in force for a task: the latest (a re-draw supersedes the earlier ones). */
export function currentDrawRow(ctx: Pick<Ctx, 'sqlite'>, taskId: number): DrawRow | null {
  return (ctx.sqlite.prepare(`SELECT ${COLS} FROM draws WHERE task_id = ? ORDER BY seq DESC LIMIT 1`).get(taskId) as DrawRow | undefined) ?? null
}

export function drawRow(ctx: Pick<Ctx, 'sqlite'>, drawId: string): DrawRow {
  const r = ctx.sqlite.prepare(`SELECT ${COLS} FROM draws WHERE draw_id = ?`).get(drawId) as DrawRow | undefined
  if (!r) throw new UserError(`找不到抽取编号为 ${drawId} 的抽取记录，请刷新后重试。`, 'not-found')
  return r
}

// The stored evidence never changes (triggers), so a parsed copy keyed by its
// hash is always right; 150 000 pool entries take a while to parse.
const cache = new Map<string, DrawEvidence>()

/** The evidence as stored at the draw (replacements: []). */
export function storedEvidence(ctx: Pick<Ctx, 'sqlite'>, row: Pick<DrawRow, 'drawId' | 'drawSha256'>): DrawEvidence {
  const hit = cache.get(row.drawSha256)
  if (hit && hit.drawId === row.drawId) return hit
  const r = ctx.sqlite.prepare(`SELECT evidence FROM draws WHERE draw_id = ?`).get(row.drawId) as { evidence: string }
  const e = JSON.parse(r.evidence) as DrawEvidence
  if (cache.size >= 4) cache.delete(cache.keys().next().value!)
  cache.set(row.drawSha256, e)
  return e
}

export function replacementRecords(ctx: Pick<Ctx, 'sqlite'>, drawId: string): ReplacementRecord[] {
  const rows = ctx.sqlite.prepare(`SELECT record FROM draw_replacements WHERE draw_id = ? ORDER BY seq`).all(drawId) as { record: string }[]
  return rows.map((r) => JSON.parse(r.record) as ReplacementRecord)
}

/** The evidence file's content: the draw with every replacement recorded since. */
export function fullEvidence(ctx: Pick<Ctx, 'sqlite'>, row: Pick<DrawRow, 'drawId' | 'drawSha256'>): DrawEvidence {
  return { ...storedEvidence(ctx, row), replacements: replacementRecords(ctx, row.drawId) }
}
