import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../../electron/services/db/open'
import type { Ctx } from '../../../electron/services/context'
import { generateDemoCounty, isRegistryEmpty } from '../../../electron/services/demo/generate'
import { checkIdNumber, checkObjectCode, isValidMobile } from '../../../electron/services/registry/identifiers'
import { UserError } from '../../../electron/services/errors'

let dir: string
const open: Ctx[] = []

function fresh(name: string): Ctx {
  const { db, sqlite, file } = openDatabase(join(dir, name))
  const ctx = { db, sqlite, file, actor: '测试' }
  open.push(ctx)
  return ctx
}

/** SHA-256 over every row of the three registries, in id order. */
function contentHash(ctx: Ctx): string {
  const h = createHash('sha256')
  for (const t of ['objects', 'inspectors', 'items']) {
    for (const row of ctx.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).iterate()) h.update(JSON.stringify(row)).update('\n')
  }
  return h.digest('hex')
}

type Row = Record<string, unknown>
const all = (ctx: Ctx, q: string) => ctx.sqlite.prepare(q).all() as Row[]

let a: Ctx
let progress: [number, number][] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-'))
  a = fresh('a.db')
  expect(isRegistryEmpty(a)).toBe(true)
  generateDemoCounty(a, { onProgress: (d, t) => progress.push([d, t]) })
})
afterAll(() => {
  for (const c of open) c.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the default demo county', () => {
  it('has at least 30 000 objects of the three kinds with valid codes', () => {
    const objs = all(a, 'SELECT code, kind, reg_status, credit_class FROM objects')
    expect(objs.length).toBeGreaterThanOrEqual(30_000)
    const bad = objs.filter((o) => !checkObjectCode(o.code).ok)
    expect(bad).toEqual([])
    const kinds = new Map<unknown, number>()
    for (const o of objs) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1)
    expect(kinds.get('market')! / objs.length).toBeGreaterThan(0.85)
    expect(kinds.get('institution')).toBeGreaterThan(500)
    expect(kinds.get('social')).toBeGreaterThan(500)
    // Some old 15-digit 注册号, but only a few per cent.
    const regNo = objs.filter((o) => String(o.code).length === 15).length / objs.length
    expect(regNo).toBeGreaterThan(0.01)
    expect(regNo).toBeLessThan(0.06)
    expect(new Set(objs.map((o) => o.reg_status))).toEqual(new Set(['存续', '注销', '吊销', '迁出']))
    expect(objs.filter((o) => o.reg_status === '存续').length / objs.length).toBeGreaterThan(0.85)
    const classA = objs.filter((o) => o.credit_class === 'A').length / objs.length
    expect(classA).toBeGreaterThan(0.2)
    expect(classA).toBeLessThan(0.4)
    expect(new Set(objs.map((o) => o.credit_class))).toEqual(new Set(['A', 'B', 'C', 'D']))
  })

  it('codes carry the registration authority and 泗阳县 region code', () => {
    for (const o of all(a, 'SELECT code, kind FROM objects')) {
      const c = String(o.code)
      if (c.length === 15) expect(c.startsWith('321323')).toBe(true)
      else expect(c.slice(2, 8)).toBe('321323')
      if (c.length === 18) expect(c[0]).toBe(o.kind === 'market' ? '9' : o.kind === 'institution' ? '1' : '5')
    }
  })

  it('places objects in the townships of 泗阳县 and gives market entities a business scope', () => {
    const rows = all(a, 'SELECT kind, address, township, business_scope, name, legal_rep FROM objects')
    const townships = new Set(rows.map((r) => r.township))
    expect(townships.size).toBeGreaterThanOrEqual(14)
    for (const r of rows) {
      expect(String(r.address)).toContain(`泗阳县${r.township}`)
      expect(String(r.legal_rep)).toMatch(/^[\u4e00-\u9fff]{2,3}$/)
      if (r.kind === 'market') expect(String(r.business_scope).length).toBeGreaterThan(4)
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length)
  })

  it('has exactly 300 inspectors across 20 departments, with valid ID numbers matching their gender', () => {
    const people = all(a, 'SELECT * FROM inspectors')
    expect(people).toHaveLength(300)
    expect(new Set(people.map((p) => p.dept_id)).size).toBe(20)
    const perDept = all(a, 'SELECT d.code, count(*) AS n FROM inspectors i JOIN departments d ON d.id = i.dept_id GROUP BY d.code ORDER BY n DESC')
    expect(perDept[0]!.code).toBe('SCJG')
    for (const p of people) {
      const check = checkIdNumber(p.id_number)
      expect(check.ok, String(p.id_number)).toBe(true)
      if (check.ok) {
        expect(check.gender).toBe(p.gender)
        expect(Number(check.birth.slice(0, 4))).toBeGreaterThanOrEqual(1965)
        expect(Number(check.birth.slice(0, 4))).toBeLessThanOrEqual(1998)
      }
      expect(isValidMobile(String(p.phone))).toBe(true)
      if (p.is_expert) expect(p.cert_no).toBe('')
      if (p.cert_no) expect(p.cert_authority).toMatch(/^(江苏省人民政府|宿迁市人民政府)$/)
      if (!p.active) expect(['离岗', '病休', '借调']).toContain(p.inactive_reason)
      expect(String(p.specialties).length).toBeGreaterThan(0)
    }
    const certified = people.filter((p) => p.cert_no).length
    expect(certified / 300).toBeGreaterThan(0.8)
    expect(people.some((p) => p.is_expert)).toBe(true)
    expect(people.some((p) => p.cert_valid_until && String(p.cert_valid_until) < '2026-01-01')).toBe(true)
    // Declared avoidance points at objects that exist.
    const codes = new Set(all(a, 'SELECT code FROM objects').map((o) => o.code))
    const avoid = people.flatMap((p) => String(p.avoid_codes).split(' ').filter(Boolean))
    expect(avoid.length).toBeGreaterThan(0)
    for (const c of avoid) expect(codes.has(c)).toBe(true)
  })

  it('has item lists for at least 8 departments, each with 重点 and 一般 items; only 一般 items have a ratio cap', () => {
    const rows = all(a, 'SELECT dept_id, level, ratio_cap_permille AS cap, uid, name, basis FROM items')
    const both = new Set<unknown>()
    for (const d of new Set(rows.map((r) => r.dept_id))) {
      const levels = new Set(rows.filter((r) => r.dept_id === d).map((r) => r.level))
      if (levels.has('重点') && levels.has('一般')) both.add(d)
    }
    expect(both.size).toBeGreaterThanOrEqual(8)
    for (const r of rows) {
      if (r.level === '重点') expect(r.cap).toBeNull()
      else expect(r.cap).toBeGreaterThan(0)
      expect(String(r.basis)).toMatch(/《.+》/)
    }
    expect(rows.some((r) => r.name === '食品销售者检查')).toBe(true)
  })

  it('records one audit entry and reports progress to the end', () => {
    const entries = all(a, `SELECT detail FROM audit_log WHERE action = '载入演示数据'`)
    expect(entries).toHaveLength(1)
    const detail = JSON.parse(String(entries[0]!.detail))
    expect(detail).toMatchObject({ objects: 30_000, inspectors: 300, seed: 'demo' })
    const last = progress.at(-1)!
    expect(last[0]).toBe(last[1])
    expect(last[1]).toBe(30_000 + 300 + detail.items)
  })
})

describe('determinism', () => {
  it('the same seed into another file gives identical content; another seed differs', () => {
    const b = fresh('b.db')
    generateDemoCounty(b, {})
    expect(contentHash(b)).toBe(contentHash(a))
    const c = fresh('c.db')
    generateDemoCounty(c, { seed: '另一个种子' })
    expect(contentHash(c)).not.toBe(contentHash(a))
    expect(all(c, 'SELECT count(*) AS n FROM objects')[0]!.n).toBe(30_000)
  })

  it('honours a smaller object count', () => {
    const d = fresh('d.db')
    expect(generateDemoCounty(d, { objects: 500, seed: 's' })).toMatchObject({ objects: 500, inspectors: 300, seed: 's' })
    for (const o of all(d, 'SELECT code FROM objects')) expect(checkObjectCode(o.code).ok).toBe(true)
  })
})

describe('refusals', () => {
  it('refuses a registry that already holds data and changes nothing', () => {
    expect(isRegistryEmpty(a)).toBe(false)
    const before = contentHash(a)
    expect(() => generateDemoCounty(a, { seed: 'x' })).toThrow(UserError)
    expect(() => generateDemoCounty(a, { seed: 'x' })).toThrow(/演示数据/)
    expect(contentHash(a)).toBe(before)
  })

  it('refuses when only one inspector is registered', () => {
    const e = fresh('e.db')
    e.sqlite.prepare(`INSERT INTO inspectors (id_number, name, created_at, updated_at) VALUES ('11010519491231002X', '甲', 'x', 'x')`).run()
    expect(isRegistryEmpty(e)).toBe(false)
    expect(() => generateDemoCounty(e, {})).toThrow(UserError)
    expect(all(e, 'SELECT count(*) AS n FROM objects')[0]!.n).toBe(0)
  })

  it('refuses an unusable object count', () => {
    const f = fresh('f.db')
    expect(() => generateDemoCounty(f, { objects: 10 })).toThrow(UserError)
    expect(() => generateDemoCounty(f, { objects: 1.5 })).toThrow(UserError)
  })
})
