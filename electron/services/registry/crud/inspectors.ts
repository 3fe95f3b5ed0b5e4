/**
 * 执法检查人员: list (ID number and phone masked: the list type has no field
 * for the full numbers), detail (full), create and update validated by the
 * importer's rules. Keyed by 身份证号.
 */
import type { z } from 'zod'
import type { InspectorCreateInput, InspectorDetail, InspectorFacets, InspectorListRow, InspectorUpdateInput, inspectorQuerySchema } from '@contract'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText, todayText } from '../../time'
import { maskId, maskPhone } from '../identifiers'
import { CERT_PERMANENT, inspectorImporter } from '../import/inspectors'
import { validateForm } from './form'

export type InspectorQuery = z.input<typeof inspectorQuerySchema>

/** The detail as SQLite returns it: flags as 0/1, the avoid lists as their stored text; certified is worked out. */
type DbRow = Omit<InspectorDetail, 'isExpert' | 'active' | 'avoidCodes' | 'avoidTownships' | 'certified'> & {
  isExpert: number
  active: number
  avoidCodes: string
  avoidTownships: string
}

const SELECT = `i.id, i.id_number AS idNumber, i.name, i.gender, i.phone, i.unit, i.dept_id AS deptId, d.name AS deptName, i.division,
  i.user_level AS userLevel, i.cert_no AS certNo, i.cert_authority AS certAuthority, i.cert_valid_until AS certValidUntil, i.specialties,
  i.is_expert AS isExpert, i.active, i.inactive_reason AS inactiveReason, i.township, i.avoid_codes AS avoidCodes,
  i.avoid_townships AS avoidTownships, i.created_at AS createdAt, i.updated_at AS updatedAt`
const FROM = `FROM inspectors i LEFT JOIN departments d ON d.id = i.dept_id`

/** Same test as the draw (draws/eligibility): active, not an expert, a 执法证 valid on the day. */
const CERTIFIED_SQL = `(i.active = 1 AND i.is_expert = 0 AND trim(i.cert_no) <> '' AND i.cert_valid_until IS NOT NULL AND i.cert_valid_until >= ?)`

function common(r: DbRow, today: string) {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    unit: r.unit,
    deptId: r.deptId,
    deptName: r.deptName,
    division: r.division,
    userLevel: r.userLevel,
    certNo: r.certNo,
    certAuthority: r.certAuthority,
    certValidUntil: r.certValidUntil,
    specialties: r.specialties,
    isExpert: !!r.isExpert,
    active: !!r.active,
    inactiveReason: r.inactiveReason,
    township: r.township,
    certified: !!r.active && !r.isExpert && r.certNo.trim() !== '' && r.certValidUntil !== null && r.certValidUntil >= today
  }
}

/** Built field by field so that the full numbers cannot slip into a list by a spread. */
function listRow(r: DbRow, today: string): InspectorListRow {
  return { ...common(r, today), idMasked: maskId(r.idNumber), phoneMasked: maskPhone(r.phone) }
}

function detail(r: DbRow, today: string): InspectorDetail {
  return {
    ...common(r, today),
    idNumber: r.idNumber,
    phone: r.phone,
    avoidCodes: r.avoidCodes ? r.avoidCodes.split(' ') : [],
    avoidTownships: r.avoidTownships ? r.avoidTownships.split('、') : [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function likeText(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function listInspectors(ctx: Pick<Ctx, 'sqlite'>, q: InspectorQuery = {}): { rows: InspectorListRow[]; total: number } {
  const today = todayText()
  const where: string[] = []
  const params: unknown[] = []
  const search = (q.search ?? '').replace(/\s+/g, '')
  if (search) {
    where.push(`(i.name LIKE ? ESCAPE '\\' OR i.cert_no LIKE ? ESCAPE '\\')`)
    params.push(likeText(search), likeText(search.toUpperCase()))
  }
  if (q.deptId !== undefined) {
    where.push('i.dept_id = ?')
    params.push(q.deptId)
  }
  if (q.active !== undefined) {
    where.push('i.active = ?')
    params.push(q.active ? 1 : 0)
  }
  if (q.qualification === 'certified') {
    where.push(CERTIFIED_SQL)
    params.push(today)
  } else if (q.qualification === 'expert') where.push('i.is_expert = 1')
  else if (q.qualification === 'uncertified') {
    where.push(`(i.is_expert = 0 AND NOT ${CERTIFIED_SQL})`)
    params.push(today)
  }
  if (q.specialty) {
    where.push(`('、' || i.specialties || '、') LIKE ? ESCAPE '\\'`)
    params.push(`%、${q.specialty.replace(/[\\%_]/g, (c) => `\\${c}`)}、%`)
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const pageSize = Math.min(Math.max(1, q.pageSize ?? 50), 500)
  const page = Math.max(1, q.page ?? 1)
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n ${FROM} ${w}`).get(...params) as { n: number }).n
  const rows = ctx.sqlite
    .prepare(`SELECT ${SELECT} ${FROM} ${w} ORDER BY coalesce(d.sort_order, 1e9), i.dept_id, i.id LIMIT ? OFFSET ?`)
    .all(...params, pageSize, (page - 1) * pageSize) as DbRow[]
  return { rows: rows.map((r) => listRow(r, today)), total }
}

function row(ctx: Pick<Ctx, 'sqlite'>, id: number): DbRow {
  const r = ctx.sqlite.prepare(`SELECT ${SELECT} ${FROM} WHERE i.id = ?`).get(id) as DbRow | undefined
  if (!r) throw new UserError(`找不到编号为 ${id} 的执法人员，可能已被其他操作修改，请刷新后重试。`, 'not-found')
  return r
}

export function getInspector(ctx: Pick<Ctx, 'sqlite'>, id: number): InspectorDetail {
  return detail(row(ctx, id), todayText())
}

type Fields = Omit<InspectorUpdateInput, 'id'>

const COLUMN: Record<string, string> = {
  id_number: 'idNumber', name: 'name', gender: 'gender', phone: 'phone', unit: 'unit', dept_id: 'deptId', division: 'division',
  user_level: 'userLevel', cert_no: 'certNo', cert_authority: 'certAuthority', cert_valid_until: 'certValidUntil', specialties: 'specialties',
  is_expert: 'isExpert', active: 'active', inactive_reason: 'inactiveReason', township: 'township', avoid_codes: 'avoidCodes',
  avoid_townships: 'avoidTownships'
}

/** The form as import cells, run through the importer: same rules, same messages. */
function validated(ctx: Ctx, f: Fields & { idNumber: string }): Record<string, string | number | null> {
  let unit = f.unit ?? ''
  if (f.deptId) {
    const d = ctx.sqlite.prepare('SELECT name FROM departments WHERE id = ?').get(f.deptId) as { name: string } | undefined
    if (!d) throw new UserError('所选的所在单位不是已登记的成员单位，请刷新后重新选择。', 'invalid')
    unit = d.name
  }
  const active = f.active ?? true
  const p = validateForm(inspectorImporter(ctx), null, {
    idNumber: f.idNumber,
    name: f.name ?? '',
    gender: f.gender ?? '',
    phone: f.phone ?? '',
    unit,
    division: f.division ?? '',
    userLevel: f.userLevel ?? '',
    certNo: f.certNo ?? '',
    certAuthority: f.certAuthority ?? '',
    certValidUntil: f.certValidUntil ?? '',
    specialties: (f.specialties ?? []).join('、'),
    isExpert: f.isExpert ? '是' : '否',
    status: active ? '在岗' : (f.inactiveReason ?? '').trim() || '离岗',
    township: f.township ?? '',
    avoidCodes: (f.avoidCodes ?? []).join(' '),
    avoidTownships: (f.avoidTownships ?? []).join('、')
  })
  const values: Record<string, string | number | null> = {
    id_number: p.keyValues.id_number as string,
    gender: '', phone: '', unit: '', dept_id: null, division: '', user_level: '', cert_no: '', cert_authority: '', cert_valid_until: null,
    specialties: '', township: '', avoid_codes: '', avoid_townships: '',
    ...p.values
  }
  if (f.deptId) values.dept_id = f.deptId
  return values
}

function assertFreeId(ctx: Pick<Ctx, 'sqlite'>, idNumber: string, selfId?: number): void {
  const other = ctx.sqlite.prepare('SELECT id, name FROM inspectors WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined
  if (other && other.id !== selfId) throw new UserError(`身份证号 ${maskId(idNumber)} 已登记为执法人员“${other.name}”，同一人只能登记一次。`, 'duplicate')
}

/** Audit detail without the full ID number and phone: the log is read by more people than the registry. */
function auditSafe(v: Record<string, unknown>): Record<string, unknown> {
  const out = { ...v }
  if (typeof out.id_number === 'string') out.id_number = maskId(out.id_number)
  if (typeof out.phone === 'string') out.phone = maskPhone(out.phone)
  return out
}

export function createInspector(ctx: Ctx, input: InspectorCreateInput): InspectorDetail {
  return ctx.sqlite.transaction(() => {
    const values = validated(ctx, input)
    assertFreeId(ctx, values.id_number as string)
    const now = nowText()
    const cols = [...Object.keys(values), 'created_at', 'updated_at']
    const info = ctx.sqlite
      .prepare(`INSERT INTO inspectors (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(values), now, now)
    const id = Number(info.lastInsertRowid)
    audit(ctx, { action: '新增执法人员', entity: 'inspector', entityId: id, detail: auditSafe(values) })
    return getInspector(ctx, id)
  })()
}

export function updateInspector(ctx: Ctx, input: InspectorUpdateInput): InspectorDetail {
  return ctx.sqlite.transaction(() => {
    const r = row(ctx, input.id)
    const before = detail(r, todayText())
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Fields
    const merged: Fields & { idNumber: string } = {
      ...before,
      specialties: before.specialties ? before.specialties.split('、') : [],
      certValidUntil: before.certValidUntil === CERT_PERMANENT ? '长期' : (before.certValidUntil ?? ''),
      gender: (before.gender as '男' | '女' | '') ?? '',
      ...given
    }
    const values = validated(ctx, merged)
    if (values.id_number !== r.idNumber) assertFreeId(ctx, values.id_number as string, r.id)
    const rawBefore = r as unknown as Record<string, unknown>
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [col, field] of Object.entries(COLUMN)) {
      if (!(col in values)) continue
      const from = col === 'is_expert' || col === 'active' ? Number(rawBefore[field]) : rawBefore[field]
      const to = values[col]
      if (from !== to) changes[col] = { from, to }
    }
    if (Object.keys(changes).length === 0) return before
    ctx.sqlite
      .prepare(`UPDATE inspectors SET ${Object.keys(changes).map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...Object.values(changes).map((c) => c.to), nowText(), r.id)
    const safe = Object.fromEntries(
      Object.entries(changes).map(([c, v]) => [c, { from: auditSafe({ [c]: v.from })[c], to: auditSafe({ [c]: v.to })[c] }])
    )
    audit(ctx, { action: '修改执法人员', entity: 'inspector', entityId: r.id, detail: safe })
    return getInspector(ctx, r.id)
  })()
}

export function inspectorFacets(ctx: Pick<Ctx, 'sqlite'>): InspectorFacets {
  const counts = new Map<string, number>()
  for (const r of ctx.sqlite.prepare(`SELECT specialties FROM inspectors WHERE specialties <> ''`).all() as { specialties: string }[]) {
    for (const s of r.specialties.split('、')) if (s) counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  return {
    specialties: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh')),
    townships: ctx.sqlite.prepare(`SELECT township AS value, count(*) AS count FROM inspectors WHERE township <> '' GROUP BY township ORDER BY count DESC, value`).all() as {
      value: string
      count: number
    }[]
  }
}
