/** Looks up the demo county's departments and items by code (items are `SCJG-06` …, see generate.ts). */
import type { Ctx } from '../../context'

export interface County {
  dept(code: string): number
  deptName(code: string): string
  /** item uids of a department by position in its list, 1-based, e.g. items('SCJG', 6, 7) */
  items(code: string, ...positions: number[]): string[]
}

export function countyOf(ctx: Ctx): County {
  const rows = ctx.sqlite.prepare(`SELECT id, code, name FROM departments`).all() as { id: number; code: string; name: string }[]
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const uids = new Set((ctx.sqlite.prepare(`SELECT uid FROM items`).all() as { uid: string }[]).map((r) => r.uid))
  const get = (code: string) => {
    const d = byCode.get(code)
    if (!d) throw new Error(`demo year: department ${code} missing`)
    return d
  }
  return {
    dept: (code) => get(code).id,
    deptName: (code) => get(code).name,
    items: (code, ...positions) =>
      positions.map((p) => {
        const uid = `${code}-${String(p).padStart(2, '0')}`
        if (!uids.has(uid)) throw new Error(`demo year: item ${uid} missing`)
        return uid
      })
  }
}
