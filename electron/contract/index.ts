/**
 * The one API contract shared by renderer, preload and main.
 *
 * Each channel is `group.method` → a zod schema for its input and the type of
 * its result. Main registers every channel through one validating wrapper
 * (IPC in Electron, HTTP in the browser host); the preload and the browser
 * client generate `window.api.group.method(input)` from the same list.
 * Nothing else crosses the boundary. Each domain's channels, schemas and
 * result types live in the file named for it; this file assembles them.
 */
import type { z } from 'zod'
import { appChannels } from './app'
import { auditChannels } from './audit'
import { dashboardChannels } from './dashboard'
import { documentsChannels } from './documents'
import { dossierChannels } from './dossier'
import { drawsChannels } from './draws'
import { exchangeContract } from './exchange'
import { plansChannels } from './plans'
import { registryChannels } from './registry'
import { resultsChannels } from './results'
import { settingsChannels } from './settings'
import { tasksChannels } from './tasks'
import { workdaysChannels } from './workdays'

export { ApiError, unwrap, type Envelope } from './common'
export * from './app'
export * from './audit'
export * from './backup'
export * from './dashboard'
export * from './documents'
export * from './dossier'
export * from './draws'
export * from './exchange'
export * from './exchangeFields'
export * from './plans'
export * from './registry'
export * from './results'
export * from './settings'
export * from './tasks'
export * from './workdays'

// ───────────────────────── channels ─────────────────────────

export const contract = {
  ...dossierChannels,
  ...documentsChannels,
  ...resultsChannels,
  ...dashboardChannels,
  ...workdaysChannels,
  ...drawsChannels,
  ...plansChannels,
  ...tasksChannels,
  ...exchangeContract,
  ...appChannels,
  ...settingsChannels,
  ...auditChannels,
  ...registryChannels
} as const

// ───────────────────────── derived types ─────────────────────────

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type ResultOf<C extends ChannelName> = NonNullable<Contract[C]['__result']>

type GroupOf<K> = K extends `${infer G}.${string}` ? G : never
type MethodOf<K, G extends string> = K extends `${G}.${infer M}` ? M : never
type Fn<C extends ChannelName> = undefined extends InputOf<C> ? (input?: InputOf<C>) => Promise<ResultOf<C>> : (input: InputOf<C>) => Promise<ResultOf<C>>

/** `window.api`: one async method per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<ChannelName>]: { [M in MethodOf<ChannelName, G>]: Fn<Extract<`${G}.${M}`, ChannelName>> }
}

export const channelNames = Object.keys(contract) as ChannelName[]

/** Builds the grouped API object from one transport function (used by preload and the browser client). */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of channelNames) {
    const [group, method] = name.split('.') as [string, string]
    ;(api[group] ??= {})[method] = (input?: unknown) => invoke(name, input)
  }
  return api as unknown as Api
}
