import { createHash } from 'node:crypto'
import { idCheckChar, usccCheckChar } from '../../../electron/services/registry/identifiers'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, expect, vi } from 'vitest'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { exportKeyFile, getIdentity, initIdentity, addPeer, requireIdentity } from '../../../electron/services/exchange/identity'
import { applyPackage, previewPackage } from '../../../electron/services/exchange/merge'
import { readFrame, writeFrame } from '../../../electron/services/exchange/container'
import { signBytes } from '../../../electron/services/exchange/keys'
import type { Manifest } from '../../../electron/services/exchange/manifest'
import { UserError } from '../../../electron/services/errors'

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sj-exchange-'))
}

export interface Site {
  wb: Workbench
  ctx: Ctx
  file: string
}

/** The sites a test file opens; each is closed after every test. */
export function closedAfterEach(): Site[] {
  const open: Site[] = []
  afterEach(() => {
    for (const s of open.splice(0)) s.wb.close()
  })
  return open
}

/** A real workbench database file with the default member departments. */
export function site(dir: string, name: string, identity?: { name: string; deptCode?: string }): Site {
  const file = join(dir, `${name}.db`)
  const wb = new Workbench(file)
  const ctx = { ...wb.ctx(), actor: `测试-${name}` }
  if (identity) initIdentity(ctx, identity)
  return { wb, ctx, file }
}

/** Both sides register and confirm each other's key, as they would by phone. */
export function pair(dir: string, a: Site, b: Site) {
  for (const [from, to] of [
    [a, b],
    [b, a]
  ] as const) {
    const keyFile = join(dir, `${getIdentity(from.ctx)!.code}-${Math.random().toString(36).slice(2)}.sjkey`)
    writeFileSync(keyFile, exportKeyFile(from.ctx))
    addPeer(to.ctx, exportKeyFile(from.ctx), getIdentity(from.ctx)!.fingerprint)
  }
}

/** The county office and 市场监管局, each with its identity, keys exchanged; closed after the test. */
export function officeAndScjg(open: Site[]): { dir: string; office: Site; dept: Site } {
  const dir = tempDir()
  const office = site(dir, 'office', { name: '县双随机办' })
  const dept = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
  open.push(office, dept)
  pair(dir, office, dept)
  return { dir, office, dept }
}

const deptId = (ctx: Ctx, code: string) => (ctx.sqlite.prepare('SELECT id FROM departments WHERE code = ?').get(code) as { id: number }).id
const now = '2026-03-01 09:00:00'

export function addObject(ctx: Ctx, code: string, name: string, owner: string | null, extra: Record<string, unknown> = {}) {
  const row = { code, name, kind: 'market', address: '泗县某路1号', owner_dept_id: owner ? deptId(ctx, owner) : null, created_at: now, updated_at: now, ...extra }
  const cols = Object.keys(row)
  ctx.sqlite.prepare(`INSERT INTO objects (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row)
}

export function addInspector(ctx: Ctx, idNumber: string, name: string, dept: string) {
  ctx.sqlite
    .prepare(`INSERT INTO inspectors (id_number, name, dept_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    .run(idNumber, name, deptId(ctx, dept), now, now)
}

export function addItem(ctx: Ctx, uid: string, name: string, dept: string) {
  ctx.sqlite
    .prepare(`INSERT INTO items (uid, dept_id, category, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(uid, deptId(ctx, dept), '食品安全', name, now, now)
}

export function setObject(ctx: Ctx, code: string, patch: Record<string, unknown>) {
  const cols = Object.keys(patch)
  ctx.sqlite.prepare(`UPDATE objects SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = '2026-03-02 10:00:00' WHERE code = @code`).run({ ...patch, code })
}

export function objectRow(ctx: Ctx, code: string) {
  return ctx.sqlite.prepare('SELECT * FROM objects WHERE code = ?').get(code) as Record<string, unknown> | undefined
}

export const count = (ctx: Ctx, table: string) => (ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

/** Every row of every table, in a fixed order: equal dumps = the database holds exactly the same data. */
export function dumpHash(sqlite: Database.Database): string {
  const h = createHash('sha256')
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]
  for (const t of tables) {
    h.update(`[${t}]`)
    const rows = (sqlite.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
    for (const r of rows.sort()) h.update(r)
  }
  return h.digest('hex')
}

/** Rewrites a package's manifest and signs it again with `signer`'s key (a forger who has that key). */
export function resign(signer: Site, file: string, out: string, mutate: (m: Manifest) => void) {
  const f = readFrame(readFileSync(file), file)
  const m = JSON.parse(f.manifestBytes.toString()) as Manifest
  mutate(m)
  const bytes = Buffer.from(JSON.stringify(m))
  writeFileSync(out, writeFrame(bytes, signBytes(requireIdentity(signer.ctx).privateKey, bytes), f.content))
}

/** The refusal, and proof that neither preview nor apply changed a byte of the database's tables. */
export function refused(target: Site, file: string): UserError {
  const before = dumpHash(target.ctx.sqlite)
  let err: unknown
  try {
    previewPackage(target.ctx, file)
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(UserError)
  expect(() => applyPackage(target.ctx, file, { default: 'theirs' })).toThrow(UserError)
  expect(dumpHash(target.ctx.sqlite)).toBe(before)
  expect((err as Error).message).toMatch(/数据库未作任何改动/)
  return err as UserError
}

/** What the command-line commands print, from now until the test's mocks are restored. */
export function captureConsole() {
  const logs: string[] = []
  const keep = (...a: unknown[]) => void logs.push(a.join(' '))
  vi.spyOn(console, 'log').mockImplementation(keep)
  vi.spyOn(console, 'error').mockImplementation(keep)
  return { logs, lastJson: () => JSON.parse(logs.filter((l) => l.startsWith('{')).at(-1)!) }
}

/** Changes a database file between commands, the way another program would. */
export function edit(file: string, fn: (w: Workbench) => void) {
  const wb = new Workbench(file)
  try {
    fn(wb)
  } finally {
    wb.close()
  }
}

/** A valid 统一社会信用代码 numbered i (check character per GB 32100): packages carry only what local entry would accept. */
export function bulkCode(i: number): string {
  const first17 = `913413240${String(i).padStart(8, '0')}`
  return first17 + usccCheckChar(first17)
}

/** The first 17 characters with their check character appended. */
export const uscc = (first17: string) => first17 + usccCheckChar(first17)
export const idNumber = (first17: string) => first17 + idCheckChar(first17)

/**
 * What a trusted member acting in bad faith (or whoever holds its stolen key)
 * can make: the package's inner database edited with SQL, the manifest
 * changed at will, the whole signed again with that member's own key.
 */
export function craft(signer: Site, file: string, out: string, edit: { sql?: string; manifest?: (m: Manifest) => void }) {
  const f = readFrame(readFileSync(file), file)
  const dir = tempDir()
  const db = join(dir, 'content.db')
  writeFileSync(db, f.content)
  if (edit.sql) {
    const s = new BetterSqlite3(db)
    s.exec(edit.sql)
    s.close()
  }
  const content = readFileSync(db)
  const m = JSON.parse(f.manifestBytes.toString()) as Manifest
  m.contentBytes = content.length
  m.contentSha256 = createHash('sha256').update(content).digest('hex')
  edit.manifest?.(m)
  const bytes = Buffer.from(JSON.stringify(m))
  writeFileSync(out, writeFrame(bytes, signBytes(requireIdentity(signer.ctx).privateKey, bytes), content))
  return out
}
