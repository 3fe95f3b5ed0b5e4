/** 备份 (backup.*): online and daily backups, restore. */
import { z } from 'zod'
import { ch, file, none } from './common'

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

export const backupChannels = {
  'backup.create': ch<{ file: string; bytes: number }>()(z.object({ file: z.string().trim().optional() })),
  'backup.list': ch<BackupFileInfo[]>()(none),
  'backup.preview': ch<BackupContents>()(z.object({ file: file('备份文件') })),
  'backup.restore': ch<{ restored: BackupContents; safetyCopy: string | null }>()(z.object({ file: file('备份文件') }))
} as const
