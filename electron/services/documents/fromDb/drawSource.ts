/**
 * Where the drawn objects of a task come from. The draw records service
 * registers its `getDraw` here; until a task has been drawn the notices and
 * forms cannot be generated.
 */
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import type { DrawView } from './drawView'

type Lookup = (ctx: Ctx, taskId: number) => DrawView | null

let lookup: Lookup | null = null

export function setDrawLookup(fn: Lookup | null): void {
  lookup = fn
}

export function loadDraw(ctx: Ctx, taskId: number, taskName: string): DrawView {
  const draw = lookup?.(ctx, taskId) ?? null
  if (!draw) throw new UserError(`任务“${taskName}”尚未完成随机抽取，还没有检查对象。请先在“随机抽取”中抽取，再生成通知书和检查表。`, 'not-drawn')
  return draw
}
