import type { Ctx } from '../context'
import { deptMap, type DeptRow } from '../tasks/rules'

const tidy = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')')
const bare = (s: string) => tidy(s).replace(/^县/, '')

/**
 * Resolves department names written by hand in a spreadsheet: the full name,
 * the short name or the code, with or without the leading “县”, ignoring
 * spaces and full-width brackets. Returns null when nothing matches.
 */
export function deptResolver(ctx: Pick<Ctx, 'sqlite'>): (text: string) => DeptRow | null {
  const byKey = new Map<string, DeptRow>()
  for (const d of deptMap(ctx).values()) {
    for (const k of [tidy(d.name), bare(d.name), tidy(d.shortName), bare(d.shortName)]) if (k && !byKey.has(k)) byKey.set(k, d)
  }
  const codes = ctx.sqlite.prepare('SELECT id, code FROM departments').all() as { id: number; code: string }[]
  const all = deptMap(ctx)
  for (const c of codes) if (!byKey.has(c.code)) byKey.set(c.code, all.get(c.id)!)
  return (text) => byKey.get(tidy(text)) ?? byKey.get(bare(text)) ?? byKey.get(tidy(text).toUpperCase()) ?? null
}

/** Splits a cell listing several departments (、，,；; or new lines). “无” / “—” means none. */
export function splitNames(cell: string): string[] {
  return cell
    .split(/[、，,；;\n\r/]+/)
    .map((s) => s.trim())
    .filter((s) => s && !/^(无|—+|-+|\/)$/.test(s))
}
