import { noteWrittenIn } from '../files/written'
import { busyMessage } from '../db/holder'
import { z } from 'zod'
import { contract, type ChannelName, type Envelope, type ParsedInputOf, type ResultOf } from '@contract'
import { UserError } from '../errors'
import { describeInputError } from '../inputErrors'
import type { Workbench } from '../workbench'

z.config(z.locales.zhCN())

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, wb: Workbench) => ResultOf<C> | Promise<ResultOf<C>>
export type Handlers = { [C in ChannelName]: Handler<C> }
export type HandlerGroup<P extends string> = { [C in ChannelName as C extends `${P}.${string}` ? C : never]: Handler<C> }


function sqliteMessage(e: Error & { code?: string }, file: string | null): string | null {
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED') return busyMessage(file)
  if (e.code === 'SQLITE_READONLY') return '数据库文件是只读的，无法保存修改。请检查文件权限或另存一份。'
  if (e.code === 'SQLITE_FULL') return '磁盘空间不足，无法保存。请清理磁盘后重试。'
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') return '数据库文件已损坏。请在“设置”中从备份恢复。'
  return null
}

/** Channels whose paths name files the program reads, not files it wrote. */
const NOT_WRITTEN = new Set<string>(['files.pickOpen', 'files.reveal'])

/**
 * The single entry point of every call from the UI: validate the input against
 * the contract, run the handler, and wrap the outcome. Every failure becomes a
 * Chinese sentence; unexpected ones are also logged for the developers.
 */
export async function dispatch(handlers: Handlers, wb: Workbench, channel: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `程序内部错误：未知的调用“${channel}”。请重新启动程序。` } }
  }
  const name = channel as ChannelName
  const parsed = contract[name].input.safeParse(rawInput)
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeInputError(parsed.error) } }
  try {
    const handler = handlers[name] as (input: unknown, wb: Workbench) => unknown
    const data = await handler(parsed.data, wb)
    // What a service reports having written may later be opened or shown by the OS; a chosen file to read may not.
    if (!NOT_WRITTEN.has(name)) noteWrittenIn(data)
    return { ok: true, data }
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: { code: e.code, message: e.message } }
    const sq = e instanceof Error ? sqliteMessage(e, wb.file) : null
    if (sq) return { ok: false, error: { code: 'database', message: sq } }
    console.error(`[${channel}]`, e)
    return { ok: false, error: { code: 'internal', message: `程序内部错误：${e instanceof Error ? e.message : String(e)}。操作未完成，请重试；如反复出现请联系技术支持。` } }
  }
}
