import { chromium, type Browser, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startHost, type Host } from '../../electron/host/server'
import { Workbench } from '../../electron/services/workbench'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const RENDERER = join(ROOT, 'out', 'renderer')
export const SHOTS = join(ROOT, 'tests', 'e2e', '__screenshots__')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
}

/** The program as a user gets it from `npm start` in a browser: the host on a real database file. */
export class Running {
  wb!: Workbench
  host!: Host

  constructor(readonly dbFile: string) {}

  async start(): Promise<this> {
    this.wb = new Workbench(this.dbFile)
    this.host = await startHost({ wb: this.wb, rendererDir: RENDERER })
    return this
  }

  async stop(): Promise<void> {
    await this.host.close()
    this.wb.close()
  }
}

export async function openApp(browser: Browser, app: Running): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' })
  page.on('pageerror', (e) => console.error('[page error]', e))
  await page.goto(app.host.launchUrl)
  await page.getByText('双随机联合抽查').first().waitFor()
  return page
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true })
  const file = join(SHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

export async function nav(page: Page, title: string): Promise<void> {
  await page.locator(`[data-nav="${title}"]`).click()
  await page.locator('.page-title', { hasText: title }).waitFor()
}
