/**
 * The contract as the page loads it at run time: every type, the plain lists
 * and labels, the envelope, and an API builder that needs no list of
 * channels. The zod schemas stay out of the page: the program validates every
 * input it receives, and leaving zod and the schemas out spares the first
 * screen some 180 KB of JavaScript to load and run.
 */
import type { Api, ChannelName } from './index'

export type * from './index'
export * from './envelope'
export * from './resultLists'
export * from './exchangeFields'
export * from './taskLists'
export * from './drawLists'
export * from './dashboardLists'

/**
 * `api.group.method(input)` calls `invoke('group.method', input)`. Which
 * methods exist is the `Api` type's business; the program refuses any other.
 */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<unknown>): Api {
  const groups = new Map<string, Record<string, (input?: unknown) => Promise<unknown>>>()
  const group = (name: string) =>
    new Proxy({} as Record<string, (input?: unknown) => Promise<unknown>>, {
      get: (methods, method) => {
        if (typeof method !== 'string' || method === 'then') return undefined
        return (methods[method] ??= (input?: unknown) => invoke(`${name}.${method}` as ChannelName, input))
      }
    })
  return new Proxy({} as Api, {
    get: (_api, name) => {
      if (typeof name !== 'string' || name === 'then') return undefined
      let g = groups.get(name)
      if (!g) groups.set(name, (g = group(name)))
      return g
    }
  })
}
