import type { Ctx } from '../context'
import { adapterOf } from './adapters'
import { RefMaps, dataColumns, toPortable } from './records'

export interface Origin {
  /** 'local' when the record was last changed on this installation. */
  agencyCode: string
  agencyName: string
  changedAt: string
}

/**
 * Who last changed a record: the agency whose package wrote it, unless it has
 * been edited here since (its content no longer matches what was imported).
 */
export function whoChanged(ctx: Ctx, entity: string, key: string): Origin | null {
  const a = adapterOf(entity)
  const row = ctx.sqlite.prepare(`SELECT * FROM "${a.table}" WHERE "${a.key}" = ?`).get(key) as Record<string, unknown> | undefined
  if (!row) return null
  const o = ctx.sqlite.prepare('SELECT agency_code, agency_name, hash, changed_at FROM record_origin WHERE entity = ? AND key = ?').get(entity, key) as
    | { agency_code: string; agency_name: string; hash: string; changed_at: string }
    | undefined
  const hash = toPortable(a, row, dataColumns(ctx.sqlite, a), new RefMaps(ctx.sqlite)).hash
  if (o && o.hash === hash) return { agencyCode: o.agency_code, agencyName: o.agency_name, changedAt: o.changed_at }
  return { agencyCode: 'local', agencyName: '本单位', changedAt: String(row.updated_at) }
}
