/**
 * The Electron shell, kept thin: one window, the security settings, the
 * app:// protocol and the IPC wiring. All logic lives in ../services.
 */
import { app, BrowserWindow, dialog } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Workbench } from '../services/workbench'
import { acquireLock } from '../host/instanceLock'
import { describeHolder, lockHolder } from '../services/db/holder'
import { runDailyBackup } from '../services/backup'
import { defaultDataDir, defaultDbFile } from '../services/paths'
import { UserError } from '../services/errors'
import { registerIpc } from './ipc'
import { electronFileShell } from './dialogs'
import { registerScheme, serveRenderer } from './protocol'
import { APP_ORIGIN, hardenContents, hardenSession } from './security'

const here = dirname(fileURLToPath(import.meta.url))
app.setPath('userData', defaultDataDir())

// One instance per machine user: a second launch focuses the first window, so one database is never opened twice.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerScheme()
  let win: BrowserWindow | null = null
  let wb: Workbench | null = null

  const setTitle = () => win?.setTitle(`双随机联合抽查工作台 — ${wb?.file ?? ''}`)

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('web-contents-created', (_e, contents) => hardenContents(contents))
  let releaseLock: (() => void) | null = null
  app.on('window-all-closed', () => {
    wb?.close()
    releaseLock?.()
    app.quit()
  })

  void app.whenReady().then(() => {
    hardenSession()
    serveRenderer(join(here, '../renderer'))
    const argDb = process.argv.indexOf('--db')
    const file = argDb >= 0 ? resolve(process.argv[argDb + 1]!) : defaultDbFile()
    mkdirSync(dirname(file), { recursive: true })
    // The same lock file as the browser host: the command line and a second program see that this window has the database.
    const lock = acquireLock(file, '')
    if (!lock.acquired) {
      const who = lockHolder(file)
      dialog.showErrorBox('数据库已被打开', `该数据库正由${who ? describeHolder(who) : `本程序的另一个实例（进程 ${lock.pid}）`}使用。同一个数据库不能同时打开两次，请先关闭它。`)
      app.quit()
      return
    }
    releaseLock = lock.release
    try {
      // Bundled builds carry the migrations beside the main script; from source they sit with the schema.
      const bundled = join(here, 'migrations')
      wb = new Workbench(file, { migrationsDir: existsSync(bundled) ? bundled : undefined, desktop: true })
    } catch (e) {
      dialog.showErrorBox('无法打开数据库', e instanceof UserError ? e.message : String(e))
      app.quit()
      return
    }
    void runDailyBackup(wb.ctx()).catch((e) => console.error('自动备份失败：', e))
    wb.shell = electronFileShell(() => win)
    registerIpc(() => wb!, setTitle)
    win = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 1100,
      minHeight: 700,
      show: false,
      title: '双随机联合抽查工作台',
      webPreferences: {
        preload: join(here, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false
      }
    })
    win.once('ready-to-show', () => win?.show())
    win.on('page-title-updated', (e) => e.preventDefault())
    setTitle()
    if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
    else void win.loadURL(`${APP_ORIGIN}/index.html`)
  })
}
