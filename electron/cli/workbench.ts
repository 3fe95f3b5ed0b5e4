/**
 * What the `suiji` commands share once they have their arguments: a workbench
 * opened on the --db file for the length of one command, and a task named the
 * way people name it on the command line.
 */
import { resolve } from 'node:path'
import { Workbench } from '../services/workbench'
import type { Ctx } from '../services/context'
import { UserError } from '../services/errors'
import { findTaskByNo } from '../services/tasks/service'
import { CliError } from './args'

/** Opens the database, runs f, and closes it again even when f throws. */
export function withCtx<T>(db: string, f: (ctx: Ctx) => T): T {
  const wb = new Workbench(resolve(db))
  try {
    return f(wb.ctx())
  } finally {
    wb.close()
  }
}

/** As withCtx, but keeps the database open until f's promise settles. */
export async function withCtxAsync<T>(db: string, f: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const wb = new Workbench(resolve(db))
  try {
    return await f(wb.ctx())
  } finally {
    wb.close()
  }
}

/** A task is named by its 任务编号 (2026-001) or its id in the database. */
export function taskIdOf(ctx: Ctx, ref: string | undefined): number {
  if (!ref) throw new CliError('请指定任务：写任务编号（如 2026-001）或数据库中的序号')
  if (/^\d{4}-\d{3,4}$/.test(ref)) {
    const t = findTaskByNo(ctx, ref)
    if (!t) throw new UserError(`找不到任务编号为 ${ref} 的抽查任务。`, 'not-found')
    return t.id
  }
  if (!/^\d+$/.test(ref)) throw new CliError(`“${ref}”不是任务编号（如 2026-001）或序号`)
  return Number(ref)
}
