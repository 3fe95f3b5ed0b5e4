/**
 * The Electron binary cannot run on these machines, so the shell is exercised
 * against a recording stand-in for the `electron` module: what the real main
 * process would ask Electron to do is captured and checked against the
 * security checklist (isolation, sandbox, CSP, navigation, permissions, IPC sender).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { channelNames } from '@contract'

const rec = vi.hoisted(() => ({
  windows: [] as { opts: Record<string, any>; loaded: string[]; title: string }[],
  appHandlers: new Map<string, (...a: any[]) => void>(),
  ipc: new Map<string, (e: any, input: unknown) => Promise<unknown>>(),
  privileged: [] as unknown[],
  permissionRequest: null as null | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  headersReceived: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  protocolHandler: null as null | ((req: Request) => Response | Promise<Response>),
  lockGranted: true,
  ready: null as null | (() => void)
}))

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = []
    title = ''
    constructor(public opts: Record<string, any>) {
      rec.windows.push(this as any)
    }
    once() {}
    on() {}
    show() {}
    setTitle(t: string) {
      this.title = t
    }
    loadURL(u: string) {
      this.loaded.push(u)
      return Promise.resolve()
    }
    isMinimized() {
      return false
    }
    restore() {}
    focus() {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (f: any) => (rec.permissionRequest = f),
      setPermissionCheckHandler: (f: any) => (rec.permissionCheck = f),
      webRequest: { onBeforeRequest: (f: any) => (rec.beforeRequest = f), onHeadersReceived: (f: any) => (rec.headersReceived = f) }
    }
  }
  return {
    app: {
      isPackaged: true,
      setPath: () => {},
      requestSingleInstanceLock: () => rec.lockGranted,
      quit: () => {},
      on: (ev: string, f: any) => rec.appHandlers.set(ev, f),
      whenReady: () => new Promise<void>((r) => (rec.ready = r))
    },
    BrowserWindow,
    session,
    shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (ch: string, f: any) => rec.ipc.set(ch, f) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s), handle: (_s: string, f: any) => (rec.protocolHandler = f) },
    net: { fetch: vi.fn(async () => new Response('ok')) }
  }
})

const dataDir = mkdtempSync(join(tmpdir(), 'suiji-shell-'))

beforeAll(async () => {
  process.env.SUIJI_DATA_DIR = dataDir
  await import('../../../electron/main/index')
  rec.ready!()
  await vi.waitFor(() => expect(rec.windows).toHaveLength(1))
})
afterAll(() => {
  rec.appHandlers.get('window-all-closed')?.()
  rmSync(dataDir, { recursive: true, force: true })
})

function fakeContents() {
  const on = new Map<string, (e: { preventDefault: () => void }, url: string) => void>()
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    on: (ev: string, f: any) => on.set(ev, f),
    setWindowOpenHandler: (f: any) => (openHandler = f),
    fire(ev: string, url: string) {
      let prevented = false
      on.get(ev)!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    },
    open: (url: string) => openHandler!({ url })
  }
}

describe('the Electron shell follows the security checklist', () => {
  it('one window: context isolation, sandbox, no node integration, preload only, our own protocol', () => {
    const w = rec.windows[0]!
    expect(w.opts.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(w.opts.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(w.loaded).toEqual(['app://bundle/index.html'])
    expect(w.title).toContain(join(dataDir, 'workbench.db'))
    expect(rec.privileged).toEqual([expect.objectContaining({ scheme: 'app' })])
  })

  it('denies navigation away, new windows and webviews', () => {
    const c = fakeContents()
    rec.appHandlers.get('web-contents-created')!({}, c)
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(c.fire('will-navigate', 'app://bundle/index.html#/tasks')).toBe(false)
    expect(c.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true)
    expect(c.fire('will-attach-webview', '')).toBe(true)
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' })
  })

  it('hands a file:// link to the OS only when this program wrote that file', async () => {
    const { shell } = await import('electron')
    const { noteWritten } = await import('../../../electron/services/files/written')
    const c = fakeContents()
    rec.appHandlers.get('web-contents-created')!({}, c)
    const ours = join(dataDir, '检查通知书.docx')
    writeFileSync(ours, 'x')
    const other = join(dataDir, '别人的.exe')
    writeFileSync(other, 'x')
    noteWritten(ours)
    const open = vi.mocked(shell.openExternal)
    open.mockClear()
    expect(c.open(pathToFileURL(other).href)).toEqual({ action: 'deny' })
    expect(c.open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' })
    expect(open).not.toHaveBeenCalled()
    expect(c.open(pathToFileURL(ours).href)).toEqual({ action: 'deny' })
    expect(open).toHaveBeenCalledWith(pathToFileURL(ours).href)
  })

  it('denies every permission and every request that is not our own content, and adds the CSP to every response', () => {
    let granted: boolean | null = null
    rec.permissionRequest!({}, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
    expect(rec.permissionCheck!()).toBe(false)
    const cancel = (url: string) => {
      let r: boolean | null = null
      rec.beforeRequest!({ url }, (x) => (r = x.cancel))
      return r
    }
    expect(cancel('https://cdn.example.com/x.js')).toBe(true)
    expect(cancel('http://localhost:5173/')).toBe(true) // packaged: no dev server either
    expect(cancel('app://bundle/assets/index.js')).toBe(false)
    let headers: Record<string, string[]> = {}
    rec.headersReceived!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders))
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'self'; script-src 'self'/)
  })

  it('the app:// handler serves only files inside the renderer folder', async () => {
    expect((await rec.protocolHandler!(new Request('app://bundle/..%2F..%2Fetc%2Fpasswd'))).status).toBe(404)
    expect((await rec.protocolHandler!(new Request('app://other/index.html'))).status).toBe(404)
    expect((await rec.protocolHandler!(new Request('app://bundle/index.html'))).status).toBe(200)
  })

  it('registers exactly the contract’s channels over IPC, validated, and refuses callers that are not our page', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual([...channelNames].sort())
    const call = rec.ipc.get('departments.list')!
    expect(await call({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toEqual({ ok: false, error: { code: 'sender', message: '拒绝来自未知页面的调用。' } })
    const ok = (await call({ senderFrame: { url: 'app://bundle/index.html' } }, undefined)) as { ok: boolean; data: unknown[] }
    expect(ok.ok).toBe(true)
    expect(ok.data).toHaveLength(30)
    const bad = (await rec.ipc.get('departments.create')!({ senderFrame: { url: 'app://bundle/index.html' } }, { name: 1 })) as { ok: boolean; error: { code: string } }
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
