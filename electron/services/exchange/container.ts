import { UserError } from '../errors'

/**
 * The .sjbx container (see docs/exchange.md): a small binary frame, so that a
 * package is one file and the signed manifest bytes are kept exactly as
 * signed.
 *
 *   'SJBX' | u16 container version | u32 manifest length | manifest (UTF-8 JSON)
 *          | u16 signature length | signature (Ed25519 over the manifest bytes)
 *          | u64 content length | content (a SQLite database file)
 *
 * All integers big-endian; the file ends exactly after the content.
 */
export const MAGIC = Buffer.from('SJBX', 'latin1')
export const CONTAINER_VERSION = 1

export interface Frame {
  containerVersion: number
  manifestBytes: Buffer
  signature: Buffer
  content: Buffer
}

export function writeFrame(manifestBytes: Buffer, signature: Buffer, content: Buffer): Buffer {
  const head = Buffer.alloc(10)
  MAGIC.copy(head, 0)
  head.writeUInt16BE(CONTAINER_VERSION, 4)
  head.writeUInt32BE(manifestBytes.length, 6)
  const sigLen = Buffer.alloc(2)
  sigLen.writeUInt16BE(signature.length)
  const contentLen = Buffer.alloc(8)
  contentLen.writeBigUInt64BE(BigInt(content.length))
  return Buffer.concat([head, manifestBytes, sigLen, signature, contentLen, content])
}

const truncated = () =>
  new UserError('交换包不完整（文件被截断），可能复制或下载时中断。请让对方重新发送该交换包。数据库未作任何改动。', 'truncated')

/** Splits a package file into its parts; refuses anything that is not a whole package. */
export function readFrame(buf: Buffer, name: string): Frame {
  if (buf.length < 4 || !buf.subarray(0, 4).equals(MAGIC)) {
    throw new UserError(`“${name}”不是数据交换包（.sjbx）。请选择对方导出的交换包文件。数据库未作任何改动。`, 'not-a-package')
  }
  if (buf.length < 10) throw truncated()
  const containerVersion = buf.readUInt16BE(4)
  if (containerVersion > CONTAINER_VERSION) {
    throw new UserError(
      `该交换包采用较新的文件格式（第 ${containerVersion} 版），本程序只支持到第 ${CONTAINER_VERSION} 版。请升级本程序后再导入。数据库未作任何改动。`,
      'newer-version'
    )
  }
  let at = 10
  const manifestLen = buf.readUInt32BE(6)
  if (buf.length < at + manifestLen + 2) throw truncated()
  const manifestBytes = buf.subarray(at, at + manifestLen)
  at += manifestLen
  const sigLen = buf.readUInt16BE(at)
  at += 2
  if (buf.length < at + sigLen + 8) throw truncated()
  const signature = buf.subarray(at, at + sigLen)
  at += sigLen
  const contentLen = buf.readBigUInt64BE(at)
  at += 8
  if (BigInt(buf.length - at) < contentLen) throw truncated()
  if (BigInt(buf.length - at) > contentLen) {
    throw new UserError('交换包末尾有多余的数据，文件已被改动。请让对方重新发送该交换包。数据库未作任何改动。', 'content-altered')
  }
  return { containerVersion, manifestBytes, signature, content: buf.subarray(at) }
}
