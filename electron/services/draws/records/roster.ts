import type { Ctx } from '../../context'
import type { Inspector } from '../types'

/**
 * The 执法检查人员名录库 as the draw sees it (spec §3): only the task's
 * departments (people without a department cannot be matched and would only
 * enlarge the evidence), lists split the way the registry stores them
 * (specialties and 回避片区 joined by 、, 回避对象 codes by spaces).
 */
interface Row {
  idNumber: string
  name: string
  deptId: number
  certNo: string
  certValidUntil: string | null
  active: number
  isExpert: number
  specialties: string
  avoidCodes: string
  avoidTownships: string
}

// the canonical roster refuses tabs and line breaks inside a field; a pasted name may carry one
const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim()
const list = (s: string, sep: RegExp) => [...new Set(s.split(sep).map((x) => clean(x).replace(/,/g, '，')).filter(Boolean))]

export function loadRoster(ctx: Pick<Ctx, 'sqlite'>, deptIds: readonly number[]): Inspector[] {
  if (deptIds.length === 0) return []
  const rows = ctx.sqlite
    .prepare(
      `SELECT id_number AS idNumber, name, dept_id AS deptId, cert_no AS certNo, cert_valid_until AS certValidUntil, active, is_expert AS isExpert,
              specialties, avoid_codes AS avoidCodes, avoid_townships AS avoidTownships
         FROM inspectors WHERE dept_id IN (${deptIds.map(() => '?').join(',')}) ORDER BY id_number`
    )
    .all(...deptIds) as Row[]
  return rows.map((r) => ({
    idNumber: r.idNumber.trim().toUpperCase(),
    name: clean(r.name),
    deptId: r.deptId,
    certNo: clean(r.certNo),
    // anything but a real date counts as “no valid certificate” (spec §7.1)
    certValidUntil: r.certValidUntil && /^\d{4}-\d{2}-\d{2}$/.test(r.certValidUntil) ? r.certValidUntil : null,
    active: !!r.active,
    isExpert: !!r.isExpert,
    specialties: list(r.specialties, /[、，,;；\s]+/),
    avoidCodes: list(r.avoidCodes, /[\s,，、;；]+/).map((c) => c.toUpperCase()),
    avoidTownships: list(r.avoidTownships, /[、，,;；]+/)
  }))
}
