import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import type { Ctx } from '../context'
import { APPLICATION_ID, openDatabase } from '../db/open'
import { appliedCount } from '../db/migrate'
import { UserError } from '../errors'
import { APP_VERSION } from '../version'
import { readFrame } from './container'
import { exchangeTempPrefix } from '../files/leftovers'
import { agencyText, peerRow, requireIdentity, roleOfCode } from './identity'
import type { Sender } from './ownership'
import { sha256Hex, verifyBytes } from './keys'
import { headSignedBy } from '../audit/anchor'
import { walkChain } from '../audit/log'
import { FORMAT_VERSION, isManifest, ourSchemaVersion, type Manifest } from './manifest'

const UNCHANGED = '数据库未作任何改动。'

/** A package that passed every check, its content upgraded to our schema in a temporary copy. */
export interface OpenedPackage {
  manifest: Manifest
  manifestHash: string
  /** The embedded database (a temporary copy, read only from here on). */
  content: Database.Database
  /** Its file, for ATTACH by a bulk merge. */
  contentFile: string
  /** Schema version the content was made with, when it had to be upgraded. */
  upgradedFrom: number | null
  /** Who signed it, as our registry of peers knows them (never as the manifest says). */
  sender: Sender
  /** This exact package was applied here before (a harmless replay: applying changes nothing). */
  alreadyImported: boolean
  /** The sender's audit log no longer extends the head we saw last (null: it does, or we have none to compare). */
  peerLogWarning: string | null
  /** The sender's signed log head to remember once the package is applied (null when it could not be trusted). */
  peerHead: { seq: number; hash: string } | null
  close(): void
}

export interface OpenPackageOptions {
  migrationsDir?: string
}

/**
 * Reads and checks a package without touching the database: frame, manifest,
 * sender registered and confirmed, signature, recipient, versions, content
 * hash; then upgrades a copy of the content with our migration runner.
 * Every refusal is a UserError naming the problem.
 */
export function openPackage(ctx: Ctx, file: string, opts: OpenPackageOptions = {}): OpenedPackage {
  const name = basename(file)
  let buf: Buffer
  try {
    buf = readFileSync(file)
  } catch (e) {
    throw new UserError(`无法读取交换包“${file}”：${(e as Error).message}。请检查文件是否存在。`, 'io')
  }
  const frame = readFrame(buf, name)
  let m: unknown
  try {
    m = JSON.parse(frame.manifestBytes.toString('utf8'))
  } catch {
    m = null
  }
  if (!isManifest(m)) {
    throw new UserError(`交换包“${name}”的清单已损坏，无法读取。请让对方重新导出。${UNCHANGED}`, 'manifest-damaged')
  }
  const manifest = m
  if (manifest.formatVersion > FORMAT_VERSION) {
    throw new UserError(
      `该交换包由较新版本的程序（${manifest.appVersion}）制作，包格式为第 ${manifest.formatVersion} 版，本程序（${APP_VERSION}）只支持到第 ${FORMAT_VERSION} 版。请升级到 ${manifest.appVersion} 或更高版本后再导入。${UNCHANGED}`,
      'newer-version'
    )
  }

  const me = requireIdentity(ctx)
  const from = agencyText(manifest.from)
  if (manifest.from.code === me.code && manifest.from.fingerprint === me.fingerprint) {
    throw new UserError(`这是本单位自己导出的交换包，不能导入本机。请导入对方单位发来的交换包。${UNCHANGED}`, 'own-package')
  }
  const peer = peerRow(ctx, manifest.from.code)
  if (!peer) {
    throw new UserError(
      `交换包来自未登记的单位${from}，指纹 ${manifest.from.fingerprint}。请先导入该单位的密钥文件并与对方电话核对指纹，再导入交换包。${UNCHANGED}`,
      'unregistered'
    )
  }
  if (!peer.confirmed) {
    throw new UserError(`单位${from}的密钥已登记但指纹尚未核对确认。请与对方电话核对指纹 ${peer.fingerprint} 并确认后再导入。${UNCHANGED}`, 'unconfirmed')
  }
  if (!verifyBytes(peer.publicKey, frame.manifestBytes, frame.signature)) {
    if (verifyBytes(manifest.from.publicKey, frame.manifestBytes, frame.signature)) {
      throw new UserError(
        `交换包自称来自${from}，但签名所用的密钥与登记的不符（包内指纹 ${manifest.from.fingerprint}，登记指纹 ${peer.fingerprint}），可能是其他单位或伪造的文件，已拒绝。${UNCHANGED}`,
        'wrong-signer'
      )
    }
    throw new UserError(`交换包“${name}”的清单在签名后被改动过（签名验证失败），已拒绝。请让对方重新导出。${UNCHANGED}`, 'manifest-altered')
  }
  const sender = senderOf(ctx, manifest, peer)
  if (manifest.to !== 'any' && manifest.to.code !== me.code) {
    throw new UserError(
      `该交换包是发给${agencyText(manifest.to)}的，不是发给本单位${agencyText(me)}的，已拒绝。请让对方重新导出发给本单位的交换包。${UNCHANGED}`,
      'wrong-recipient'
    )
  }
  const ours = ourSchemaVersion(opts.migrationsDir)
  if (manifest.schemaVersion > ours) {
    throw new UserError(
      `该交换包由较新版本的程序（${manifest.appVersion}）制作（数据结构第 ${manifest.schemaVersion} 版），本程序（${APP_VERSION}）只支持到第 ${ours} 版。请升级到 ${manifest.appVersion} 或更高版本后再导入。${UNCHANGED}`,
      'newer-version'
    )
  }
  if (frame.content.length !== manifest.contentBytes || sha256Hex(frame.content) !== manifest.contentSha256) {
    throw new UserError(`交换包“${name}”的数据在签名后被改动过（内容哈希不符），已拒绝。请让对方重新导出。${UNCHANGED}`, 'content-altered')
  }
  const manifestHash = sha256Hex(frame.manifestBytes)
  const again = !!ctx.sqlite.prepare(`SELECT 1 FROM exchange_log WHERE direction = 'received' AND package_id = ? AND manifest_hash = ?`).get(manifest.packageId, manifestHash)
  const seq = manifest.seq ?? 0
  if (!again && seq <= peer.lastSeq) {
    throw new UserError(
      `该交换包是${sender.name}的第 ${seq} 号交换包，本机已导入过该单位第 ${peer.lastSeq} 号交换包，这是较旧或重复的包，导入会使数据倒退，已拒绝。请让对方重新导出最新的交换包。${UNCHANGED}`,
      'replay'
    )
  }
  const opened = openContent(frame.content, manifest, manifestHash, opts)
  try {
    return { ...opened, sender, alreadyImported: again, ...peerLog(peer, manifest, opened.content) }
  } catch (e) {
    opened.close()
    throw e
  }
}

/**
 * The sender's audit log as the package carries it, held against its signed
 * head and against the head we saw from it last time. A log that no longer
 * extends what we saw was rewritten or cut short over there: the package is
 * still readable, but the user is told, and the receiver's log keeps it.
 */
function peerLog(
  peer: NonNullable<ReturnType<typeof peerRow>>,
  m: Manifest,
  content: Database.Database
): { peerLogWarning: string | null; peerHead: { seq: number; hash: string } | null } {
  const flagged = (why: string) => `对方的操作日志被改写或截断：${peer.name}${why}。请与对方核实其操作日志（可让对方运行“审计日志校验”），必要时从备份核对。`
  const seen = peer.auditHeadSeq !== null && peer.auditHeadSeq !== undefined ? { seq: peer.auditHeadSeq, hash: peer.auditHeadHash ?? '' } : null
  const head = m.auditHead
  if (!head) return { peerLogWarning: seen ? flagged(`这次的交换包没有附带操作日志，而本机上次收到时其日志已到第 ${seen.seq} 条`) : null, peerHead: null }
  if (!headSignedBy(peer.publicKey, head)) return { peerLogWarning: flagged('的操作日志签名与登记的密钥不符'), peerHead: null }
  const walked = walkChain(content)
  if (!walked.ok) return { peerLogWarning: flagged(`发来的操作日志在第 ${walked.brokenAt.id} 条断开（${walked.brokenAt.reason}）`), peerHead: null }
  if (walked.lastId !== head.seq || walked.lastHash !== head.hash) return { peerLogWarning: flagged('发来的操作日志与其签名的末条记录不符'), peerHead: null }
  if (seen) {
    const at = content.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(seen.seq) as string | undefined
    if (head.seq < seen.seq || at !== seen.hash) {
      return {
        peerLogWarning: flagged(
          head.seq < seen.seq
            ? `的操作日志现在只到第 ${head.seq} 条，本机上次收到时已到第 ${seen.seq} 条`
            : `的操作日志第 ${seen.seq} 条与本机上次收到时不同（此前的记录被改写）`
        ),
        peerHead: { seq: head.seq, hash: head.hash }
      }
    }
  }
  return { peerLogWarning: null, peerHead: { seq: head.seq, hash: head.hash } }
}

/**
 * The sender as we registered and confirmed it. Role and department are ours:
 * whatever the manifest says about them must agree, or the package is refused.
 */
function senderOf(ctx: Ctx, m: Manifest, peer: NonNullable<ReturnType<typeof peerRow>>): Sender {
  const registered = `本机登记该密钥时确认的是“${peer.name}”（${peer.role === 'office' ? '县双随机办' : `成员单位，代码 ${peer.code}`}）`
  if (m.from.role !== peer.role || roleOfCode(peer.code) !== peer.role) {
    throw new UserError(
      `交换包自称由${m.from.role === 'office' ? '县双随机办' : '成员单位'}制作，但${registered}。身份不符，已拒绝。请与对方核对。${UNCHANGED}`,
      'role-mismatch'
    )
  }
  if (m.from.fingerprint !== peer.fingerprint) {
    throw new UserError(`交换包清单中的指纹与${registered}的指纹 ${peer.fingerprint} 不符，已拒绝。${UNCHANGED}`, 'role-mismatch')
  }
  if (peer.role === 'department' && !ctx.sqlite.prepare('SELECT 1 FROM departments WHERE code = ?').get(peer.code)) {
    throw new UserError(`发送单位代码“${peer.code}”不在本机的成员单位中，无法确定它维护哪些记录，已拒绝。请先在“成员单位”中核对该单位的代码。${UNCHANGED}`, 'role-mismatch')
  }
  return { code: peer.code, name: peer.name, role: peer.role, fingerprint: peer.fingerprint }
}

function openContent(content: Buffer, manifest: Manifest, manifestHash: string, opts: OpenPackageOptions): Omit<OpenedPackage, 'sender' | 'alreadyImported' | 'peerLogWarning' | 'peerHead'> {
  const dir = mkdtempSync(join(tmpdir(), exchangeTempPrefix('in')))
  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  try {
    const file = join(dir, 'content.db')
    writeFileSync(file, content)
    let before: number
    try {
      const ro = new Database(file, { readonly: true, fileMustExist: true })
      try {
        if ((ro.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) throw new Error('application_id')
        before = appliedCount(ro)
      } finally {
        ro.close()
      }
    } catch {
      throw new UserError(`交换包中的数据不是工作台数据库，无法导入。请让对方重新导出。${UNCHANGED}`, 'content-damaged')
    }
    if (before !== manifest.schemaVersion) {
      throw new UserError(`交换包中的数据版本（第 ${before} 版）与清单所写（第 ${manifest.schemaVersion} 版）不符，无法导入。请让对方重新导出。${UNCHANGED}`, 'content-damaged')
    }
    // Older packages: the same migration runner as for the database itself, on the temporary copy.
    const opened = openDatabase(file, opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {})
    return {
      manifest,
      manifestHash,
      content: opened.sqlite,
      contentFile: file,
      upgradedFrom: opened.migrated.length > 0 ? before : null,
      close() {
        if (opened.sqlite.open) opened.sqlite.close()
        cleanup()
      }
    }
  } catch (e) {
    cleanup()
    throw e
  }
}
