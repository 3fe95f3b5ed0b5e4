/** 归档卷宗 (dossier.*): one task's archive dossier. */
import { z } from 'zod'
import { ch } from './common'
import type { JobStatus } from './app'

/** The result of a dossier.export job (JobStatus.result): one .zip with everything that happened to a task (R13). */
export interface DossierResult {
  /** the .zip written */
  file: string
  taskNo: string
  /** files in the zip, 目录.txt included */
  files: number
  bytes: number
  /** SHA-256 of the .zip itself (also in the audit entry of the export) */
  sha256: string
  /** what the dossier does not contain yet, e.g. 03-文书／抽查结果汇总表：尚无：任务还没有录入检查结果 */
  gaps: string[]
  cancelled: boolean
  elapsedMs: number
}

export const dossierChannels = {
  /** runs as a job; refuses at once (before the job) a draft task or an existing file (code `exists`) */
  'dossier.export': ch<JobStatus>()(
    z.object({ taskId: z.number().int().positive(), path: z.string().trim().min(1, '请选择归档卷宗的保存位置') })
  )
} as const
