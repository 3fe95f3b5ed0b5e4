/**
 * A 名录库 of any size in bounded memory: the layout is made once by the
 * docx library with one row of placeholders, and the rows are then written
 * straight into a streaming zip, a page of database rows at a time. Memory
 * stays that of one page, however many objects the county has; progress is
 * reported and a cancel leaves no half-written file.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename } from 'node:path'
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate'
import { UserError } from '../errors'
import { fill } from './batchTemplate'
import { packDocument } from './gbt9704'
import { registryCells, registryLayout } from './registry'
import type { RegistryKind } from './types'
import { nextTurn } from '../jobs/runner'

export interface RegistrySource {
  kind: RegistryKind
  title: string
  attachmentNo?: number
  /** rows in all */
  total: number
  /** the rows (cells after 序号, in the layout's order), a page at a time */
  pages(): Iterable<string[][]>
}

const token = (i: number) => `\u27E6${i}\u27E7`

/** document.xml cut around the one body row of placeholders, and the other parts of the package. */
async function template(src: RegistrySource, columns: number): Promise<{ parts: [string, Uint8Array][]; head: string; row: string; tail: string }> {
  const placeholders = Array.from({ length: columns }, (_, i) => token(i))
  const buf = await packDocument([{ layout: { orientation: 'landscape' }, footer: 'dash', children: registryLayout(src.kind, src.title, src.attachmentNo, [placeholders]) }], { title: src.title })
  const files = unzipSync(new Uint8Array(buf))
  const xml = strFromU8(files['word/document.xml']!)
  const at = xml.indexOf(token(0))
  const start = xml.lastIndexOf('<w:tr>', at)
  const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length
  return { parts: Object.entries(files), head: xml.slice(0, start), row: xml.slice(start, end), tail: xml.slice(end) }
}

export interface StreamResult {
  cancelled: boolean
  rows: number
}

/** Writes the 名录库 to `file` (via `file.part`); `report(done, total)` after every page. */
export async function writeRegistryStream(src: RegistrySource, file: string, signal: AbortSignal, report: (done: number, total: number) => void, columns: number): Promise<StreamResult> {
  const t = await template(src, columns)
  const part = `${file}.part`
  let fd: number | undefined
  let failure: Error | undefined
  let rows = 0
  try {
    fd = openSync(part, 'w')
    const out = fd
    const zip = new Zip((err, chunk) => {
      if (err) failure = err
      else writeSync(out, chunk)
    })
    // level 1: the rows are repetitive XML that compresses well anyway, and level 6 costs several times the time
    const doc = new ZipDeflate('word/document.xml', { level: 1 })
    for (const [name, data] of t.parts) {
      if (name === 'word/document.xml') {
        zip.add(doc)
        doc.push(strToU8(t.head))
        continue
      }
      const f = new ZipDeflate(name, { level: 6 })
      zip.add(f)
      f.push(data, true)
    }
    for (const page of src.pages()) {
      if (signal.aborted) break
      let chunk = ''
      for (const cells of page) chunk += fill(t.row, [String(++rows), ...registryCells(src.kind, cells)])
      doc.push(strToU8(chunk))
      if (failure) throw failure
      report(rows, src.total)
      // let progress, cancel and other requests through between pages
      await nextTurn()
    }
    if (signal.aborted) {
      closeSync(fd)
      fd = undefined
      rmSync(part, { force: true })
      return { cancelled: true, rows }
    }
    doc.push(strToU8(t.tail), true)
    zip.end()
    if (failure) throw failure
    closeSync(fd)
    fd = undefined
    renameSync(part, file)
    return { cancelled: false, rows }
  } catch (e) {
    if (fd !== undefined) closeSync(fd)
    rmSync(part, { force: true })
    if (e instanceof UserError) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOSPC' ? '磁盘空间不足' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序打开' : '写入失败'
    throw new UserError(`无法写入“${basename(file)}”（${why}）。请换一个有足够空间、可写的保存位置，或关闭正在打开该文件的 Word/WPS 后重试。`, 'io')
  }
}
