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
import { agencyText, peerRow, requireIdentity } from './identity'
import { sha256Hex, verifyBytes } from './keys'
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
  return openContent(frame.content, manifest, sha256Hex(frame.manifestBytes), opts)
}

function openContent(content: Buffer, manifest: Manifest, manifestHash: string, opts: OpenPackageOptions): OpenedPackage {
  const dir = mkdtempSync(join(tmpdir(), 'sjbx-in-'))
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
