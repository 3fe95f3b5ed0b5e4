/**
 * Where the drawn objects of a task come from: the draw in force (with
 * replacements applied) from the draw records. Tests may substitute a
 * hand-built view.
 */
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { findDraw } from '../../draws/records/view'
import type { DrawView } from './drawView'

type Lookup = (ctx: Ctx, taskId: number) => DrawView | null

const fromRecords: Lookup = (ctx, taskId) => findDraw(ctx, taskId)
let lookup: Lookup = fromRecords

/** Replaces the source of draws (tests); null restores the draw records. */
export function setDrawLookup(fn: Lookup | null): void {
  lookup = fn ?? fromRecords
}

export function loadDraw(ctx: Ctx, taskId: number, taskName: string): DrawView {
  const draw = lookup(ctx, taskId)
  if (!draw) throw new UserError(`任务“${taskName}”尚未完成随机抽取，还没有检查对象。请先在“随机抽取”中抽取，再生成通知书和检查表。`, 'not-drawn')
  return draw
}
