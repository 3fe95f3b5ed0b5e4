/** 文书 (documents.*): kinds, preview, generation as a job. */
import { z } from 'zod'
import { ch, none } from './common'
import type { JobStatus } from './app'

export const DOCUMENT_KINDS_LIST = [
  'itemList',
  'registryMarket',
  'registryInstitution',
  'registrySocial',
  'registryInspectors',
  'annualPlan',
  'workPlan',
  'notices',
  'forms',
  'resultSummary',
  'publicResults',
  'drawRecord'
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS_LIST)[number]

/** One kind of document and the subject it asks for (the 文书 page builds its form from this). */
export interface DocumentKindInfo {
  kind: DocumentKind
  label: string
  /** where the layout comes from, e.g. 附件3 */
  basis: string
  group: '名录与清单' | '年度计划' | '任务文书'
  dept: 'required' | 'optional' | 'none'
  year: boolean
  task: boolean
  township: boolean
  /** one document per drawn object: separate files or one combined file */
  batch: boolean
  available: boolean
  note: string
}

export const documentRequestSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS_LIST),
  taskId: z.number().int().positive().optional(),
  deptId: z.number().int().positive().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  filter: z.object({ township: z.string().trim().max(60).optional(), regStatus: z.string().trim().max(30).optional() }).default({}),
  /** batch kinds: `separate` writes a folder of files, `combined` one file */
  mode: z.enum(['separate', 'combined']).default('combined'),
  /** a .docx file, or the folder for separate files; absent → the export folder beside the database */
  path: z.string().trim().optional(),
  overwrite: z.boolean().default(false)
})
export type DocumentRequest = z.input<typeof documentRequestSchema>

/** The result of a documents.generate job (JobStatus.result). */
export interface DocumentResult {
  files: string[]
  /** the folder the files are in */
  folder: string
  cancelled: boolean
  /** 发文字号 taken by an issued document */
  docNumber?: string
  elapsedMs: number
}

/** 预览: the same request as generate; batches show their first `limit` objects. */
export const documentPreviewSchema = documentRequestSchema.extend({ limit: z.number().int().min(1).max(20).default(3) })
export type DocumentPreviewRequest = z.input<typeof documentPreviewSchema>

export interface DocumentPreview {
  title: string
  /** escaped HTML: one <section class="doc-sheet"> per sheet, no scripts; styled by the 文书 page */
  html: string
  sheets: number
  /** objects (batches) or rows (lists) shown, out of total */
  shown: number
  total: number
  /** what the preview leaves out, e.g. 预览显示前 3 份，共 120 份; empty when complete */
  note: string
}

export const documentsChannels = {
  'documents.kinds': ch<DocumentKindInfo[]>()(none),
  /** laid out in memory like generate, nothing written, no 发文字号 taken */
  'documents.preview': ch<DocumentPreview>()(documentPreviewSchema),
  /** runs as a job; refuses at once (before the job) when files exist and overwrite is false (code `exists`) */
  'documents.generate': ch<JobStatus>()(documentRequestSchema),
  /** what a task's documents would lack (e.g. the 通知书's contact), shown before 生成; empty when nothing */
  'documents.taskWarnings': ch<string[]>()(z.object({ taskId: z.number().int().positive() })),
  /** 任务公告 (drawn list of a task) or 计划公告 (the year's live plan entries) as .docx or .xlsx */
  'documents.announcement': ch<{ file: string; rows: number }>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('taskNotice'), taskId: z.number().int().positive(), format: z.enum(['docx', 'xlsx']), path: z.string().trim().min(1, '请选择保存位置') }),
      z.object({ kind: z.literal('planNotice'), year: z.number().int().min(2000).max(2100), format: z.enum(['docx', 'xlsx']), path: z.string().trim().min(1, '请选择保存位置') })
    ])
  )
} as const
