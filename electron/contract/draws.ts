/** 随机抽取 (draws.*): publication, the draw, replacements, evidence. */
import { z } from 'zod'
import { ch, id, ymd } from './common'
import type { CreditClassName, TaskStatus } from './tasks'
import type { JobStatus } from './app'

import { REPLACEMENT_REASON_LIST } from './drawLists'

export * from './drawLists'
export type DrawRole = '组长' | '组员' | '专家'

/** One seed source typed at the draw: a witness's digits, or a public value named in advance. */
export const drawSourceSchema = z.object({
  kind: z.enum(['witness', 'public']),
  label: z.string().trim().min(1, '请填写见证人姓名或公开数值的名称').max(40, '名称不超过 40 个字'),
  value: z.string().trim().min(1, '请填写数字').max(200, '数字不超过 200 位')
})
export type DrawSourceInput = z.output<typeof drawSourceSchema>

/** Seed sources named before the draw (printed on the 抽取方案公告). */
export const plannedSourcesSchema = z.object({
  witnessCount: z.number().int('见证人人数应为整数').min(0).max(20, '见证人最多 20 名').default(3),
  witnessNames: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** the exact public value by name and period, e.g. “福彩3D 第2026300期开奖号码” */
  publicLabels: z.array(z.string().trim().min(1).max(40, '公开数值的名称不超过 40 个字')).max(5).default([]),
  /** digits each witness must type at least; the county may raise it, never below 6 */
  minDigits: z.number().int('位数应为整数').min(6, '每名见证人至少输入 6 位数字，不能再少').max(40, '位数最多 40').default(6),
  /** required when there are fewer than three witnesses and no public value */
  reason: z.string().trim().max(100, '原因不超过 100 个字').default('')
})
export type PlannedSources = z.output<typeof plannedSourcesSchema>

/** 抽取方案公告: what is committed before the seed exists. */
export interface DrawAnnouncement {
  taskId: number
  taskUid: string
  taskNo: string
  taskName: string
  status: TaskStatus
  initiatorName: string
  departments: { deptName: string; inspectorsPerObject: number; expertsPerObject: number; requiredSpecialties: string[] }[]
  /** false: the task was published without freezing the roster yet (the page offers to do it) */
  frozen: boolean
  drawDate: string
  publishedAt: string | null
  algorithm: string
  prng: string
  poolSha256: string
  inspectorsSha256: string
  poolCount: number
  inspectorsCount: number
  countsByClass: Record<CreditClassName, number>
  quotas: Record<CreditClassName, { size: number; quota: number }>
  drawCount: number
  /** the rule as the seed material writes it (A:ratio:50;…) and in words */
  rule: string
  ruleLines: string[]
  exclusions: { code: string; name: string; reason: string }[]
  exclusionSummary: { reason: string; count: number }[]
  planned: PlannedSources
  /** the sources the draw must use exactly (null: a plan announced before this rule existed) */
  sourceSpec: { witnesses: number; minDigits: number; publics: string[]; reason?: string } | null
  /** the canonical pool and roster files to publish with the 公告, named with their hashes */
  files: { pool: string; roster: string; workbook: string }
  /** the task's inspection period ends on this day (a later draw needs a stated reason) */
  periodEnd: string
  materialHeader: string[]
  seedFormation: string[]
  /** feasibility: [] = the draw can start; otherwise each constraint that fails and by how much */
  problems: string[]
  /** the current draw of the task, if made */
  drawId: string | null
}

export interface DrawTeamMember {
  idNumber: string
  name: string
  deptId: number
  deptName: string
  certNo: string
  role: DrawRole
  /** came in through a replacement */
  replacement?: boolean
}

export interface DrawViewObject {
  order: number
  code: string
  name: string
  township: string
  creditClass: CreditClassName
  address?: string
  legalRep?: string
  team: DrawTeamMember[]
}

export interface DrawReplacementView {
  seq: number
  order: number
  objectCode: string
  objectName: string
  outIdNumber: string
  outName: string
  inIdNumber: string
  inName: string
  deptName: string
  role: DrawRole
  reason: string
  approver: string
  policy: 'manual' | 'redraw'
  operator: string
  time: string
}

/** A draw as it stands: teams with every replacement applied. What results and documents use. */
export interface DrawView {
  drawId: string
  taskId: number
  taskUid: string
  taskNo: string
  taskName: string
  seq: number
  drawDate: string
  drawnAt: string
  publishedAt: string
  operator: string
  witnesses: string[]
  supervisor: string
  /** printed on the paper and in the QR code (first 16 hex digits of drawSha256, grouped) */
  shortHash: string
  drawSha256: string
  supersedes: { drawId: string; reason: string } | null
  /** replacements and re-draws chained to the draw; printed on the paper to detect a dropped record */
  chain: { adjustments: number; headCode: string }
  poolSha256: string
  poolCount: number
  seed: { sources: { kind: 'witness' | 'public'; label: string; value: string }[]; material: string; derived: string }
  objects: DrawViewObject[]
  replacements: DrawReplacementView[]
}

export interface DrawSummary {
  drawId: string
  seq: number
  drawnAt: string
  objectCount: number
  shortHash: string
  operator: string
  supersedes: string | null
  /** a later draw of the same task replaced this one */
  superseded: boolean
  replacements: number
}

export interface ReplacementCandidates {
  /** the county setting (设置 → 人员替换方式) */
  policy: 'manual' | 'redraw'
  member: { idNumber: string; name: string; deptName: string; role: DrawRole }
  candidates: { idNumber: string; name: string; certNo: string; load: number; drawable: boolean }[]
}

export interface EvidenceCheck {
  /** 0 = reproduces exactly, 1 = does not reproduce or was altered, 2 = unreadable */
  code: 0 | 1 | 2
  message: string
  differences: string[]
}

const drawIdSchema = z.string().trim().min(1, '请指定抽取编号').max(40)
const drawFile = (what: string) => z.string().trim().min(1, `请选择${what}`)

/** The result of a finished `draws.exportEvidence` job. */
export interface EvidenceExported {
  file: string
  bytes: number
  shortHash: string
}

/** The result of a finished `draws.exportPoolFile` job. */
export interface PoolFileExported {
  file: string
  sha256: string
}

/** The result of a finished `draws.drawRecordDocx` job: the record, and beside it the list of excluded objects when it has one. */
export interface DrawRecordWritten {
  file: string
  attachment?: string
}

export const drawsChannels = {
  /** 方案已公布 with the roster frozen: publish a 草稿 (or freeze an already published task) and return the 抽取方案公告 */
  'draws.publish': ch<DrawAnnouncement>()(
    z.object({ taskId: id, drawDate: ymd, planned: plannedSourcesSchema.default(plannedSourcesSchema.parse({})) })
  ),
  'draws.announcement': ch<DrawAnnouncement>()(z.object({ taskId: id })),
  'draws.perform': ch<DrawView>()(
    z.object({
      taskId: id,
      sources: z.array(drawSourceSchema).min(1, '请录入随机数来源'),
      operator: z.string().trim().min(1, '请填写操作人员姓名').max(20),
      witnesses: z.array(z.string().trim().min(1).max(20)).default([]),
      supervisor: z.string().trim().max(20).default(''),
      /** a new draw replacing the current one (the old stays on record) */
      supersede: z.object({ reason: z.string().trim().min(4, '请写明重新抽取的原因（至少 4 个字）').max(200) }).optional(),
      /** the inspection period has ended: why the draw is made anyway (printed on the record) */
      lateReason: z.string().trim().max(200).optional()
    })
  ),
  'draws.get': ch<DrawView>()(z.object({ taskId: id.optional(), drawId: drawIdSchema.optional() }).refine((v) => v.taskId !== undefined || !!v.drawId, '请指定任务或抽取编号')),
  'draws.list': ch<DrawSummary[]>()(z.object({ taskId: id })),
  'draws.replacementCandidates': ch<ReplacementCandidates>()(z.object({ drawId: drawIdSchema, order: z.number().int().min(1), outIdNumber: z.string().trim().min(1) })),
  'draws.replace': ch<DrawView>()(
    z.object({
      drawId: drawIdSchema,
      order: z.number().int().min(1),
      outIdNumber: z.string().trim().min(1, '请选择要替换的人员'),
      reason: z.enum(REPLACEMENT_REASON_LIST, '替换理由只能是：岗位调整、工作冲突、健康状况、执法回避'),
      approver: z.string().trim().min(1, '请填写批准替换的分管负责人').max(20),
      policy: z.enum(['manual', 'redraw']),
      manualIdNumber: z.string().trim().optional(),
      source: drawSourceSchema.optional(),
      note: z.string().trim().max(200).optional()
    })
  ),
  /** runs as a job; its result is an EvidenceExported */
  'draws.exportEvidence': ch<JobStatus>()(z.object({ drawId: drawIdSchema, file: drawFile('证据文件的保存位置') })),
  'draws.verifyFile': ch<EvidenceCheck>()(
    z.object({
      file: drawFile('要核验的证据文件（.json）'),
      /** as printed on the paper record: a file with a replacement or re-draw dropped no longer matches */
      adjustments: z.number().int().min(0, '调整次数不能为负').optional(),
      headCode: z.string().trim().regex(/^[0-9A-Fa-f]{4}(-?[0-9A-Fa-f]{4}){3}$/, '链头校验码应为 16 位，如 1A2B-3C4D-5E6F-7081').optional()
    })
  ),
  /** the published files of a frozen plan: canonical pool, canonical roster (the hashed bytes) and a readable .xlsx; runs as a job, its result is a PoolFileExported */
  'draws.exportPoolFile': ch<JobStatus>()(
    z.object({ taskId: id, kind: z.enum(['pool', 'roster', 'workbook']), file: drawFile('文件的保存位置') })
  ),
  /** runs as a job; its result is a DrawRecordWritten */
  'draws.drawRecordDocx': ch<JobStatus>()(z.object({ drawId: drawIdSchema, file: drawFile('抽取记录的保存位置') }))
} as const
