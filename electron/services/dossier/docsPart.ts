/**
 * 03-文书: the task's documents laid out by the documents service into a
 * scratch folder and taken into the dossier. The 工作方案 is a 发文: a
 * dossier must never take a 发文字号, so it is only included when it was
 * issued, re-laid out with the number and date it was issued under.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Task } from '@contract'
import type { Ctx } from '../context'
import { UserError } from '../errors'
import { buildWorkPlan } from '../documents/workPlan'
import { officeInfo, prepareDocument, taskDocs, workPlanInput, type Progress } from '../documents/fromDb'
import { resultsOfTask } from '../results'
import { currentDrawRow } from '../draws/records/store'
import { emptyPart, type DossierPart } from './types'

const DIR = '03-文书'

interface Issued {
  text: string
  prefix: string
  year: number
  serial: number
  date: string
}

/** The 发文字号 the task's 工作方案 was issued under (the latest, if it was issued more than once), from the audit log. */
export function issuedWorkPlan(ctx: Pick<Ctx, 'sqlite'>, task: Pick<Task, 'taskNo'>): Issued | null {
  const rows = ctx.sqlite
    .prepare(
      `SELECT at, json_extract(detail, '$.docNumber') AS text FROM audit_log
        WHERE entity = 'settings' AND entity_id = 'docNextNumber' AND json_extract(detail, '$.purpose') LIKE ? ESCAPE '\\'
        ORDER BY id DESC`
    )
    .all(`${task.taskNo.replace(/[\\%_]/g, '\\$&')} %`) as { at: string; text: string | null }[]
  for (const r of rows) {
    const m = /^(.*)〔(\d{4})〕(\d+)号$/.exec(r.text ?? '')
    if (m) return { text: r.text!, prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]), date: r.at.slice(0, 10) }
  }
  return null
}

type Kind = 'notices' | 'forms' | 'resultSummary' | 'publicResults'
const DOCS: { kind: Kind; name: string; what: string; needsResults: boolean }[] = [
  { kind: 'notices', name: '随机抽查通知书（合订）.docx', what: '致每个抽中对象的随机抽查通知书，合订为一个文件（按现行抽取及人员替换后的检查组）', needsResults: false },
  { kind: 'forms', name: '随机抽查检查表（合订）.docx', what: '每个抽中对象的随机抽查检查表，合订为一个文件', needsResults: false },
  { kind: 'resultSummary', name: '抽查结果汇总表.docx', what: '抽查结果汇总表（检查小组签字用）', needsResults: true },
  { kind: 'publicResults', name: '抽查结果公示表.docx', what: '抽查结果公示表（向社会公示用，不含人员、身份证号和电话）', needsResults: true }
]

export async function docsPart(ctx: Ctx, task: Task, signal: AbortSignal, report: Progress): Promise<DossierPart> {
  const part = emptyPart()
  const issued = issuedWorkPlan(ctx, task)
  if (issued) {
    const docs = taskDocs(ctx, task.id, officeInfo(ctx))
    const office = { ...officeInfo(ctx), docPrefix: issued.prefix, docNumber: issued.serial }
    part.files.push({
      path: `${DIR}/联合抽查工作方案（存档副本 ${issued.text}）.docx`,
      what: `联合抽查工作方案：按原发文字号 ${issued.text}、原发文日期 ${issued.date} 重新排版的存档副本（导出卷宗不占用新的发文字号）`,
      data: await buildWorkPlan(workPlanInput(ctx, docs, issued.date), office)
    })
  } else {
    part.gaps.push({
      section: DIR,
      what: '联合抽查工作方案（发文）',
      why: '尚无：工作方案还没有以发文字号生成过。导出卷宗不占用发文字号；如需存档，请先在“文书”中生成工作方案，再重新导出卷宗'
    })
  }

  const hasResults = resultsOfTask(ctx, task.id).length > 0
  const drawn = currentDrawRow(ctx, task.id) !== null
  const scratch = await mkdtemp(join(tmpdir(), 'suiji-dossier-'))
  try {
    for (const d of DOCS) {
      if (signal.aborted) return part
      const missing = !drawn ? '尚无：任务还没有进行随机抽取' : d.needsResults && !hasResults ? '尚无：任务还没有录入检查结果' : null
      if (missing) {
        part.gaps.push({ section: DIR, what: d.name.replace(/\.docx$/, ''), why: missing })
        continue
      }
      const file = join(scratch, d.name)
      let prepared
      try {
        prepared = prepareDocument(ctx, { kind: d.kind, taskId: task.id, mode: 'combined', path: file }, scratch)
      } catch (e) {
        // “not drawn yet”, “no contact person” …: the dossier says why instead of failing as a whole
        if (!(e instanceof UserError)) throw e
        part.gaps.push({ section: DIR, what: d.name.replace(/\.docx$/, ''), why: `未能生成：${e.message}` })
        continue
      }
      const r = await prepared.run(signal, (_phase, done, total) => report(`文书：${d.name.replace(/\.docx$/, '')}`, done, total))
      if (r.cancelled) return part
      part.files.push({ path: `${DIR}/${d.name}`, what: d.what, data: await readFile(r.files[0] ?? file) })
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return part
}
