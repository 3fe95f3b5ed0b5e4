import { net, protocol } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Must run before app ready: `app://` behaves like a secure, standard origin. */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from disk under app://bundle/ and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir)
  protocol.handle('app', (request) => {
    const url = new URL(request.url)
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = normalize(join(root, rel))
    if (url.host !== 'bundle' || !file.startsWith(root + sep)) return new Response('not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}
