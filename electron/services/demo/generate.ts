/**
 * 演示数据: fills an empty database with a realistic county (泗阳县) so that the
 * program can be looked at and tried before real registries are imported.
 * Deterministic: the same seed gives the same rows (every timestamp is fixed),
 * so two files made with one seed have identical registries.
 */
import { sql } from 'drizzle-orm'
import type { Ctx } from '../context'
import { UserError } from '../errors'
import { audit } from '../audit/log'
import { departments, inspectors, items, objects } from '../db/schema'
import { seedDefaultDepartments } from '../departments/service'
import { DEFAULT_DEPARTMENTS } from '../departments/defaults'
import { Rng } from './rng'
import { generateObjects } from './objects'
import { generateInspectors, type InspectorDept } from './inspectors'
import { DEPT_PROFILES, type DeptProfile } from './data/departments'
import { DEMO_ITEMS } from './data/items'

export const DEFAULT_DEMO_OBJECTS = 30_000
export const DEFAULT_DEMO_SEED = 'demo'
/** Every demo row carries this time, so that content does not depend on when it was made. */
export const DEMO_TIMESTAMP = '2026-01-01 08:00:00'

export interface DemoOptions {
  objects?: number
  seed?: string
  onProgress?: (done: number, total: number) => void
}

export interface DemoResult {
  objects: number
  inspectors: number
  items: number
  seed: string
}

const count = (ctx: Ctx, t: typeof objects | typeof inspectors | typeof items) => ctx.db.select({ n: sql<number>`count(*)` }).from(t).get()!.n

/** True when there are no objects, inspectors or items yet: only then may demo data be loaded. */
export function isRegistryEmpty(ctx: Ctx): boolean {
  return count(ctx, objects) === 0 && count(ctx, inspectors) === 0 && count(ctx, items) === 0
}

interface DeptRow {
  id: number
  code: string
  name: string
}

/**
 * Maps each demo profile to a department of this database by code. A county
 * that renamed or removed a default department still gets 20 departments: the
 * missing profiles go to the remaining departments in list order.
 */
function resolveDepartments(rows: readonly DeptRow[]): Map<string, DeptRow> {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const taken = new Set<number>()
  const out = new Map<string, DeptRow>()
  for (const p of DEPT_PROFILES) {
    const d = byCode.get(p.code)
    if (d) {
      out.set(p.code, d)
      taken.add(d.id)
    }
  }
  const spare = rows.filter((r) => !taken.has(r.id))
  for (const p of DEPT_PROFILES) if (!out.has(p.code) && spare.length) out.set(p.code, spare.shift()!)
  return out
}

/** 泗阳 + 县市场监管局 → 泗阳县市场监管局, the way a 检查主体 is written. */
const subjectName = (name: string) => (name.startsWith('县') ? `泗阳${name}` : name)

/** The demo goes only into an empty database, so that it never mixes with a county's real registers. */
export function refuseUnlessEmpty(ctx: Ctx): void {
  if (!isRegistryEmpty(ctx)) {
    throw new UserError('当前数据库中已有检查对象、执法人员或事项清单，不能再载入演示数据（以免演示数据混入真实数据）。如需查看演示数据，请新建一个空数据库后再载入。', 'not-empty')
  }
}

export function generateDemoCounty(ctx: Ctx, opts: DemoOptions = {}): DemoResult {
  const n = opts.objects ?? DEFAULT_DEMO_OBJECTS
  const seed = opts.seed ?? DEFAULT_DEMO_SEED
  if (!Number.isInteger(n) || n < 100 || n > 1_000_000) throw new UserError(`演示数据的检查对象数量应为 100 至 1000000 之间的整数，当前为“${n}”。`)
  refuseUnlessEmpty(ctx)
  seedDefaultDepartments(ctx)
  const deptRows = ctx.db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).orderBy(departments.sortOrder, departments.id).all()
  const deptOf = resolveDepartments(deptRows)
  const fallbackDept = deptOf.get('SCJG') ?? deptRows[0]
  if (!fallbackDept) throw new UserError('数据库中没有成员单位，无法载入演示数据。请先在“成员单位”中添加成员单位。')
  const deptId = (code: string) => (deptOf.get(code) ?? deptRows.find((d) => d.code === code) ?? fallbackDept).id

  // One generator for the whole county, used in a fixed order: objects, inspectors, items.
  const rng = new Rng(seed)
  const objs = generateObjects(rng, n)
  const inspectorDepts: InspectorDept[] = DEPT_PROFILES.filter((p) => deptOf.has(p.code)).map((profile: DeptProfile) => ({
    profile: { ...profile, unit: deptOf.get(profile.code)!.code === profile.code ? profile.unit : subjectName(deptOf.get(profile.code)!.name) },
    number: DEFAULT_DEPARTMENTS.findIndex(([, , c]) => c === profile.code) + 1
  }))
  const marketCodes = objs.filter((o) => o.kind === 'market' && o.regStatus === '存续').map((o) => o.code)
  const people = generateInspectors(rng, inspectorDepts, marketCodes)
  const itemRows = Object.entries(DEMO_ITEMS).flatMap(([code, list]) => {
    const d = deptOf.get(code) ?? deptRows.find((r) => r.code === code)
    if (!d) return []
    return list.map((it, k) => ({ ...it, uid: `${code}-${String(k + 1).padStart(2, '0')}`, deptId: d.id, subject: subjectName(d.name), sortOrder: k + 1 }))
  })

  const total = objs.length + people.length + itemRows.length
  const progress = (done: number) => opts.onProgress?.(done, total)
  const t = DEMO_TIMESTAMP
  // Prepared statements inside one transaction: 30 000 rows in about a second.
  const insObject = ctx.sqlite.prepare(
    `INSERT INTO objects (code, kind, name, entity_type, reg_authority, legal_rep, address, reg_status, established_on, business_scope, remark, industry, township, credit_class, tags, owner_dept_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insInspector = ctx.sqlite.prepare(
    `INSERT INTO inspectors (id_number, name, gender, phone, unit, dept_id, division, user_level, cert_no, cert_authority, cert_valid_until, specialties, is_expert, active, inactive_reason, township, avoid_codes, avoid_townships, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insItem = ctx.sqlite.prepare(
    `INSERT INTO items (uid, dept_id, category, name, target, level, method, subject, frequency, content, basis, specialty, ratio_cap_permille, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )

  ctx.sqlite.transaction(() => {
    let done = 0
    for (const o of objs) {
      insObject.run(o.code, o.kind, o.name, o.entityType, o.regAuthority, o.legalRep, o.address, o.regStatus, o.establishedOn, o.businessScope, o.remark, o.industry, o.township, o.creditClass, o.tags, deptId(o.dept), t, t)
      if (++done % 2000 === 0) progress(done)
    }
    for (const p of people) {
      insInspector.run(p.idNumber, p.name, p.gender, p.phone, p.unit, deptId(p.dept), p.division, p.userLevel, p.certNo, p.certAuthority, p.certValidUntil, p.specialties, p.isExpert ? 1 : 0, p.active ? 1 : 0, p.inactiveReason, p.township, p.avoidCodes, p.avoidTownships, t, t)
    }
    done += people.length
    for (const it of itemRows) {
      insItem.run(it.uid, it.deptId, it.category, it.name, it.target, it.level, it.method, it.subject, it.frequency, it.content, it.basis, it.specialty ?? '', it.level === '一般' ? (it.ratioCap ?? null) : null, it.sortOrder, t, t)
    }
    done += itemRows.length
    audit(ctx, { action: '载入演示数据', entity: 'demo', detail: { objects: objs.length, inspectors: people.length, items: itemRows.length, seed } })
    progress(done)
  })()
  return { objects: objs.length, inspectors: people.length, items: itemRows.length, seed }
}
