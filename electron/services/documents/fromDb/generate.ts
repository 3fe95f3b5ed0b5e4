/**
 * One entry point for every document the 文书 page, the channel and the CLI
 * generate: `prepareDocument` maps the database onto the builder's input and
 * checks the target synchronously (so “file exists”, “not drawn yet” are
 * answered before any job starts); `run` lays out, writes and, for an issued
 * document, takes the 发文字号.
 */
import { existsSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { DocumentKind, DocumentRequest, DocumentResult } from '@contract'
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { buildAnnualPlan } from '../annualPlan'
import { batchFileNames, generateBatch, safeFileName, type BatchJob, type BatchProgress } from '../batch'
import { buildItemList } from '../itemList'
import { annualPlanTitle } from '../annualPlan'
import { buildWorkPlan, workPlanTitle } from '../workPlan'
import { kindInfo } from './kinds'
import { itemListInput, registrySource, type RegistryDocKind } from './lists'
import { writeRegistryStream } from '../registryStream'
import { annualPlanInput } from './plans'
import { noticeContactProblem, taskDocs, workPlanInput } from './task'
import { formInputs, noticeInputs } from './perObject'
import { loadDraw } from './drawSource'
import { publicListInput, resultSummaryInput } from './results'
import { buildResultSummary } from '../resultSummary'
import { buildPublicResults, publicResultsTitle } from '../publicResults'
import { drawRecordDocx } from '../../draws/records'
import { officeInfo, reserveDocNumber } from './office'

export type Progress = (phase: string, done: number, total: number) => void

export interface PreparedDocument {
  kind: DocumentKind
  /** what the job is called in the UI */
  label: string
  /** the files this will write (a folder's worth for separate batches) */
  targets: string[]
  folder: string
  run(signal: AbortSignal, report: Progress): Promise<DocumentResult>
}

const REGISTRY_KIND: Partial<Record<DocumentKind, RegistryDocKind>> = {
  registryMarket: 'market',
  registryInstitution: 'institution',
  registrySocial: 'social',
  registryInspectors: 'inspectors'
}

const PHASE: Record<BatchProgress['phase'], string> = { building: '排版', packing: '压缩', writing: '写入文件' }

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new UserError(`请选择${what}。`, 'invalid')
  return v
}

/** A .docx path: the one given, else `<defaultDir>/<name>.docx`. */
function fileTarget(path: string | undefined, defaultDir: string, name: string): string {
  const fileName = `${safeFileName(name)}.docx`
  if (!path) return join(defaultDir, fileName)
  // A folder (existing, or written with a trailing slash) gets the document's own name inside it.
  if (/[\\/]$/.test(path) || (existsSync(path) && statSync(path).isDirectory())) return join(path, fileName)
  return extname(path).toLowerCase() === '.docx' ? path : `${path}.docx`
}

function refuseExisting(targets: string[], overwrite: boolean): void {
  if (overwrite) return
  const existing = targets.filter((t) => existsSync(t))
  if (existing.length === 1) throw new UserError(`文件“${basename(existing[0])}”已经存在。请换一个文件名，或确认覆盖后再生成。`, 'exists')
  if (existing.length > 1) throw new UserError(`所选位置已有 ${existing.length} 个同名文件（如“${basename(existing[0])}”）。请换一个空文件夹，或确认覆盖后再生成。`, 'exists')
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  try {
    await writeFile(`${file}.part`, data)
    await rename(`${file}.part`, file)
  } catch (e) {
    await rm(`${file}.part`, { force: true })
    throw new UserError(`无法写入“${basename(file)}”：${(e as Error).message}。请检查文件夹是否可写、磁盘是否已满，或文件是否正在 Word/WPS 中打开。`, 'io')
  }
}

function single(kind: DocumentKind, file: string, overwrite: boolean, build: () => Promise<Buffer>): PreparedDocument {
  refuseExisting([file], overwrite)
  const label = kindInfo(kind).label
  return {
    kind,
    label: `生成${label}`,
    targets: [file],
    folder: dirname(file),
    async run(signal, report) {
      const t0 = performance.now()
      report('排版', 0, 1)
      const data = await build()
      if (signal.aborted) return { files: [], folder: dirname(file), cancelled: true, elapsedMs: performance.now() - t0 }
      report('写入文件', 1, 1)
      await writeAtomically(file, data)
      return { files: [file], folder: dirname(file), cancelled: false, elapsedMs: performance.now() - t0 }
    }
  }
}

export function prepareDocument(ctx: Ctx, req: DocumentRequest, defaultDir: string): PreparedDocument {
  const info = kindInfo(req.kind)
  if (!info.available) throw new UserError(`“${info.label}”暂不能生成：${info.note}`, 'unavailable')
  const overwrite = req.overwrite ?? false
  const office = officeInfo(ctx)

  if (req.kind === 'itemList') {
    const input = itemListInput(ctx, need(req.deptId, '部门'))
    return single(req.kind, fileTarget(req.path, defaultDir, `${input.department}随机抽查事项清单`), overwrite, () => buildItemList(input))
  }
  const registryKind = REGISTRY_KIND[req.kind]
  if (registryKind) {
    if (registryKind === 'inspectors') need(req.deptId, '部门')
    const src = registrySource(ctx, registryKind, { deptId: req.deptId, township: req.filter?.township, regStatus: req.filter?.regStatus })
    const file = fileTarget(req.path, defaultDir, src.title.replace(/[（）]/g, ''))
    refuseExisting([file], overwrite)
    // Streamed a page of rows at a time: a whole county (150 000 objects) in bounded memory, with progress and cancel.
    return {
      kind: req.kind,
      label: `生成${kindInfo(req.kind).label}`,
      targets: [file],
      folder: dirname(file),
      async run(signal, report) {
        const t0 = performance.now()
        await mkdir(dirname(file), { recursive: true })
        const r = await writeRegistryStream(src, file, signal, (done, total) => report('排版', done, total), src.columns)
        return { files: r.cancelled ? [] : [file], folder: dirname(file), cancelled: r.cancelled, elapsedMs: performance.now() - t0 }
      }
    }
  }
  if (req.kind === 'annualPlan') {
    const input = annualPlanInput(ctx, need(req.year, '年度'), req.deptId)
    return single(req.kind, fileTarget(req.path, defaultDir, annualPlanTitle(input)), overwrite, () => buildAnnualPlan(input))
  }

  const taskId = need(req.taskId, '抽查任务')
  const docs = taskDocs(ctx, taskId, office)
  if (req.kind === 'workPlan') {
    const input = workPlanInput(ctx, docs)
    const file = fileTarget(req.path, defaultDir, `${docs.task.taskNo} ${workPlanTitle(input)}`)
    refuseExisting([file], overwrite)
    return {
      kind: req.kind,
      label: '生成联合抽查工作方案',
      targets: [file],
      folder: dirname(file),
      async run(signal, report) {
        const t0 = performance.now()
        const year = Number(input.issueDate.slice(0, 4))
        // Lay out with the number now due; if another window took it meanwhile, lay out again with the next.
        for (let attempt = 0; attempt < 5; attempt++) {
          const o = officeInfo(ctx)
          report('排版', 0, 1)
          const data = await buildWorkPlan(input, o)
          if (signal.aborted) return { files: [], folder: dirname(file), cancelled: true, elapsedMs: performance.now() - t0 }
          const taken = reserveDocNumber(ctx, o.docNumber, year, `${docs.task.taskNo} ${workPlanTitle(input)}`)
          if (!taken) continue
          report('写入文件', 1, 1)
          await writeAtomically(file, data)
          return { files: [file], folder: dirname(file), cancelled: false, docNumber: taken.text, elapsedMs: performance.now() - t0 }
        }
        throw new UserError('发文字号正被其他窗口连续占用，请稍后重新生成。', 'busy')
      }
    }
  }

  if (req.kind === 'resultSummary') {
    const input = resultSummaryInput(ctx, docs)
    return single(req.kind, fileTarget(req.path, defaultDir, `${docs.task.taskNo} ${docs.task.name} 抽查结果汇总表`), overwrite, () => buildResultSummary(input))
  }
  if (req.kind === 'publicResults') {
    const input = publicListInput(ctx, taskId)
    return single(req.kind, fileTarget(req.path, defaultDir, `${docs.task.taskNo} ${publicResultsTitle(docs.task.name)}`), overwrite, () => buildPublicResults(input))
  }
  if (req.kind === 'drawRecord') {
    const draw = loadDraw(ctx, taskId, docs.task.name)
    const file = fileTarget(req.path, defaultDir, `${docs.task.taskNo} 随机抽取记录（${draw.drawId}）`)
    refuseExisting([file], overwrite)
    return {
      kind: req.kind,
      label: '生成随机抽取记录',
      targets: [file],
      folder: dirname(file),
      async run(_signal, report) {
        const t0 = performance.now()
        report('排版', 0, 1)
        // The draws service lays the record out from the stored evidence and logs it.
        await mkdir(dirname(file), { recursive: true })
        const written = await drawRecordDocx(ctx, draw.drawId, file)
        return { files: written.attachment ? [file, written.attachment] : [file], folder: dirname(file), cancelled: false, elapsedMs: performance.now() - t0 }
      }
    }
  }

  if (req.kind === 'notices' || req.kind === 'forms') {
    const noContact = req.kind === 'notices' ? noticeContactProblem(docs) : null
    if (noContact) throw new UserError(`${noContact.slice(0, -1)}，再生成。`, 'no-contact')
    const draw = loadDraw(ctx, taskId, docs.task.name)
    const job: BatchJob = req.kind === 'notices' ? { kind: 'notice', inputs: noticeInputs(ctx, docs, draw) } : { kind: 'inspectionForm', inputs: formInputs(ctx, docs, draw) }
    const what = req.kind === 'notices' ? '随机抽查通知书' : '随机抽查检查表'
    const mode = req.mode ?? 'combined'
    const stem = safeFileName(`${docs.task.taskNo} ${docs.task.name} ${what}`)
    let out: string
    let targets: string[]
    if (mode === 'combined') {
      out = fileTarget(req.path, defaultDir, `${stem}（合订）`)
      targets = [out]
    } else {
      out = req.path ? req.path.replace(/\.docx$/i, '') : join(defaultDir, stem)
      targets = batchFileNames(job).map((n) => join(out, n))
    }
    refuseExisting(targets, overwrite)
    const folder = mode === 'combined' ? dirname(out) : out
    return {
      kind: req.kind,
      label: `生成${what}（${job.inputs.length} 户）`,
      targets,
      folder,
      async run(signal, report) {
        const t0 = performance.now()
        const r = await generateBatch(job, { office, mode, out, overwrite, signal, onProgress: (p) => report(PHASE[p.phase], p.done, p.total) })
        return { files: r.files, folder, cancelled: r.cancelled, elapsedMs: performance.now() - t0 }
      }
    }
  }
  throw new UserError(`“${info.label}”暂不能生成。`, 'unavailable')
}

/** Runs a prepared document to the end in this process (CLI, tests). */
export async function generateDocument(ctx: Ctx, req: DocumentRequest, defaultDir: string, opts: { signal?: AbortSignal; onProgress?: Progress } = {}): Promise<DocumentResult> {
  const p = prepareDocument(ctx, req, defaultDir)
  return p.run(opts.signal ?? new AbortController().signal, opts.onProgress ?? (() => {}))
}
