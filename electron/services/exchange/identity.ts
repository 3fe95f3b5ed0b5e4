import { eq } from 'drizzle-orm'
import { agencyIdentity, agencyPeers, departments } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { fingerprintOf, newKeyPair, normaliseFingerprint } from './keys'

/** The office's agency code; departments use their own code from 成员单位. */
export const OFFICE_CODE = 'OFFICE'

export type AgencyRole = 'office' | 'department'

/** The role an agency code stands for here: the office is OFFICE, every other code is a member department. */
export function roleOfCode(code: string): AgencyRole {
  return code === OFFICE_CODE ? 'office' : 'department'
}

/** An agency as the clerk reads it: the office by its name alone, a department with its code from 成员单位. */
export function agencyText(a: { name: string; code: string }): string {
  return a.code === OFFICE_CODE ? `“${a.name}”` : `“${a.name}”（代码 ${a.code}）`
}

export interface Identity {
  name: string
  code: string
  role: AgencyRole
  fingerprint: string
  publicKey: string
  createdAt: string
}

export interface Peer {
  id: number
  name: string
  code: string
  role: AgencyRole
  fingerprint: string
  confirmed: boolean
  addedAt: string
  confirmedAt: string | null
}

export function getIdentity(ctx: Pick<Ctx, 'db'>): Identity | null {
  const row = ctx.db.select().from(agencyIdentity).where(eq(agencyIdentity.id, 1)).get()
  if (!row) return null
  const { privateKey: _private, id: _id, ...pub } = row
  return pub
}

export function requireIdentity(ctx: Pick<Ctx, 'db'>): Identity & { privateKey: string } {
  const row = ctx.db.select().from(agencyIdentity).where(eq(agencyIdentity.id, 1)).get()
  if (!row) throw new UserError('本机尚未设置交换身份。请先在“数据交换”页填写本单位名称并生成密钥。', 'no-identity')
  return row
}

/**
 * Makes this installation an agency with a new key pair. Done once: a new key
 * would make every peer refuse our packages, so a second call is refused.
 */
export function initIdentity(ctx: Ctx, input: { name: string; deptCode?: string | null }): Identity {
  return ctx.sqlite.transaction(() => {
    const existing = getIdentity(ctx)
    if (existing) {
      throw new UserError(`本机已设置交换身份“${existing.name}”（指纹 ${existing.fingerprint}），不能重复生成密钥；重新生成会使对方无法验证本单位的交换包。`, 'exists')
    }
    const name = input.name.trim()
    if (!name) throw new UserError('请填写本单位名称。', 'invalid')
    let code = OFFICE_CODE
    let role: AgencyRole = 'office'
    if (input.deptCode) {
      const dept = ctx.db.select().from(departments).where(eq(departments.code, input.deptCode.trim().toUpperCase())).get()
      if (!dept) throw new UserError(`成员单位中没有代码为“${input.deptCode}”的单位。请先在“成员单位”中核对代码。`, 'not-found')
      code = dept.code
      role = 'department'
    }
    const keys = newKeyPair()
    const row = { id: 1, name, code, role, ...keys, fingerprint: fingerprintOf(keys.publicKey), createdAt: nowText() }
    ctx.db.insert(agencyIdentity).values(row).run()
    audit(ctx, { action: '生成交换密钥', entity: 'agency', entityId: code, detail: { name, code, role, fingerprint: row.fingerprint } })
    return getIdentity(ctx)!
  })()
}

/** The .sjkey file: what another agency needs to register us. */
export interface KeyFile {
  format: 'sjkey'
  version: 1
  name: string
  code: string
  role: AgencyRole
  publicKey: string
  fingerprint: string
}

export function exportKeyFile(ctx: Pick<Ctx, 'db'>): string {
  const me = requireIdentity(ctx)
  const file: KeyFile = { format: 'sjkey', version: 1, name: me.name, code: me.code, role: me.role, publicKey: me.publicKey, fingerprint: me.fingerprint }
  return JSON.stringify(file, null, 2) + '\n'
}

export function parseKeyFile(text: string): KeyFile {
  let k: Partial<KeyFile>
  try {
    k = JSON.parse(text) as Partial<KeyFile>
  } catch {
    throw new UserError('该文件不是交换密钥文件（.sjkey），无法读取。请让对方重新导出密钥文件。', 'not-a-keyfile')
  }
  if (k?.format !== 'sjkey' || typeof k.publicKey !== 'string' || typeof k.code !== 'string' || typeof k.name !== 'string') {
    throw new UserError('该文件不是交换密钥文件（.sjkey），内容不完整。请让对方重新导出密钥文件。', 'not-a-keyfile')
  }
  let fp: string
  try {
    fp = fingerprintOf(k.publicKey)
  } catch {
    throw new UserError('密钥文件中的公钥无法识别（不是 Ed25519 公钥）。请让对方重新导出密钥文件。', 'not-a-keyfile')
  }
  if (k.fingerprint && normaliseFingerprint(k.fingerprint) !== fp) {
    throw new UserError('密钥文件已损坏：文件中写明的指纹与公钥不符。请让对方重新导出密钥文件。', 'not-a-keyfile')
  }
  // The role is never taken from the file: it follows from the code, which the receiver checks against its own departments.
  const role = roleOfCode(k.code)
  if (k.role !== undefined && k.role !== role) {
    throw new UserError(
      `密钥文件自称属于${k.role === 'office' ? '县双随机办' : '成员单位'}，但其单位代码“${k.code}”表明它是${role === 'office' ? '县双随机办' : '成员单位'}。身份不符，未登记。请与对方核对后重新导出密钥文件。`,
      'role-mismatch'
    )
  }
  return { format: 'sjkey', version: 1, name: k.name, code: k.code, role, publicKey: k.publicKey, fingerprint: fp }
}

export function listPeers(ctx: Pick<Ctx, 'db'>): Peer[] {
  return ctx.db
    .select({
      id: agencyPeers.id,
      name: agencyPeers.name,
      code: agencyPeers.code,
      role: agencyPeers.role,
      fingerprint: agencyPeers.fingerprint,
      confirmed: agencyPeers.confirmed,
      addedAt: agencyPeers.addedAt,
      confirmedAt: agencyPeers.confirmedAt
    })
    .from(agencyPeers)
    .all()
}

/**
 * Registers another agency from its key file, unconfirmed. When the
 * fingerprint read out over the phone is given, it must match and the peer is
 * confirmed in the same step; on a mismatch nothing is registered.
 */
export function addPeer(ctx: Ctx, keyFileText: string, confirmFingerprint?: string): Peer {
  const k = parseKeyFile(keyFileText)
  return ctx.sqlite.transaction(() => {
    const me = getIdentity(ctx)
    if (me && me.fingerprint === k.fingerprint) throw new UserError('这是本单位自己的密钥文件，无需登记。请导入对方单位的密钥文件。', 'self')
    if (me && me.code === k.code) throw new UserError(`密钥文件的单位代码“${k.code}”与本单位相同，不能登记为交换单位。请核对该文件的来源。`, 'self')
    if (k.role === 'department' && !ctx.db.select().from(departments).where(eq(departments.code, k.code)).get()) {
      throw new UserError(`成员单位中没有代码为“${k.code}”的单位，无法确认该密钥属于哪个部门，未登记。请先在“成员单位”中核对代码。`, 'not-found')
    }
    const sameCode = ctx.db.select().from(agencyPeers).where(eq(agencyPeers.code, k.code)).get()
    if (sameCode && sameCode.fingerprint !== k.fingerprint) {
      throw new UserError(
        `已登记过代码为“${k.code}”的单位“${sameCode.name}”，但密钥不同（原指纹 ${sameCode.fingerprint}，新指纹 ${k.fingerprint}）。如对方确已更换密钥，请先删除原登记再导入。`,
        'key-changed'
      )
    }
    if (!sameCode) {
      ctx.db.insert(agencyPeers).values({ name: k.name, code: k.code, role: k.role, publicKey: k.publicKey, fingerprint: k.fingerprint, confirmed: false, addedAt: nowText() }).run()
      audit(ctx, { action: '登记交换单位', entity: 'agency', entityId: k.code, detail: { name: k.name, code: k.code, role: k.role, fingerprint: k.fingerprint } })
    }
    if (confirmFingerprint !== undefined) confirmPeerIn(ctx, confirmFingerprint, k.fingerprint)
    return listPeers(ctx).find((p) => p.code === k.code)!
  })()
}

function confirmPeerIn(ctx: Ctx, typed: string, expected?: string): Peer {
  const fp = normaliseFingerprint(typed)
  if (!fp) throw new UserError('指纹应为 8 组、每组 5 位数字（共 40 位）。请按对方念出的指纹重新输入。', 'invalid')
  const peer = ctx.db.select().from(agencyPeers).where(eq(agencyPeers.fingerprint, fp)).get()
  if (!peer || (expected && expected !== fp)) {
    throw new UserError(`输入的指纹 ${fp} 与登记的密钥不符，未确认。请与对方电话核对指纹；如仍不符，密钥文件可能被替换，请勿使用。`, 'fingerprint-mismatch')
  }
  if (!peer.confirmed) {
    ctx.db.update(agencyPeers).set({ confirmed: true, confirmedAt: nowText() }).where(eq(agencyPeers.id, peer.id)).run()
    audit(ctx, { action: '确认交换单位指纹', entity: 'agency', entityId: peer.code, detail: { name: peer.name, fingerprint: fp } })
  }
  return listPeers(ctx).find((p) => p.id === peer.id)!
}

/** Confirms a registered peer once its fingerprint has been checked by phone. */
export function confirmPeer(ctx: Ctx, fingerprint: string): Peer {
  return ctx.sqlite.transaction(() => confirmPeerIn(ctx, fingerprint))()
}

export function removePeer(ctx: Ctx, code: string): void {
  ctx.sqlite.transaction(() => {
    const peer = ctx.db.select().from(agencyPeers).where(eq(agencyPeers.code, code)).get()
    if (!peer) throw new UserError(`没有登记代码为“${code}”的交换单位。`, 'not-found')
    ctx.db.delete(agencyPeers).where(eq(agencyPeers.id, peer.id)).run()
    audit(ctx, { action: '删除交换单位', entity: 'agency', entityId: code, detail: { name: peer.name, fingerprint: peer.fingerprint } })
  })()
}

export function peerRow(ctx: Pick<Ctx, 'db'>, code: string) {
  return ctx.db.select().from(agencyPeers).where(eq(agencyPeers.code, code)).get()
}
