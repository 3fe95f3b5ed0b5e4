/**
 * The renderer's only door to the program: `window.api`, built from the
 * contract. In the desktop window the preload provides it over IPC; in the
 * browser host it is built here over HTTP with the per-launch token.
 */
import { ref } from 'vue'
import { buildApi, unwrap, type Api, type Envelope } from '@contract'

const TOKEN_KEY = 'suiji-token'

/**
 * The launch token, taken from the address once and kept for this origin: a
 * reload, a bookmark of the page or a reopened tab still work while the same
 * program runs (its address, with a new port, changes at every launch).
 */
function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    localStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY) ?? ''
}

/** Set when the program refuses the token: the page then shows only how to get back in, never empty data. */
export const tokenRefused = ref(false)

function httpApi(): Api {
  const token = takeToken()
  return buildApi(async (channel, input) => {
    let res: Response
    try {
      res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Suiji-Token': token },
        body: input === undefined ? '' : JSON.stringify(input)
      })
    } catch {
      throw new Error('无法连接到本机的工作台服务：程序可能已关闭。请重新运行 npm start 后刷新本页。')
    }
    const env = (await res.json()) as Envelope<unknown>
    if (!env.ok && env.error.code === 'token') tokenRefused.value = true
    return unwrap(env)
  })
}

function ipcApi(raw: Api): Api {
  // The preload returns envelopes; unwrap them here so callers get values or thrown Chinese errors.
  const wrapped: Record<string, Record<string, (i?: unknown) => Promise<unknown>>> = {}
  for (const [group, methods] of Object.entries(raw as unknown as Record<string, Record<string, (i?: unknown) => Promise<Envelope<unknown>>>>)) {
    wrapped[group] = {}
    for (const [m, fn] of Object.entries(methods)) wrapped[group][m] = async (i?: unknown) => unwrap(await fn(i))
  }
  return wrapped as unknown as Api
}

/** In the browser, a link that downloads a folder the program wrote into its export folder, as one .zip. */
export function downloadFolderUrl(path: string): string | null {
  if (transport === 'ipc') return null
  return `/download-folder?token=${encodeURIComponent(token())}&path=${encodeURIComponent(path)}`
}

/** The token this page uses, for the download links the browser follows itself. */
export function token(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY) ?? ''
}

export const api: Api = window.suijiTransport === 'ipc' ? ipcApi(window.api) : httpApi()
export const transport = window.suijiTransport === 'ipc' ? 'ipc' : 'http'

/** In the browser, a link that downloads a file the program wrote into its export folder. */
export function downloadUrl(path: string): string | null {
  if (transport === 'ipc') return null
  return `/download?token=${encodeURIComponent(token())}&path=${encodeURIComponent(path)}`
}
