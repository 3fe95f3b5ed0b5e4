/** 备份 (backup.*): online and daily backups, restore. */
import { z } from 'zod'
import { ch, file, none } from './common'
import type { JobStatus } from './app'

export interface BackupFileInfo {
  file: string
  name: string
  kind: 'auto' | 'manual' | 'safety'
  bytes: number
  modifiedAt: string
}

export interface BackupContents {
  file: string
  bytes: number
  /** Program version that last changed the schema of this file. */
  appVersion: string
  schemaVersion: number
  /** True when the file needs a newer program than this one. */
  newer: boolean
  /** Rows per table, for the tables this file has (tasks and plans only from the versions that have them). */
  counts: Record<string, number>
  lastAuditAt: string | null
  lastAuditAction: string | null
  intact: boolean
}

/** The result of a finished `backup.create` job. */
export interface BackupMade {
  file: string
  bytes: number
}

/** The result of a finished `backup.restore` job. */
export interface BackupRestored {
  restored: BackupContents
  /** The copy of the database as it was just before the restore (null if there was none). */
  safetyCopy: string | null
}

export const backupChannels = {
  /** runs as a job; its result is a BackupMade */
  'backup.create': ch<JobStatus>()(z.object({ file: z.string().trim().optional() })),
  'backup.list': ch<BackupFileInfo[]>()(none),
  'backup.preview': ch<BackupContents>()(z.object({ file: file('备份文件') })),
  /** runs as a job; its result is a BackupRestored */
  'backup.restore': ch<JobStatus>()(z.object({ file: file('备份文件') }))
} as const
