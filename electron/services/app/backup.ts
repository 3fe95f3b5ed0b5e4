import { existsSync } from 'node:fs'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'

/**
 * A consistent copy of the open database (VACUUM INTO works while the file is
 * in use and compacts the copy). The target must not exist: a backup never
 * overwrites another file.
 */
export function backupDatabase(ctx: Ctx, target: string): void {
  if (existsSync(target)) throw new UserError(`备份文件“${target}”已存在，请换一个文件名。`, 'exists')
  try {
    ctx.sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`)
  } catch (e) {
    throw new UserError(`无法写入备份文件“${target}”：${(e as Error).message}。请检查文件夹是否存在、是否有写入权限、磁盘是否已满。`, 'io')
  }
  ctx.sqlite.transaction(() => audit(ctx, { action: '备份数据库', entity: 'database', detail: { target } }))()
}
