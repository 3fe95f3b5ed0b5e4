/**
 * What was previewed is what gets imported: the preview reports a digest of
 * the file's bytes, the confirmation passes it back, and the import refuses a
 * file whose bytes are no longer the same (edited, re-saved or replaced in
 * between) instead of writing rows nobody has seen. The file is also checked
 * not to change while it is being read.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { UserError } from '../../errors'

export interface FileFingerprint {
  digest: string
  size: number
  mtimeMs: number
}

/** SHA-256 of the file, read in pieces (the file may be large). */
export function fingerprintFile(file: string): FileFingerprint {
  const fd = openSync(file, 'r')
  try {
    const st = fstatSync(fd)
    const hash = createHash('sha256')
    const buf = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n <= 0) break
      hash.update(buf.subarray(0, n))
    }
    return { digest: hash.digest('hex'), size: st.size, mtimeMs: st.mtimeMs }
  } finally {
    closeSync(fd)
  }
}

export function changedSincePreview(file: string): UserError {
  return new UserError(
    `“${basename(file)}”在预览之后被修改过或被替换，本次未导入任何数据，以免写入未经核对的内容。请重新预览，核对无误后再确认导入。`,
    'changed-since-preview'
  )
}

/** After reading: the file must still be the one fingerprinted before. */
export function assertUnchangedWhileRead(file: string, before: FileFingerprint): void {
  const st = statSync(file)
  if (st.size !== before.size || st.mtimeMs !== before.mtimeMs) {
    throw new UserError(`“${basename(file)}”在读取过程中被修改，本次未导入任何数据。请关闭正在编辑它的程序后重新导入。`, 'changed-while-reading')
  }
}
