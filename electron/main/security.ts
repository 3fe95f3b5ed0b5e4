import { app, session, shell, type WebContents } from 'electron'
import { fileURLToPath } from 'node:url'
import { CSP } from '../host/csp'
import { wasWritten } from '../services/files/written'

function isOwnFile(url: string): boolean {
  if (!url.startsWith('file://')) return false
  try {
    return wasWritten(fileURLToPath(url))
  } catch {
    return false
  }
}

export const APP_ORIGIN = 'app://bundle'

/**
 * The Electron security checklist in one place: no navigation away from our
 * own pages, no new windows, no permissions, CSP on every response, and
 * nothing loaded from the network.
 */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, cb) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || (!app.isPackaged && details.url.startsWith('http://localhost:'))
    cb({ cancel: !ok })
  })
  ses.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault()
  })
  contents.on('will-redirect', (e, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) e.preventDefault()
  })
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Only a file this program wrote (e.g. a generated document) goes to the OS; nothing opens inside the app.
    if (isOwnFile(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
