/** 数据交换 (exchange.*): agency identity, peers, signed offline packages. */
import { z } from 'zod'
import { ch, file, none } from './common'
import { backupChannels } from './backup'
import type { JobStatus } from './app'

export interface AgencyIdentity {
  name: string
  /** 'OFFICE' for the office, else the department's code. */
  code: string
  role: 'office' | 'department'
  /** 8 groups of 5 digits, read out over the phone. */
  fingerprint: string
  publicKey: string
  createdAt: string
}

export interface AgencyPeer {
  id: number
  name: string
  code: string
  role: 'office' | 'department'
  fingerprint: string
  confirmed: boolean
  addedAt: string
  confirmedAt: string | null
}

export type ExchangeChoice = 'theirs' | 'ours'
export type ExchangeRecordStatus = 'new' | 'updated' | 'unchanged' | 'keptLocal' | 'conflict' | 'refused'

export interface ExchangeCounts {
  new: number
  updated: number
  unchanged: number
  /** We changed it, they did not since we last agreed: ours stays. */
  keptLocal: number
  conflicts: number
  /** Not applied: the sender may not write them (docs/exchange.md), or they are invalid. */
  refused: number
}

export interface ExchangeRecordChange {
  entity: string
  entityLabel: string
  key: string
  label: string
  status: ExchangeRecordStatus
  /** Column name, our value, their value (references shown as natural keys). */
  changes: { field: string; ours: unknown; theirs: unknown }[]
}

export interface ExchangePreview {
  /** Identifies the package previewed (SHA-256 of its manifest); pass it back to apply. */
  token: string
  packageId: string
  from: { name: string; code: string; fingerprint: string }
  to: { name: string; code: string } | 'any'
  createdAt: string
  kind: 'full' | 'incremental'
  appVersion: string
  schemaVersion: number
  upgradedFrom: number | null
  /** This exact package was applied before: applying again changes nothing. */
  alreadyImported: boolean
  /** A newer package from the same agency was applied already (this one may be out of date). */
  olderThanLast: boolean
  entities: ({ entity: string; label: string } & ExchangeCounts)[]
  totals: ExchangeCounts
  /** Every conflict, with the fields that differ. */
  conflicts: ExchangeRecordChange[]
  /** Updates, at most 500 of them. */
  updates: ExchangeRecordChange[]
  /** One Chinese sentence per reason records were refused, with the count. */
  refusals: { reason: string; count: number; sentence: string }[]
  refused: (ExchangeRecordChange & { reason: string })[]
  /** Set when the sender's audit log no longer extends the head we saw last (“对方的操作日志被改写或截断”). */
  peerLogWarning: string | null
}

export interface ExchangeApplyResult extends ExchangePreview {
  applied: boolean
  decisions: { entity: string; key: string; choice: ExchangeChoice }[]
}

export interface ExchangeExportResult {
  file: string
  bytes: number
  packageId: string
  kind: 'full' | 'incremental'
  contents: Record<string, number>
}

export interface ExchangeLogEntry {
  id: number
  direction: 'sent' | 'received'
  packageId: string
  peerCode: string
  peerName: string
  kind: 'full' | 'incremental'
  manifestHash: string
  packageCreatedAt: string
  at: string
  file: string
  counts: Record<string, unknown>
  decisions: { entity: string; key: string; choice: ExchangeChoice }[]
}

const fingerprint = z
  .string()
  .trim()
  .refine((s) => s.replace(/\D/g, '').length === 40, '指纹应为 8 组、每组 5 位数字')
const choice = z.enum(['theirs', 'ours'])

export const exchangeContract = {
  'exchange.identity': ch<{ identity: AgencyIdentity | null }>()(none),
  'exchange.initIdentity': ch<AgencyIdentity>()(
    z.object({
      name: z.string().trim().min(2, '单位名称至少 2 个字').max(40),
      deptCode: z.string().trim().toUpperCase().optional()
    })
  ),
  'exchange.exportKey': ch<{ file: string; fingerprint: string }>()(z.object({ file: file('密钥文件的保存位置') })),
  'exchange.peers': ch<AgencyPeer[]>()(none),
  'exchange.addPeer': ch<AgencyPeer>()(z.object({ file: file('对方的密钥文件（.sjkey）'), fingerprint: fingerprint.optional() })),
  'exchange.confirmPeer': ch<AgencyPeer>()(z.object({ fingerprint })),
  'exchange.removePeer': ch<AgencyPeer[]>()(z.object({ code: z.string().trim().min(1) })),
  /** runs as a job; its result is an ExchangeExportResult */
  'exchange.export': ch<JobStatus>()(
    z.object({
      to: z.string().trim().min(1, '请选择接收单位'),
      full: z.boolean().default(false),
      file: z.string().trim().optional(),
      /** office → one department: include the county-wide registry (the page asks; off unless the department wants it) */
      withRegistry: z.boolean().default(true)
    })
  ),
  'exchange.preview': ch<ExchangePreview>()(z.object({ file: file('交换包（.sjbx）') })),
  /** runs as a job; its result is an ExchangeApplyResult */
  'exchange.apply': ch<JobStatus>()(
    z.object({
      file: file('交换包（.sjbx）'),
      token: z.string().length(64),
      default: choice.optional(),
      perRecord: z.array(z.object({ entity: z.string(), key: z.string(), choice })).default([])
    })
  ),
  'exchange.log': ch<ExchangeLogEntry[]>()(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional()),
  /** services/exchange/handlers.ts answers backup.* too, so its channel group includes them as before */
  ...backupChannels
} as const
