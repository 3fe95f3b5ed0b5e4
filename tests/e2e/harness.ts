import { chromium, type Browser, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startHost, type Host } from '../../electron/host/server'
import { Workbench } from '../../electron/services/workbench'
import { openDatabase } from '../../electron/services/db/open'

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
  // Every wait is on a state; a loaded machine only takes longer to reach it.
  page.setDefaultTimeout(90_000)
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

/** Ends what a test file opened, last opened first; any of them is missing when its beforeAll failed early. */
export async function closeAll(page: Page | undefined, app: Running | undefined, browser: Browser | undefined): Promise<void> {
  await page?.close()
  await app?.stop()
  await browser?.close()
}

/** A channel called over HTTP with the launch token, as the browser page calls it. */
export async function callApi<T>(app: Running, channel: string, input: unknown): Promise<T> {
  const url = new URL(app.host.launchUrl)
  const token = url.searchParams.get('token') ?? ''
  const res = await fetch(new URL(`/api/${channel}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Suiji-Token': token }, body: JSON.stringify(input) })
  const env = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } }
  if (!env.ok) throw new Error(env.error!.message)
  return env.data as T
}

/**
 * Queries straight on the database file, through a connection of their own,
 * to compare with what the page says independently of the program's answers.
 */
export function dbQueries(dbFile: string) {
  function all<T>(query: string, ...params: unknown[]): T[] {
    const { sqlite } = openDatabase(dbFile)
    try {
      return sqlite.prepare(query).all(...params) as T[]
    } finally {
      sqlite.close()
    }
  }
  const one = <T>(query: string, ...params: unknown[]): T => all<T>(query, ...params)[0]!
  return { all, one }
}

/**
 * Waits until nothing on the page moves (drawer slide-ins, fades, toasts
 * leaving): a state, not a time, so a slow machine only waits longer.
 */
export async function still(page: Page): Promise<void> {
  type Doc = { getAnimations(): { playState: string }[] }
  await page.waitForFunction(() => (globalThis as unknown as { document: Doc }).document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 60_000 })
}

/**
 * Keeps every stage a job's bar shows (`data-testid` of the bar), however
 * briefly it passes, so that a test checks states and never times. Call it
 * before the click that starts the job; the returned function reads what the
 * clerk saw, in order, each text once.
 */
export async function watchBar(page: Page, bar: string): Promise<() => Promise<string[]>> {
  const key = `__bar_${bar.replace(/\W/g, '_')}`
  await page.evaluate(`(() => {
    window.${key} = []
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="${bar}"]')
      const t = el && el.querySelector('.n-progress') ? el.querySelector('[data-testid="job-phase"]')?.textContent : null
      if (t && window.${key}.at(-1) !== t) window.${key}.push(t)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })()`)
  return async () => (await page.evaluate(`window.${key}`)) as string[]
}
