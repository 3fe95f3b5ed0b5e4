/**
 * R13 (`000_…` 第二十三条, `001_…` 二(一) 全程留痕): everything that happened
 * to a task — plan, pool, draws (superseded ones too), replacements,
 * documents, results, corrections and its audit trail — as one .zip for the
 * archive, with 目录.txt naming each file and its SHA-256.
 */
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, resolve } from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import type { DossierResult, Task } from '@contract'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { getTask } from '../tasks/service'
import { safeFileName } from '../documents/batch'
import { taskPart } from './taskPart'
import { drawPart } from './drawPart'
import { docsPart } from './docsPart'
import { resultsPart } from './resultsPart'
import { auditPart } from './auditPart'
import { INDEX_NAME, indexFile, sha256 } from './contents'
import type { DossierFile, DossierGap, DossierPart } from './types'

export type DossierProgress = (phase: string, done: number, total: number) => void

export interface PreparedDossier {
  task: Task
  file: string
  label: string
  run(signal: AbortSignal, report: DossierProgress): Promise<DossierResult>
}

/** The folder everything sits in once unzipped. */
export const dossierRoot = (task: Pick<Task, 'taskNo' | 'name'>): string => safeFileName(`${task.taskNo} ${task.name} 归档卷宗`)

// docx and xlsx are zips already: storing them again costs time and gains nothing
const stored = (path: string) => /\.(docx|xlsx)$/i.test(path)

// Marked as made on Unix with mode 644: Info-ZIP unzip (behind the archive managers of 麒麟/统信) then honours
// the UTF-8 name flag, where for an MS-DOS entry it converts the Chinese names from a DOS code page into garbage.
const UNIX_FILE = { os: 3, attrs: 0o100644 * 0x10000 }

function zipTarget(path: string): string {
  const abs = resolve(path.trim())
  return extname(abs).toLowerCase() === '.zip' ? abs : `${abs}.zip`
}

/** Checks everything that can be refused at once (before a job starts): the task, its state, the target file. */
export function prepareDossier(ctx: Ctx, taskId: number, outZip: string): PreparedDossier {
  const task = getTask(ctx, taskId)
  if (!task.publishedAt) {
    throw new UserError(`任务“${task.name}”（${task.taskNo}）是草稿，方案还没有公布，没有可以归档的抽取、文书和结果。请在方案公布后再导出归档卷宗。`, 'not-published')
  }
  if (!outZip.trim()) throw new UserError('请选择归档卷宗的保存位置。', 'invalid')
  const file = zipTarget(outZip)
  if (existsSync(file)) throw new UserError(`文件“${basename(file)}”已经存在，卷宗不会覆盖已有文件。请换一个文件名或保存位置。`, 'exists')
  return {
    task,
    file,
    label: `导出归档卷宗（${task.taskNo}）`,
    run: (signal, report) => build(ctx, task, file, signal, report)
  }
}

async function build(ctx: Ctx, task: Task, file: string, signal: AbortSignal, report: DossierProgress): Promise<DossierResult> {
  const t0 = performance.now()
  const exportedAt = nowText()
  const steps: [string, () => DossierPart | Promise<DossierPart>][] = [
    ['任务方案与对象池', () => taskPart(ctx, task)],
    ['抽取记录', () => drawPart(ctx, task, signal, report)],
    ['文书', () => docsPart(ctx, task, signal, report)],
    ['检查结果', () => resultsPart(ctx, task)],
    ['操作日志', () => auditPart(ctx, task, exportedAt)]
  ]
  const total = steps.length + 1
  const files: DossierFile[] = []
  const gaps: DossierGap[] = []
  const cancelled = (): DossierResult => ({ file, taskNo: task.taskNo, files: 0, bytes: 0, sha256: '', gaps: [], cancelled: true, elapsedMs: performance.now() - t0 })
  for (const [i, [phase, make]] of steps.entries()) {
    if (signal.aborted) return cancelled()
    report(phase, i, total)
    const part = await make()
    files.push(...part.files)
    gaps.push(...part.gaps)
  }
  if (signal.aborted) return cancelled()
  report('打包', steps.length, total)

  const root = dossierRoot(task)
  const mtime = new Date()
  const zippable: Zippable = {
    [`${root}/${INDEX_NAME}`]: [indexFile({ task, exportedAt, operator: ctx.actor, database: basename(ctx.file) }, files, gaps), { level: 6, mtime, ...UNIX_FILE }]
  }
  for (const f of files) zippable[`${root}/${f.path}`] = [f.data, { level: stored(f.path) ? 0 : 6, mtime, ...UNIX_FILE }]
  const zip = zipSync(zippable)
  if (signal.aborted) return cancelled()

  try {
    await mkdir(dirname(file), { recursive: true })
    // 'wx': the file is created here or not at all — a file that appeared since the check is never overwritten
    await writeFile(file, zip, { flag: 'wx' })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new UserError(`文件“${basename(file)}”已经存在，卷宗不会覆盖已有文件。请换一个文件名或保存位置。`, 'exists')
    await rm(file, { force: true }).catch(() => {})
    throw new UserError(`无法写入“${basename(file)}”（${code ?? (e as Error).message}）。请检查文件夹是否可写、磁盘或U盘是否已满，或换一个保存位置。`, 'io')
  }
  const hash = sha256(zip)
  const gapTexts = gaps.map((g) => `${g.section}／${g.what}：${g.why}`)
  audit(ctx, { action: '导出归档卷宗', entity: 'task', entityId: task.uid, detail: { file, bytes: zip.length, sha256: hash, files: files.length, gaps: gapTexts } })
  report('完成', total, total)
  return { file, taskNo: task.taskNo, files: files.length + 1, bytes: zip.length, sha256: hash, gaps: gapTexts, cancelled: false, elapsedMs: performance.now() - t0 }
}

/** Runs the whole export in this process (CLI, tests). */
export async function exportDossier(ctx: Ctx, taskId: number, outZip: string, opts: { signal?: AbortSignal; onProgress?: DossierProgress } = {}): Promise<DossierResult> {
  const p = prepareDossier(ctx, taskId, outZip)
  return p.run(opts.signal ?? new AbortController().signal, opts.onProgress ?? (() => {}))
}
