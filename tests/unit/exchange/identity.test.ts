import { afterEach, describe, expect, it } from 'vitest'
import { createHash, createPublicKey } from 'node:crypto'
import { exportKeyFile, addPeer, confirmPeer, getIdentity, initIdentity, listPeers } from '../../../electron/services/exchange/identity'
import { normaliseFingerprint } from '../../../electron/services/exchange/keys'
import { site, tempDir, type Site } from './helpers'

let open: Site[] = []
afterEach(() => {
  for (const s of open) s.wb.close()
  open = []
})

describe('agency identity and key exchange', () => {
  it('makes an Ed25519 key pair once and shows a 40-digit fingerprint derived from the raw public key', () => {
    const dir = tempDir()
    const s = site(dir, 'dept')
    open.push(s)
    expect(getIdentity(s.ctx)).toBeNull()
    const me = initIdentity(s.ctx, { name: '县卫健局', deptCode: 'wjj' })
    expect(me).toMatchObject({ name: '县卫健局', code: 'WJJ', role: 'department' })
    expect(me.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/)
    // Independent recomputation: SHA-256 over the JWK "x" (the raw 32-byte key).
    const raw = Buffer.from(createPublicKey(me.publicKey).export({ format: 'jwk' }).x!, 'base64url')
    const h = createHash('sha256').update(raw).digest()
    expect(me.fingerprint.split(' ')[0]).toBe(String(h.readUIntBE(0, 3) % 100000).padStart(5, '0'))
    expect(() => initIdentity(s.ctx, { name: '另一个' })).toThrow(/不能重复生成密钥/)
    expect(() => initIdentity(site(dir, 'x').ctx, { name: 'x', deptCode: 'NOPE' })).toThrow(/没有代码为“NOPE”/)
  })

  it('a peer is registered from its key file and accepted only after its fingerprint is confirmed', () => {
    const dir = tempDir()
    const office = site(dir, 'office', { name: '县双随机办' })
    const dept = site(dir, 'dept', { name: '县卫健局', deptCode: 'WJJ' })
    open.push(office, dept)
    const key = exportKeyFile(dept.ctx)
    expect(JSON.parse(key)).toMatchObject({ format: 'sjkey', name: '县卫健局', code: 'WJJ', fingerprint: getIdentity(dept.ctx)!.fingerprint })

    const p = addPeer(office.ctx, key)
    expect(p.confirmed).toBe(false)
    expect(() => confirmPeer(office.ctx, '12345 12345 12345 12345 12345 12345 12345 12345')).toThrow(/不符/)
    const fp = getIdentity(dept.ctx)!.fingerprint
    // Typed without spaces, as people do.
    expect(confirmPeer(office.ctx, fp.replace(/ /g, '')).confirmed).toBe(true)
    expect(listPeers(office.ctx)).toHaveLength(1)
  })

  it('a wrong fingerprint at registration registers nothing; a key file whose fingerprint does not match its key is refused', () => {
    const dir = tempDir()
    const office = site(dir, 'office', { name: '县双随机办' })
    const dept = site(dir, 'dept', { name: '县卫健局', deptCode: 'WJJ' })
    const other = site(dir, 'other', { name: '县民政局', deptCode: 'MZJ' })
    open.push(office, dept, other)
    const key = exportKeyFile(dept.ctx)
    expect(() => addPeer(office.ctx, key, getIdentity(other.ctx)!.fingerprint)).toThrow(/不符/)
    expect(listPeers(office.ctx)).toHaveLength(0)
    const forged = JSON.stringify({ ...JSON.parse(key), publicKey: getIdentity(other.ctx)!.publicKey })
    expect(() => addPeer(office.ctx, forged)).toThrow(/指纹与公钥不符/)
    expect(() => addPeer(office.ctx, 'hello')).toThrow(/不是交换密钥文件/)
    // Same code, different key: refused instead of silently replacing the trusted key.
    addPeer(office.ctx, key, getIdentity(dept.ctx)!.fingerprint)
    const impostor = JSON.stringify({ ...JSON.parse(exportKeyFile(other.ctx)), code: 'WJJ', fingerprint: undefined })
    expect(() => addPeer(office.ctx, impostor)).toThrow(/密钥不同/)
  })

  it('normalises typed fingerprints', () => {
    const fp = '01234 56789 01234 56789 01234 56789 01234 56789'
    expect(normaliseFingerprint(fp.replace(/ /g, '-'))).toBe(fp)
    expect(normaliseFingerprint('123')).toBe('')
  })
})
