/**
 * A trusted member department acting in bad faith (or a stolen USB stick with
 * its key): packages crafted by editing the inner database and signing again
 * with that department's own, registered and confirmed key. Each attack
 * leaves the protected records as they were and is reported; whatever is
 * legitimate in the same package still applies.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { exportPackage } from '../../../electron/services/exchange/export'
import { applyPackage, previewPackage } from '../../../electron/services/exchange/merge'
import { addPeer, exportKeyFile, getIdentity } from '../../../electron/services/exchange/identity'
import { whoChanged } from '../../../electron/services/exchange/origin'
import { entryHash, listAudit, verifyAuditChain } from '../../../electron/services/audit/log'
import { signHead } from '../../../electron/services/audit/anchor'
import type { Ctx } from '../../../electron/services/context'
import { exchangeImportCmd } from '../../../electron/cli/commands/exchange'
import { addObject, captureConsole, closedAfterEach, craft, dumpHash, objectRow, pair, refused, setObject, site, tempDir, uscc } from './helpers'

const open = closedAfterEach()
afterEach(() => vi.restoreAllMocks())

const SCJG_SHOP = uscc('91341324MA2N00001')
const WJJ_CLINIC = uscc('52341324MJ0000001')

function county() {
  const dir = tempDir()
  const office = site(dir, 'office', { name: '县双随机办' })
  const scjg = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
  const wjj = site(dir, 'wjj', { name: '县卫健局', deptCode: 'WJJ' })
  open.push(office, scjg, wjj)
  pair(dir, office, scjg)
  pair(dir, office, wjj)
  addObject(scjg.ctx, SCJG_SHOP, '泗县甲超市', 'SCJG', { credit_class: 'B' })
  addObject(wjj.ctx, WJJ_CLINIC, '泗县某诊所', 'WJJ', { credit_class: 'B' })
  applyPackage(office.ctx, exportPackage(scjg.ctx, { to: 'OFFICE', full: true, out: join(dir, 'scjg-0.sjbx') }).file, {})
  applyPackage(office.ctx, exportPackage(wjj.ctx, { to: 'OFFICE', full: true, out: join(dir, 'wjj-0.sjbx') }).file, {})
  return { dir, office, scjg, wjj }
}

/** A fresh package from 市场监管局 with one legitimate change of its own (the shop's address). */
function legitimate(c: ReturnType<typeof county>, name: string) {
  setObject(c.scjg.ctx, SCJG_SHOP, { address: '泗县新址' })
  return exportPackage(c.scjg.ctx, { to: 'OFFICE', out: join(c.dir, name) }).file
}

const deptIdIn = `(SELECT id FROM departments WHERE code = 'WJJ')`
/** The office's 卫健局 row, put into a package by the attacker so that its objects can name it. */
const WJJ_ROW = `INSERT OR IGNORE INTO departments (code, name, short_name, sort_order, created_at, updated_at) VALUES ('WJJ', '县卫健局', '卫健局', 9, '2026-01-01', '2026-01-01');`

describe('who the sender is comes from the receiver', () => {
  it('a department package whose manifest says it comes from the office is refused', () => {
    const c = county()
    const pkg = legitimate(c, 'p.sjbx')
    const forged = craft(c.scjg, pkg, join(c.dir, 'f.sjbx'), { manifest: (m) => void (m.from.role = 'office') })
    expect(refused(c.office, forged)).toMatchObject({ code: 'role-mismatch', message: expect.stringMatching(/自称由县双随机办制作.*县市场监管局/) })
  })

  it('a key file that declares itself the office while its code is a department is not registered', () => {
    const c = county()
    const k = JSON.parse(exportKeyFile(c.wjj.ctx))
    const other = site(c.dir, 'other', { name: '县双随机办' })
    open.push(other)
    expect(() => addPeer(other.ctx, JSON.stringify({ ...k, role: 'office' }), getIdentity(c.wjj.ctx)!.fingerprint)).toThrow(/自称属于县双随机办/)
    expect(addPeer(other.ctx, JSON.stringify(k), getIdentity(c.wjj.ctx)!.fingerprint)).toMatchObject({ role: 'department', code: 'WJJ' })
  })
})

describe('ownership is enforced on import', () => {
  it('市场监管局 cannot change 卫健局’s department record or its objects; its own change still applies', () => {
    const c = county()
    const pkg = legitimate(c, 'p.sjbx')
    const forged = craft(c.scjg, pkg, join(c.dir, 'f.sjbx'), {
      sql: `${WJJ_ROW}
        UPDATE departments SET phone = '13800000000' WHERE code = 'WJJ';
        INSERT INTO objects (code, kind, name, credit_class, owner_dept_id, created_at, updated_at) VALUES ('${WJJ_CLINIC}', 'market', '泗县某诊所', 'D', ${deptIdIn}, '2026-01-01', '2026-01-01');`
    })
    const clinicBefore = objectRow(c.office.ctx, WJJ_CLINIC)
    const pv = previewPackage(c.office.ctx, forged)
    expect(pv.refusals.map((r) => r.sentence)).toEqual(
      expect.arrayContaining(['县市场监管局无权修改县卫健局维护的成员单位 1 个', '县市场监管局无权修改县卫健局维护的检查对象 1 户'])
    )
    expect(pv.refused.map((r) => r.key)).toEqual(expect.arrayContaining(['WJJ', WJJ_CLINIC]))
    const r = applyPackage(c.office.ctx, forged, {})
    expect(r.applied).toBe(true)
    expect(objectRow(c.office.ctx, WJJ_CLINIC)).toEqual(clinicBefore)
    expect(c.office.ctx.sqlite.prepare(`SELECT phone FROM departments WHERE code = 'WJJ'`).pluck().get()).toBe('')
    expect(objectRow(c.office.ctx, SCJG_SHOP)!.address).toBe('泗县新址')
  })

  it('taking over another department’s object by naming oneself its owner is refused', () => {
    const c = county()
    const forged = craft(c.scjg, legitimate(c, 'p.sjbx'), join(c.dir, 'f.sjbx'), {
      sql: `INSERT INTO objects (code, kind, name, credit_class, owner_dept_id, created_at, updated_at) SELECT '${WJJ_CLINIC}', 'market', '泗县某诊所', 'D', id, '2026-01-01', '2026-01-01' FROM departments WHERE code = 'SCJG';`
    })
    const r = applyPackage(c.office.ctx, forged, {})
    expect(r.refusals.map((x) => x.sentence)).toContain('县市场监管局无权修改县卫健局维护的检查对象 1 户')
    expect(objectRow(c.office.ctx, WJJ_CLINIC)).toMatchObject({ credit_class: 'B' })
  })

  it('the command line lists refused records with their reasons in --json', async () => {
    const c = county()
    const forged = craft(c.scjg, legitimate(c, 'p.sjbx'), join(c.dir, 'f.sjbx'), {
      sql: `${WJJ_ROW} INSERT INTO objects (code, kind, name, credit_class, owner_dept_id, created_at, updated_at) VALUES ('${WJJ_CLINIC}', 'market', '泗县某诊所', 'D', ${deptIdIn}, '2026-01-01', '2026-01-01');`
    })
    const file = c.office.file
    c.office.wb.close()
    open.splice(open.indexOf(c.office), 1)
    const { lastJson } = captureConsole()
    expect(await exchangeImportCmd([forged, '--db', file, '--dry-run', '--json'])).toBe(0)
    const out = lastJson()
    expect(out.refused).toBe(1)
    expect(out.refusals).toEqual([expect.objectContaining({ sentence: '县市场监管局无权修改县卫健局维护的检查对象 1 户', count: 1 })])
  })
})

describe('provenance is the receiver’s record', () => {
  it('a package claiming another agency authored its records is not believed', () => {
    const c = county()
    const forged = craft(c.scjg, legitimate(c, 'p.sjbx'), join(c.dir, 'f.sjbx'), {
      sql: `INSERT INTO record_origin (entity, key, agency_code, agency_name, hash, changed_at, package_id) SELECT 'objects', code, 'WJJ', '县卫健局', 'x', '2026-01-01', 'x' FROM objects;`
    })
    applyPackage(c.office.ctx, forged, {})
    expect(whoChanged(c.office.ctx, 'objects', SCJG_SHOP)).toMatchObject({ agencyCode: 'SCJG', agencyName: '县市场监管局' })
  })
})

describe('no rollback', () => {
  it('an older package from the same sender applied after a newer one is refused; a replay of the same package changes nothing', () => {
    const c = county()
    setObject(c.scjg.ctx, SCJG_SHOP, { legal_rep: '版本A' })
    const a = exportPackage(c.scjg.ctx, { to: 'OFFICE', full: true, out: join(c.dir, 'a.sjbx') }).file
    setObject(c.scjg.ctx, SCJG_SHOP, { legal_rep: '版本B' })
    const b = exportPackage(c.scjg.ctx, { to: 'OFFICE', full: true, out: join(c.dir, 'b.sjbx') }).file
    applyPackage(c.office.ctx, b, {})
    expect(objectRow(c.office.ctx, SCJG_SHOP)!.legal_rep).toBe('版本B')
    expect(refused(c.office, a)).toMatchObject({ code: 'replay', message: expect.stringMatching(/较旧或重复/) })
    expect(objectRow(c.office.ctx, SCJG_SHOP)!.legal_rep).toBe('版本B')
    // Re-signing the old content with a lower or equal number does not help either.
    const again = craft(c.scjg, a, join(c.dir, 'a2.sjbx'), { manifest: (m) => void delete m.seq })
    expect(refused(c.office, again).code).toBe('replay')
    const before = dumpHash(c.office.ctx.sqlite)
    expect(applyPackage(c.office.ctx, b, {}).applied).toBe(false)
    expect(dumpHash(c.office.ctx.sqlite)).toBe(before)
  })

  it('the command line refuses it too, with the reason', async () => {
    const c = county()
    const a = exportPackage(c.scjg.ctx, { to: 'OFFICE', full: true, out: join(c.dir, 'a.sjbx') }).file
    const b = legitimate(c, 'b.sjbx')
    applyPackage(c.office.ctx, b, {})
    const file = c.office.file
    c.office.wb.close()
    open.splice(open.indexOf(c.office), 1)
    const { logs } = captureConsole()
    expect(await exchangeImportCmd([a, '--db', file])).toBe(2)
    expect(logs.join('\n')).toMatch(/较旧或重复的包/)
  })
})

describe('every incoming row is validated like local entry', () => {
  it('bad kind, credit class, identifier and a dangling owner are refused row by row; the rest applies', () => {
    const c = county()
    const wrongCheck = (c: string) => c.slice(0, 17) + (c[17] === '0' ? '1' : '0')
    const bad = [uscc('91341324MA2N00002'), uscc('91341324MA2N00003'), wrongCheck(uscc('91341324MA2N00004')), uscc('91341324MA2N00005')]
    const forged = craft(c.scjg, legitimate(c, 'p.sjbx'), join(c.dir, 'f.sjbx'), {
      sql: `
        INSERT INTO objects (code, kind, name, owner_dept_id, created_at, updated_at) SELECT '${bad[0]}', 'hacker', '甲', id, '2026-01-01', '2026-01-01' FROM departments WHERE code = 'SCJG';
        INSERT INTO objects (code, kind, name, credit_class, owner_dept_id, created_at, updated_at) SELECT '${bad[1]}', 'market', '乙', 'Z', id, '2026-01-01', '2026-01-01' FROM departments WHERE code = 'SCJG';
        INSERT INTO objects (code, kind, name, owner_dept_id, created_at, updated_at) SELECT '${bad[2]}', 'market', '丙', id, '2026-01-01', '2026-01-01' FROM departments WHERE code = 'SCJG';
        PRAGMA foreign_keys = OFF;
        INSERT INTO objects (code, kind, name, owner_dept_id, created_at, updated_at) VALUES ('${bad[3]}', 'market', '丁', 999, '2026-01-01', '2026-01-01');`
    })
    const r = applyPackage(c.office.ctx, forged, {})
    const reasons = r.refused.map((x) => x.reason).join('\n')
    expect(reasons).toMatch(/对象类型“hacker”不是允许的取值/)
    expect(reasons).toMatch(/信用风险分类“Z”不是允许的取值/)
    expect(reasons).toMatch(/校验位错误/)
    expect(reasons).toMatch(/引用了交换包中不存在的记录/)
    for (const code of bad) expect(objectRow(c.office.ctx, code)).toBeUndefined()
    expect(objectRow(c.office.ctx, SCJG_SHOP)!.address).toBe('泗县新址')
    expect(r.totals.refused).toBe(4)
  })

  it('a plan entry naming a department by a raw id instead of its code is refused, never stored as someone else’s id', () => {
    const c = county()
    const forged = craft(c.scjg, legitimate(c, 'p.sjbx'), join(c.dir, 'f.sjbx'), {
      sql: `INSERT INTO plan_entries (uid, year, plan_name, task_name, initiator_dept_id, joint_dept_ids, scope, item_uids, status, created_at, updated_at)
            SELECT 'plan-x', 2026, '计划', '任务', id, '[12345]', '{}', '[]', '已报送', '2026-01-01', '2026-01-01' FROM departments WHERE code = 'SCJG';`
    })
    const r = applyPackage(c.office.ctx, forged, {})
    expect(r.refused.map((x) => x.key)).toContain('plan-x')
    expect(c.office.ctx.sqlite.prepare(`SELECT count(*) FROM plan_entries WHERE uid = 'plan-x'`).pluck().get()).toBe(0)
  })
})

describe('a peer’s rewritten audit log is noticed at the next import', () => {
  /** What someone with 市场监管局's key and its database file can do: rewrite the log and sign the new head. */
  function rewriteLog(ctx: Ctx, how: 'rewrite' | 'truncate') {
    ctx.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete')
    const all = ctx.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number>[]
    const keep = how === 'truncate' ? all.length - 2 : 1
    ctx.sqlite.exec(`DELETE FROM audit_log WHERE id > ${keep}; UPDATE sqlite_sequence SET seq = ${keep} WHERE name = 'audit_log'`)
    let prev = all[keep - 1]!.hash as string
    if (how === 'rewrite') {
      for (const r of all.slice(keep)) {
        const e = { at: String(r.at), actor: '别人', action: String(r.action), entity: String(r.entity), entityId: String(r.entity_id), detail: String(r.detail) }
        const hash = entryHash(prev, e)
        ctx.sqlite.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(e.at, e.actor, e.action, e.entity, e.entityId, e.detail, prev, hash)
        prev = hash
      }
    }
    const last = ctx.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string }
    signHead(ctx.sqlite, last.id, last.hash)
    // On its own machine the forgery holds: the attacker had the key.
    expect(verifyAuditChain(ctx).ok).toBe(true)
  }

  it.each(['rewrite', 'truncate'] as const)('%s: flagged in the preview and kept in the receiver’s log; an honest next package is not flagged', (how) => {
    const c = county()
    applyPackage(c.office.ctx, legitimate(c, 'p1.sjbx'), {})
    const honest = previewPackage(c.office.ctx, exportPackage(c.scjg.ctx, { to: 'OFFICE', out: join(c.dir, 'p2.sjbx') }).file)
    expect(honest.peerLogWarning).toBeNull()
    applyPackage(c.office.ctx, join(c.dir, 'p2.sjbx'), {})
    rewriteLog(c.scjg.ctx, how)
    setObject(c.scjg.ctx, SCJG_SHOP, { legal_rep: '新负责人' })
    const p3 = exportPackage(c.scjg.ctx, { to: 'OFFICE', out: join(c.dir, 'p3.sjbx') }).file
    const pv = previewPackage(c.office.ctx, p3)
    expect(pv.peerLogWarning).toMatch(/^对方的操作日志被改写或截断：县市场监管局/)
    applyPackage(c.office.ctx, p3, {})
    expect(listAudit(c.office.ctx, { entity: 'agency', limit: 1 })[0]).toMatchObject({ action: '对方操作日志被改写或截断', entityId: 'SCJG' })
    expect(verifyAuditChain(c.office.ctx).ok).toBe(true)
  })

  it('a package whose carried log does not end at its signed head is flagged', () => {
    const c = county()
    const pkg = legitimate(c, 'p.sjbx')
    const forged = craft(c.scjg, pkg, join(c.dir, 'f.sjbx'), { sql: `DROP TRIGGER IF EXISTS audit_log_no_delete; DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);` })
    expect(previewPackage(c.office.ctx, forged).peerLogWarning).toMatch(/对方的操作日志被改写或截断/)
  })
})
