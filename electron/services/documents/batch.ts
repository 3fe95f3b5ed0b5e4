/**
 * Batch generation of the per-object documents (notices, inspection forms):
 * one file per object into a folder, or all of them in one file with each
 * object starting on a new page and its own page numbering. Reports progress,
 * stops when the signal is aborted, and never overwrites an existing file
 * unless told to.
 */
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { UserError } from '../errors'
import { bodyParts, documentXml, fill, makeTemplate, packFilled, setTitle, tokenize, withSectionBreak, type Template } from './batchTemplate'
import { packDocument, type DocSection } from './gbt9704'
import { inspectionFormSections } from './inspectionForm'
import { noticeSections, noticeTitle } from './notice'
import type { InspectionFormInput, NoticeInput, OfficeInfo } from './types'
import { nextTurn } from '../jobs/runner'

export type BatchJob =
  | { kind: 'notice'; inputs: NoticeInput[] }
  | { kind: 'inspectionForm'; inputs: InspectionFormInput[] }

export interface BatchProgress {
  done: number
  total: number
  /** building: laying out objects; packing: compressing the combined file; writing: saving files. */
  phase: 'building' | 'packing' | 'writing'
  file?: string
}

export interface BatchOptions {
  office: OfficeInfo
  /** `separate`: `out` is a folder; `combined`: `out` is the .docx file. */
  mode: 'separate' | 'combined'
  out: string
  overwrite?: boolean
  onProgress?: (p: BatchProgress) => void
  signal?: AbortSignal
}

export interface BatchResult {
  /** Files written (complete files only). */
  files: string[]
  cancelled: boolean
}

/** A name Windows, UOS and Kylin all accept, kept short enough for deep folders. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  return [...cleaned].slice(0, 60).join('') || '未命名'
}

function label(job: BatchJob, i: number): string {
  return job.kind === 'notice' ? noticeTitle(job.inputs[i]) : '随机抽查检查表'
}

function objectName(job: BatchJob, i: number): string {
  return job.inputs[i].object.name
}


/** The file names a separate-mode batch will write, in order (numbered so the folder sorts in draw order). */
export function batchFileNames(job: BatchJob): string[] {
  const width = Math.max(3, String(job.inputs.length).length)
  return job.inputs.map((_, i) => `${String(i + 1).padStart(width, '0')}-${safeFileName(objectName(job, i))}-${label(job, i)}.docx`)
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const part = `${file}.part`
  await writeFile(part, data)
  await rename(part, file)
}

interface Built {
  /** A separate file's bytes. */
  file: () => Buffer
  /** This object's document.xml, for a combined file. */
  xml: () => string
  /** The parts other than the body must match the combined file's base. */
  rels: string
}

/**
 * Lays out one object at a time, through a template of its shape where one
 * has been proven identical to the direct build.
 */
class Builder {
  private templates = new Map<string, Template | null>()
  constructor(
    private job: BatchJob,
    private office: OfficeInfo
  ) {}

  private meta(input: NoticeInput | InspectionFormInput) {
    return { title: `${this.job.kind === 'notice' ? noticeTitle(input as NoticeInput) : '随机抽查检查表'}（${input.object.name}）` }
  }

  private sections(input: NoticeInput | InspectionFormInput): DocSection[] {
    return this.job.kind === 'notice' ? noticeSections(input as NoticeInput, this.office) : inspectionFormSections(input as InspectionFormInput)
  }

  async build(i: number): Promise<Built> {
    const input = this.job.inputs[i]
    const tk = tokenize(input)
    let t = this.templates.get(tk.shape)
    if (t === undefined) {
      const made = await makeTemplate(this.sections(tk.input), this.meta(tk.input))
      const direct = await packDocument(this.sections(input), this.meta(input))
      const same = documentXml(direct) === fill(made.variable['word/document.xml'] ?? '', tk.values)
      t = same ? made : null
      this.templates.set(tk.shape, t)
      return direct_(direct)
    }
    if (t === null) return direct_(await packDocument(this.sections(input), this.meta(input)))
    const tpl = t
    return {
      file: () => packFilled(tpl, tk.values),
      xml: () => fill(tpl.variable['word/document.xml'], tk.values),
      rels: relsOf(tpl)
    }
  }
}

function relsOf(t: Template): string {
  return strFromU8(t.fixed['word/_rels/document.xml.rels'] ?? new Uint8Array())
}

function direct_(buf: Buffer): Built {
  const files = unzipSync(new Uint8Array(buf))
  return { file: () => buf, xml: () => strFromU8(files['word/document.xml']), rels: strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array()) }
}

/** One file, every object a section of its own that reuses the first object's footers. */
async function combine(job: BatchJob, office: OfficeInfo, builder: Builder, title: string, report: (p: BatchProgress) => void, aborted: () => boolean): Promise<Buffer | null> {
  const total = job.inputs.length
  const first = await builder.build(0)
  const base = unzipSync(new Uint8Array(first.file()))
  const firstDoc = bodyParts(first.xml())
  const chunks: string[] = []
  for (let i = 0; i < total; i++) {
    if (aborted()) return null
    const b = i === 0 ? first : await builder.build(i)
    if (b.rels !== first.rels) return legacyCombined(job, office, title, report, aborted)
    const { blocks, sectPr } = bodyParts(b.xml())
    chunks.push(i < total - 1 ? withSectionBreak(blocks, sectPr) : blocks + sectPr)
    report({ done: i + 1, total, phase: 'building' })
    if (i % 50 === 49) await nextTurn()
  }
  report({ done: total, total, phase: 'packing' })
  const z: Zippable = {}
  for (const [name, data] of Object.entries(base)) {
    if (name === 'word/document.xml') z[name] = strToU8(firstDoc.head + chunks.join('') + firstDoc.tail)
    else if (name === 'docProps/core.xml') z[name] = strToU8(setTitle(strFromU8(data), title))
    else z[name] = data
  }
  return Buffer.from(zipSync(z, { level: 6 }))
}

/** The direct build of a combined file, for layouts the template cannot reproduce. */
async function legacyCombined(job: BatchJob, office: OfficeInfo, title: string, report: (p: BatchProgress) => void, aborted: () => boolean): Promise<Buffer | null> {
  const total = job.inputs.length
  const sections: DocSection[] = []
  for (let i = 0; i < total; i++) {
    if (aborted()) return null
    sections.push(...(job.kind === 'notice' ? noticeSections(job.inputs[i], office) : inspectionFormSections(job.inputs[i])))
    report({ done: i + 1, total, phase: 'building' })
    if (i % 50 === 49) await nextTurn()
  }
  report({ done: total, total, phase: 'packing' })
  return packDocument(sections, { title })
}

export async function generateBatch(job: BatchJob, opts: BatchOptions): Promise<BatchResult> {
  const total = job.inputs.length
  if (total === 0) throw new UserError('没有可生成的检查对象。请先完成抽取，再生成文书。', 'empty')
  const report = (p: BatchProgress) => opts.onProgress?.(p)
  const aborted = () => opts.signal?.aborted === true
  const builder = new Builder(job, opts.office)

  if (opts.mode === 'combined') {
    if (!/\.docx$/i.test(opts.out)) throw new UserError('合并生成时请选择一个以 .docx 结尾的文件名。', 'invalid')
    if (existsSync(opts.out) && !opts.overwrite)
      throw new UserError(`文件“${basename(opts.out)}”已经存在。请换一个文件名，或确认覆盖后再生成。`, 'exists')
    const title = job.kind === 'notice' ? '随机抽查通知书（合订）' : '随机抽查检查表（合订）'
    const data = await combine(job, opts.office, builder, title, report, aborted)
    if (!data || aborted()) return { files: [], cancelled: true }
    await mkdir(dirname(opts.out), { recursive: true })
    await writeAtomically(opts.out, data)
    report({ done: total, total, phase: 'writing', file: opts.out })
    return { files: [opts.out], cancelled: false }
  }

  const names = batchFileNames(job)
  const targets = names.map((n) => join(opts.out, n))
  if (!opts.overwrite) {
    const existing = targets.filter((t) => existsSync(t))
    if (existing.length > 0)
      throw new UserError(
        `所选文件夹中已有 ${existing.length} 个同名文件（如“${basename(existing[0])}”）。请换一个空文件夹，或确认覆盖后再生成。`,
        'exists'
      )
  }
  await mkdir(opts.out, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < total; i++) {
    if (aborted()) return { files, cancelled: true }
    const data = (await builder.build(i)).file()
    try {
      await writeAtomically(targets[i], data)
    } catch (e) {
      await rm(`${targets[i]}.part`, { force: true })
      throw new UserError(`无法写入“${names[i]}”：${(e as Error).message}。请检查文件夹是否可写、磁盘是否已满。`, 'io')
    }
    files.push(targets[i])
    report({ done: i + 1, total, phase: 'writing', file: targets[i] })
  }
  return { files, cancelled: false }
}
