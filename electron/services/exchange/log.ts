import type { ExchangeLogEntry } from '@contract'
import type { Ctx } from '../context'

/** Packages made and applied here, newest first. */
export function listExchangeLog(ctx: Ctx, limit = 100): ExchangeLogEntry[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, direction, package_id AS packageId, peer_code AS peerCode, peer_name AS peerName, kind, manifest_hash AS manifestHash,
              package_created_at AS packageCreatedAt, at, file, counts, decisions FROM exchange_log ORDER BY id DESC LIMIT ?`
    )
    .all(limit) as (Omit<ExchangeLogEntry, 'counts' | 'decisions'> & { counts: string; decisions: string })[]
  return rows.map((r) => ({ ...r, counts: JSON.parse(r.counts), decisions: JSON.parse(r.decisions) }))
}
