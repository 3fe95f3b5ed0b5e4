import { join } from 'node:path'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { onlineBackup } from './online'
import { backupRoot, stamp } from './paths'

/** A backup on request, by default into `<db folder>/备份/手动-YYYYMMDD-HHMMSS.db`. */
export async function createBackup(ctx: Ctx, out?: string): Promise<{ file: string; bytes: number }> {
  const file = out || join(backupRoot(ctx.file), `手动-${stamp()}.db`)
  const r = await onlineBackup(ctx.sqlite, file)
  ctx.sqlite.transaction(() => audit(ctx, { action: '备份数据库', entity: 'database', detail: { file } }))()
  return r
}
