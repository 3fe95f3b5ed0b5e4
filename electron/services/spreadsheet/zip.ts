/**
 * Just enough of the zip format to read the parts of an .xlsx: the central
 * directory, one part decompressed whole (small parts) or streamed (sheets),
 * with node's own zlib. Sizes come from the directory, so a part can be judged
 * before a byte of it is decompressed.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { createInflateRaw, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  headerOffset: number
}

export class ZipFormatError extends Error {}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len)
  const n = readSync(fd, b, 0, len, pos)
  return n === len ? b : b.subarray(0, n)
}

/** Reads the central directory (zip64 sizes included). */
export function readZipDirectory(file: string): Map<string, ZipEntry> {
  const fd = openSync(file, 'r')
  try {
    const fileSize = fstatSync(fd).size
    const tailLen = Math.min(fileSize, 65557)
    const tail = readAt(fd, fileSize - tailLen, tailLen)
    let eocd = -1
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new ZipFormatError('没有找到压缩包目录')
    let count = tail.readUInt16LE(eocd + 10)
    let dirSize = tail.readUInt32LE(eocd + 12)
    let dirOffset = tail.readUInt32LE(eocd + 16)
    if (dirOffset === 0xffffffff || count === 0xffff) {
      // zip64: the locator sits just before the end record.
      const loc = eocd - 20
      if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw new ZipFormatError('压缩包目录不完整')
      const rec = readAt(fd, Number(tail.readBigUInt64LE(loc + 8)), 56)
      if (rec.readUInt32LE(0) !== 0x06064b50) throw new ZipFormatError('压缩包目录不完整')
      count = Number(rec.readBigUInt64LE(32))
      dirSize = Number(rec.readBigUInt64LE(40))
      dirOffset = Number(rec.readBigUInt64LE(48))
    }
    if (dirOffset + dirSize > fileSize) throw new ZipFormatError('压缩包目录超出文件范围')
    const dir = readAt(fd, dirOffset, dirSize)
    const out = new Map<string, ZipEntry>()
    let p = 0
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw new ZipFormatError('压缩包目录已损坏')
      const method = dir.readUInt16LE(p + 10)
      let compressedSize = dir.readUInt32LE(p + 20)
      let size = dir.readUInt32LE(p + 24)
      const nameLen = dir.readUInt16LE(p + 28)
      const extraLen = dir.readUInt16LE(p + 30)
      const commentLen = dir.readUInt16LE(p + 32)
      let headerOffset = dir.readUInt32LE(p + 42)
      const name = dir.toString('utf8', p + 46, p + 46 + nameLen).replace(/\\/g, '/')
      let e = p + 46 + nameLen
      const extraEnd = e + extraLen
      while (e + 4 <= extraEnd) {
        const id = dir.readUInt16LE(e)
        const len = dir.readUInt16LE(e + 2)
        if (id === 0x0001) {
          let q = e + 4
          if (size === 0xffffffff) (size = Number(dir.readBigUInt64LE(q))), (q += 8)
          if (compressedSize === 0xffffffff) (compressedSize = Number(dir.readBigUInt64LE(q))), (q += 8)
          if (headerOffset === 0xffffffff) headerOffset = Number(dir.readBigUInt64LE(q))
        }
        e += 4 + len
      }
      // Part names are case-insensitive in OPC; look them up in lower case.
      out.set(name.replace(/^\//, '').toLowerCase(), { name, method, compressedSize, size, headerOffset })
      p = extraEnd + commentLen
    }
    return out
  } finally {
    closeSync(fd)
  }
}

function dataOffset(file: string, e: ZipEntry): number {
  const fd = openSync(file, 'r')
  try {
    const h = readAt(fd, e.headerOffset, 30)
    if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw new ZipFormatError('压缩包内容已损坏')
    return e.headerOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28)
  } finally {
    closeSync(fd)
  }
}

function checkMethod(e: ZipEntry): void {
  if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`不支持的压缩方式 ${e.method}`)
}

/** A small part, whole. */
export function readZipEntry(file: string, e: ZipEntry): Buffer {
  checkMethod(e)
  const start = dataOffset(file, e)
  const fd = openSync(file, 'r')
  try {
    const raw = readAt(fd, start, e.compressedSize)
    return e.method === 0 ? raw : inflateRawSync(raw)
  } finally {
    closeSync(fd)
  }
}

/** A large part, as decompressed chunks; nothing but the current chunk is held. */
export async function* streamZipEntry(file: string, e: ZipEntry, chunkSize = 1 << 18): AsyncGenerator<Buffer> {
  checkMethod(e)
  const start = dataOffset(file, e)
  if (e.compressedSize === 0) return
  const raw = createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: chunkSize })
  if (e.method === 0) {
    for await (const c of raw) yield c as Buffer
    return
  }
  const inflate = createInflateRaw({ chunkSize })
  raw.on('error', (err) => inflate.destroy(err))
  raw.pipe(inflate)
  try {
    for await (const c of inflate) yield c as Buffer
  } finally {
    raw.destroy()
    inflate.destroy()
  }
}
