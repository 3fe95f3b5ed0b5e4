import { describe, expect, it } from 'vitest'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportPackage } from '../../../electron/services/exchange/export'
import { applyPackage, previewPackage } from '../../../electron/services/exchange/merge'
import { readFrame, writeFrame } from '../../../electron/services/exchange/container'
import { addPeer, exportKeyFile, getIdentity } from '../../../electron/services/exchange/identity'
import { ourSchemaVersion, type Manifest } from '../../../electron/services/exchange/manifest'
import { defaultMigrationsDir } from '../../../electron/services/db/open'
import { addObject, closedAfterEach, count, objectRow, pair, refused, resign, site, tempDir } from './helpers'

const open = closedAfterEach()

function setup() {
  const dir = tempDir()
  const office = site(dir, 'office', { name: '县双随机办' })
  const dept = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
  const stranger = site(dir, 'wjj', { name: '县卫健局', deptCode: 'WJJ' })
  open.push(office, dept, stranger)
  pair(dir, office, dept)
  addObject(dept.ctx, '91341324MA2N000018', '泗县甲超市', 'SCJG')
  addObject(stranger.ctx, '91341324MA2N000091', '泗县某医院', 'WJJ')
  const good = join(dir, 'good.sjbx')
  exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: good })
  return { dir, office, dept, stranger, good }
}

describe('bad packages are refused with a Chinese message and the database is left exactly as it was', () => {
  it('not a package', () => {
    const { dir, office } = setup()
    writeFileSync(join(dir, 'x.sjbx'), '这不是交换包')
    expect(refused(office, join(dir, 'x.sjbx'))).toMatchObject({ code: 'not-a-package', message: expect.stringMatching(/不是数据交换包/) })
  })

  it('truncated', () => {
    const { dir, office, good } = setup()
    const buf = readFileSync(good)
    for (const keep of [6, 40, buf.length - 1]) {
      writeFileSync(join(dir, 't.sjbx'), buf.subarray(0, keep))
      expect(refused(office, join(dir, 't.sjbx'))).toMatchObject({ code: 'truncated', message: expect.stringMatching(/被截断/) })
    }
  })

  it('content altered after signing', () => {
    const { dir, office, good } = setup()
    const buf = Buffer.from(readFileSync(good))
    buf[buf.length - 200] ^= 0xff
    writeFileSync(join(dir, 'c.sjbx'), buf)
    expect(refused(office, join(dir, 'c.sjbx'))).toMatchObject({ code: 'content-altered', message: expect.stringMatching(/数据在签名后被改动/) })
  })

  it('manifest altered after signing (signature kept)', () => {
    const { dir, office, good } = setup()
    const f = readFrame(readFileSync(good), good)
    const m = JSON.parse(f.manifestBytes.toString()) as Manifest
    m.to = 'any'
    writeFileSync(join(dir, 'm.sjbx'), writeFrame(Buffer.from(JSON.stringify(m)), f.signature, f.content))
    expect(refused(office, join(dir, 'm.sjbx'))).toMatchObject({ code: 'manifest-altered', message: expect.stringMatching(/清单在签名后被改动/) })
  })

  it('signed by an unregistered agency', () => {
    const { dir, office, stranger } = setup()
    const p = join(dir, 's.sjbx')
    exportPackage(stranger.ctx, { to: 'any', full: true, out: p })
    expect(refused(office, p)).toMatchObject({ code: 'unregistered', message: expect.stringMatching(/未登记的单位“县卫健局”/) })
  })

  it('registered but fingerprint not yet confirmed', () => {
    const { dir, office, stranger } = setup()
    addPeer(office.ctx, exportKeyFile(stranger.ctx))
    const p = join(dir, 's.sjbx')
    exportPackage(stranger.ctx, { to: 'any', full: true, out: p })
    expect(refused(office, p)).toMatchObject({ code: 'unconfirmed' })
  })

  it('claiming to be a registered agency but signed by a different one', () => {
    const { dir, office, dept, stranger, good } = setup()
    const me = getIdentity(stranger.ctx)!
    resign(stranger, good, join(dir, 'f.sjbx'), (m) => {
      m.from = { ...m.from, publicKey: me.publicKey, fingerprint: me.fingerprint }
    })
    const e = refused(office, join(dir, 'f.sjbx'))
    expect(e.code).toBe('wrong-signer')
    expect(e.message).toContain(getIdentity(dept.ctx)!.fingerprint)
  })

  it('addressed to another agency', () => {
    const { dir, office, dept, stranger } = setup()
    addPeer(dept.ctx, exportKeyFile(stranger.ctx), getIdentity(stranger.ctx)!.fingerprint)
    const p = join(dir, 'w.sjbx')
    exportPackage(dept.ctx, { to: 'WJJ', full: true, out: p })
    expect(refused(office, p)).toMatchObject({ code: 'wrong-recipient', message: expect.stringMatching(/是发给“县卫健局”/) })
  })

  it('made by a newer program version: the message says which version is needed', () => {
    const { dir, office, dept, good } = setup()
    resign(dept, good, join(dir, 'n.sjbx'), (m) => {
      m.schemaVersion = ourSchemaVersion() + 1
      m.appVersion = '9.2.0'
    })
    const e = refused(office, join(dir, 'n.sjbx'))
    expect(e.code).toBe('newer-version')
    expect(e.message).toMatch(/请升级到 9\.2\.0 或更高版本/)
    resign(dept, good, join(dir, 'n2.sjbx'), (m) => {
      m.formatVersion = 2
      m.appVersion = '9.3.0'
    })
    expect(refused(office, join(dir, 'n2.sjbx')).message).toMatch(/请升级到 9\.3\.0/)
  })

  it('a package from an older program version (fewer migrations) is upgraded on import', () => {
    const { dir, office, dept } = setup()
    // The previous program: the same migrations minus the newest ones.
    const old = join(dir, 'old-migrations')
    mkdirSync(join(old, 'meta'), { recursive: true })
    cpSync(defaultMigrationsDir, old, { recursive: true })
    const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta', '_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, 2)
    writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify(journal))
    const p = join(dir, 'old.sjbx')
    const r = exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: p, migrationsDir: old })
    expect(r.manifest.schemaVersion).toBe(2)
    const pv = previewPackage(office.ctx, p)
    expect(pv.upgradedFrom).toBe(2)
    expect(pv.totals.new).toBe(1)
    applyPackage(office.ctx, p, {})
    expect(objectRow(office.ctx, '91341324MA2N000018')!.name).toBe('泗县甲超市')
    expect(count(office.ctx, 'objects')).toBe(1)
  })
})
