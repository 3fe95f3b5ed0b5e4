import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { todayText } from '../time'
import { onlineBackup } from './online'
import { autoDir } from './paths'

/** Automatic backups are kept this many days after the day they were made. */
export const KEEP_DAYS = 30

const DAILY = /^(\d{4}-\d{2}-\d{2})\.db$/

function dayNumber(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / 86_400_000
}

export interface DailyResult {
  /** false when today's backup already existed. */
  created: boolean
  file: string
  pruned: string[]
}

/**
 * Called by the shell at start-up: one backup per calendar day into
 * `<db folder>/备份/自动/YYYY-MM-DD.db`, and the ones older than KEEP_DAYS
 * days removed. Running it again the same day does nothing.
 */
export async function runDailyBackup(ctx: Ctx, now: Date = new Date()): Promise<DailyResult> {
  const today = todayText(now)
  const dir = autoDir(ctx.file)
  const file = join(dir, `${today}.db`)
  let created = false
  if (!existsSync(file)) {
    await onlineBackup(ctx.sqlite, file)
    ctx.sqlite.transaction(() => audit(ctx, { action: '自动备份数据库', entity: 'database', detail: { file } }))()
    created = true
  }
  return { created, file, pruned: pruneDailyBackups(dir, now) }
}

/** Removes automatic backups made more than KEEP_DAYS days before `now` (only files named by date). */
export function pruneDailyBackups(dir: string, now: Date = new Date()): string[] {
  if (!existsSync(dir)) return []
  const today = dayNumber(todayText(now))
  const pruned: string[] = []
  for (const name of readdirSync(dir)) {
    const m = DAILY.exec(name)
    if (!m || today - dayNumber(m[1]!) <= KEEP_DAYS) continue
    rmSync(join(dir, name), { force: true })
    pruned.push(name)
  }
  return pruned.sort()
}
