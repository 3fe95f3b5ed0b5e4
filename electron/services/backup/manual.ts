import { join } from 'node:path'
import type { Ctx } from '../context'
import type { Report } from '../jobs/runner'
import { audit } from '../audit/log'
import { onlineBackup } from './online'
import { backupRoot, stamp } from './paths'

/** What a backup does first (the job's status says it before any page is copied). */
export const BACKUP_FIRST_PHASE = '复制数据库'

/** A backup on request, by default into `<db folder>/备份/手动-YYYYMMDD-HHMMSS.db`; `report` follows the pages copied. */
export async function createBackup(ctx: Ctx, out?: string, report?: Report): Promise<{ file: string; bytes: number }> {
  const file = out || join(backupRoot(ctx.file), `手动-${stamp()}.db`)
  const r = await onlineBackup(ctx.sqlite, file, report && ((copied, total) => report(BACKUP_FIRST_PHASE, copied, total)))
  ctx.sqlite.transaction(() => audit(ctx, { action: '备份数据库', entity: 'database', detail: { file } }))()
  report?.('完成', 1, 1)
  return r
}
