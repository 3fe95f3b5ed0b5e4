import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { IncomingMessage } from 'node:http'
import { uniquePath } from '../services/files/handlers'
import { safeName, uploadDir } from '../services/files/locations'
import { nowText } from '../services/time'

/** The largest file a browser page may hand to the program (a county's full exchange package is ≈ 100 MB). */
export const UPLOAD_LIMIT = 150 * 1024 * 1024

export class UploadTooLarge extends Error {}

/** “150 MB”, or “64 KB” for the small limits tests configure. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export function tooLargeUploadMessage(limit: number): string {
  return `文件太大（超过 ${sizeText(limit)}），无法上传。请拆分后再导入。`
}

/** Counts the bytes going through and fails the stream the moment they pass the limit. */
class Limit extends Transform {
  private seen = 0
  constructor(private readonly max: number) {
    super()
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length
    if (this.seen > this.max) return done(new UploadTooLarge())
    done(null, chunk)
  }
}

/**
 * Writes the request body straight to a file in the upload folder, chunk by
 * chunk, so a large package never sits in memory. It is written under a
 * `.part` name (carrying our process id, so a crash's leftover is recognised
 * at the next start) and renamed only when complete; an oversized or broken
 * upload leaves nothing behind. A stated Content-Length above the limit is
 * refused before anything is read.
 */
export async function receiveUpload(req: IncomingMessage, dbFile: string, name: string, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new UploadTooLarge()
  const dir = uploadDir(dbFile)
  const target = uniquePath(dir, `${nowText().replace(/[: ]/g, '-')}-${safeName(name)}`)
  const part = join(dir, `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.upload.part`)
  try {
    const counter = new Limit(limit)
    // Not pipeline(req, …): on an error it would destroy the request and with it the socket the 413 must go out on.
    req.on('error', (e) => counter.destroy(e))
    req.on('close', () => {
      if (!req.complete) counter.destroy(new Error('上传中断'))
    })
    req.pipe(counter)
    const out = createWriteStream(part, { flags: 'wx', mode: 0o600 })
    try {
      await pipeline(counter, out)
    } catch (e) {
      // The rest of an oversized body is read and thrown away, never stored.
      req.unpipe(counter)
      req.resume()
      // A file still being opened appears after a destroy: wait until it is closed, so the removal below finds it.
      if (!out.closed) await once(out, 'close')
      throw e
    }
    await rename(part, target)
    return target
  } catch (e) {
    await rm(part, { force: true })
    throw e
  }
}
