/** 审计日志 (audit.*): the append-only, hash-chained log. */
import { z } from 'zod'
import { ch, none } from './common'

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  detail: string
  hash: string
}

export const auditChannels = {
  // 审计日志
  'audit.list': ch<AuditEntry[]>()(
    z
      .object({ entity: z.string().optional(), entityId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .optional()
  ),
  'audit.verify': ch<{ ok: boolean; entries: number; brokenAt?: { id: number; reason: string } }>()(none)
} as const
