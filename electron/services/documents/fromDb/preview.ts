/**
 * 预览: the same request as 生成, laid out by the same builders from the same
 * inputs, but kept in memory and shown as HTML sheets — the first `limit`
 * objects of a batch, the first rows of a long list. Nothing is written, no
 * 发文字号 is taken (the preview shows the number the file would get now).
 */
import type { DocumentPreview, DocumentPreviewRequest } from '@contract'
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { buildAnnualPlan, annualPlanTitle } from '../annualPlan'
import { buildInspectionForm } from '../inspectionForm'
import { buildItemList } from '../itemList'
import { buildNotice, noticeTitle } from '../notice'
import { buildPublicResults, publicResultsTitle } from '../publicResults'
import { buildRegistry, registryTitle } from '../registry'
import { buildResultSummary } from '../resultSummary'
import { buildWorkPlan, workPlanTitle } from '../workPlan'
import { buildDrawRecord } from '../drawRecord'
import { docxSheets } from '../preview/html'
import { drawRecordInput, fullEvidence } from '../../draws/records'
import { drawRow } from '../../draws/records/store'
import { kindInfo } from './kinds'
import { itemListInput, registryInput, type RegistryDocKind } from './lists'
import { annualPlanInput } from './plans'
import { taskDocs, workPlanInput } from './task'
import { formInputs, noticeInputs } from './perObject'
import { loadDraw } from './drawSource'
import { officeInfo } from './office'
import { publicListInput, resultSummaryInput } from './results'

/** Long lists are previewed by their first rows: enough to judge the layout, quick to show. */
export const PREVIEW_ROWS = 40

const REGISTRY_KIND: Partial<Record<string, RegistryDocKind>> = {
  registryMarket: 'market',
  registryInstitution: 'institution',
  registrySocial: 'social',
  registryInspectors: 'inspectors'
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new UserError(`请选择${what}。`, 'invalid')
  return v
}

interface Laid {
  title: string
  docs: Buffer[]
  shown: number
  total: number
  unit: '份' | '行'
}

/** Keeps the first PREVIEW_ROWS rows of a list input; returns the count before. */
function firstRows<T extends { rows: unknown[] }>(input: T): { input: T; total: number } {
  return { input: { ...input, rows: input.rows.slice(0, PREVIEW_ROWS) }, total: input.rows.length }
}

async function table(title: string, input: { rows: unknown[] }, build: (i: never) => Promise<Buffer>): Promise<Laid> {
  const { input: cut, total } = firstRows(input)
  return { title, docs: [await build(cut as never)], shown: cut.rows.length, total, unit: '行' }
}

async function lay(ctx: Ctx, req: DocumentPreviewRequest, limit: number): Promise<Laid> {
  const info = kindInfo(req.kind)
  if (!info.available) throw new UserError(`“${info.label}”暂不能预览：${info.note}`, 'unavailable')
  if (req.kind === 'itemList') {
    const input = itemListInput(ctx, need(req.deptId, '部门'))
    return table(`${input.department}随机抽查事项清单`, input, buildItemList)
  }
  const registryKind = REGISTRY_KIND[req.kind]
  if (registryKind) {
    if (registryKind === 'inspectors') need(req.deptId, '部门')
    const input = registryInput(ctx, registryKind, { deptId: req.deptId, township: req.filter?.township, regStatus: req.filter?.regStatus })
    return table(registryTitle(input), input, buildRegistry)
  }
  if (req.kind === 'annualPlan') {
    const input = annualPlanInput(ctx, need(req.year, '年度'), req.deptId)
    return table(annualPlanTitle(input), input, buildAnnualPlan)
  }
  const taskId = need(req.taskId, '抽查任务')
  const office = officeInfo(ctx)
  const docs = taskDocs(ctx, taskId, office)
  switch (req.kind) {
    case 'workPlan': {
      const input = workPlanInput(ctx, docs)
      return { title: workPlanTitle(input), docs: [await buildWorkPlan(input, office)], shown: 1, total: 1, unit: '份' }
    }
    case 'resultSummary':
      return table(`${docs.task.taskNo} 抽查结果汇总表`, resultSummaryInput(ctx, docs), buildResultSummary)
    case 'publicResults':
      return table(publicResultsTitle(docs.task.name), publicListInput(ctx, taskId), buildPublicResults)
    case 'drawRecord': {
      const draw = loadDraw(ctx, taskId, docs.task.name)
      const row = drawRow(ctx, draw.drawId)
      const input = drawRecordInput(fullEvidence(ctx, row), docs.task.taskNo, row.supersedesDrawId ? { drawId: row.supersedesDrawId, reason: row.supersedeReason } : null)
      return { title: `随机抽取记录（${draw.drawId}）`, docs: [await buildDrawRecord(input)], shown: 1, total: 1, unit: '份' }
    }
    case 'notices': {
      const inputs = noticeInputs(ctx, docs, loadDraw(ctx, taskId, docs.task.name))
      const shown = inputs.slice(0, limit)
      return { title: `${docs.task.taskNo} ${noticeTitle(shown[0]!)}`, docs: await Promise.all(shown.map((i) => buildNotice(i, office))), shown: shown.length, total: inputs.length, unit: '份' }
    }
    case 'forms': {
      const inputs = formInputs(ctx, docs, loadDraw(ctx, taskId, docs.task.name))
      const shown = inputs.slice(0, limit)
      return { title: `${docs.task.taskNo} 随机抽查检查表`, docs: await Promise.all(shown.map((i) => buildInspectionForm(i))), shown: shown.length, total: inputs.length, unit: '份' }
    }
  }
  throw new UserError(`“${info.label}”暂不能预览。`, 'unavailable')
}

export async function previewDocument(ctx: Ctx, req: DocumentPreviewRequest): Promise<DocumentPreview> {
  const limit = Math.max(1, Math.min(req.limit ?? 3, 20))
  const laid = await lay(ctx, req, limit)
  const sheets = laid.docs.flatMap((d) => docxSheets(d))
  const note =
    laid.shown < laid.total
      ? laid.unit === '份'
        ? `预览显示前 ${laid.shown} 份，共 ${laid.total} 份；保存的文件包含全部。`
        : `预览显示前 ${laid.shown} 行，共 ${laid.total} 行；保存的文件包含全部。`
      : ''
  return { title: laid.title, html: sheets.join(''), sheets: sheets.length, shown: laid.shown, total: laid.total, note }
}
