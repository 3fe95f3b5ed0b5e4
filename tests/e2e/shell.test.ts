import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp, Running, shot, nav, watchBar } from './harness'
import { tempDir } from '../helpers/tmp'

const t = tempDir('suiji-e2e-')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  t.cleanup()
})

describe('the app shell in a real browser', () => {
  const dbFile = join(t.dir, 'e2e.db')

  it('loads in Chinese, shows the open database file, and every area can be reached', async () => {
    const app = await new Running(dbFile).start()
    try {
      const page = await openApp(browser, app)
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
      expect(await page.locator('[data-nav="检查对象"]').innerText()).toBe('检查对象')
      await page.locator('[data-testid="db-file"]', { hasText: dbFile }).waitFor()
      expect(await page.title()).toContain(dbFile)
      await page.locator('[data-testid="demo-offer"]').waitFor()
      await shot(page, '01-home-empty')
      // Every area opens under its own title with content, never a blank page.
      for (const area of ['事项清单', '检查对象', '执法人员', '年度计划', '抽查任务', '随机抽取', '检查结果', '文书', '数据交换', '统计', '成员单位']) {
        await nav(page, area)
        const content = page.locator('.content')
        await expect.poll(async () => (await content.innerText()).trim().length, { timeout: 60_000 }).toBeGreaterThan(10)
      }
      // An unknown address falls back to the home page.
      await page.goto(new URL('#/no-such-area', page.url()).toString())
      await page.locator('.page-title', { hasText: '首页' }).waitFor()
      await nav(page, '设置')
      expect(await page.locator('[data-testid="s-dbfile"]').innerText()).toBe(dbFile)
      await shot(page, '02-settings')
      await nav(page, '首页')
      await page.close()
    } finally {
      await app.stop()
    }
  })

  it('adds and edits a department, and the change survives a restart of the host', async () => {
    let app = await new Running(dbFile).start()
    try {
      const page = await openApp(browser, app)
      await nav(page, '成员单位')
      await page.getByText('县市场监管局').first().waitFor()
      expect(await page.locator('[data-testid="departments-table"] tbody tr').count()).toBe(30)

      await page.locator('[data-testid="add-department"]').click()
      await page.locator('[data-testid="f-name"] input').fill('县邮政管理局')
      await page.locator('[data-testid="f-short"] input').fill('邮政局')
      await page.locator('[data-testid="f-code"] input').fill('yzj')
      await page.locator('[data-testid="save-department"]').click()
      await page.getByText('已保存').waitFor()
      await page.locator('[data-testid="departments-table"] tbody tr', { hasText: '县邮政管理局' }).waitFor()

      await page.locator('[data-testid="edit-YZJ"]').click()
      await page.locator('[data-testid="f-phone"] input').fill('0527-85221234')
      await page.locator('[data-testid="save-department"]').click()
      await page.locator('[data-testid="departments-table"] tbody tr', { hasText: '0527-85221234' }).waitFor()

      // A duplicate code is refused with a message that says what to do.
      await page.locator('[data-testid="add-department"]').click()
      await page.locator('[data-testid="f-name"] input').fill('县另一个单位')
      await page.locator('[data-testid="f-short"] input').fill('另一个')
      await page.locator('[data-testid="f-code"] input').fill('SCJG')
      await page.locator('[data-testid="save-department"]').click()
      await page.getByText('代码“SCJG”已被“县市场监管局”使用，请换一个代码。').waitFor()
      await shot(page, '03-departments-duplicate')
      await page.close()
    } finally {
      await app.stop()
    }

    app = await new Running(dbFile).start()
    try {
      const page = await openApp(browser, app)
      await nav(page, '成员单位')
      const row = page.locator('[data-testid="departments-table"] tbody tr', { hasText: '县邮政管理局' })
      await row.waitFor()
      expect(await row.innerText()).toContain('0527-85221234')
      expect(await row.innerText()).toContain('YZJ')
      expect(await page.locator('[data-testid="departments-table"] tbody tr').count()).toBe(31)
      await shot(page, '04-departments')
      await page.close()
    } finally {
      await app.stop()
    }
  })

  it('opening a file that is not a database shows a clear message and keeps the current one', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs')
    const bogus = join(t.dir, 'bogus.db')
    writeFileSync(bogus, '不是数据库'.repeat(50))
    const app = await new Running(dbFile).start()
    try {
      const page = await openApp(browser, app)
      await nav(page, '设置')
      await page.locator('[data-testid="s-open-path"] input').fill(bogus)
      await page.locator('[data-testid="s-open"]').click()
      await page.getByText('不是本程序的数据库文件').waitFor()
      await page.locator('[data-testid="db-file"]', { hasText: dbFile }).waitFor()
      expect(readFileSync(bogus, 'utf8')).toBe('不是数据库'.repeat(50))
      await shot(page, '05-open-bogus')
      await page.close()
    } finally {
      await app.stop()
    }
  })

  it('the API refuses calls without the launch token or from another origin', async () => {
    const app = await new Running(dbFile).start()
    try {
      const noToken = await fetch(`${app.host.url}api/departments.list`, { method: 'POST', body: '{}' })
      expect(noToken.status).toBe(401)
      const foreign = await fetch(`${app.host.url}api/departments.list`, {
        method: 'POST',
        body: '{}',
        headers: { 'X-Suiji-Token': app.host.token, Origin: 'http://evil.example' }
      })
      expect(foreign.status).toBe(403)
      const ok = await fetch(`${app.host.url}api/departments.list`, { method: 'POST', body: '{}', headers: { 'X-Suiji-Token': app.host.token } })
      const body = (await ok.json()) as { ok: boolean; data: unknown[] }
      expect(body.ok).toBe(true)
      expect(body.data.length).toBeGreaterThanOrEqual(30)
      const bad = await fetch(`${app.host.url}api/departments.create`, { method: 'POST', body: JSON.stringify({ name: '', shortName: '', code: '!' }), headers: { 'X-Suiji-Token': app.host.token } })
      const badBody = (await bad.json()) as { ok: boolean; error: { message: string } }
      expect(badBody.ok).toBe(false)
      expect(badBody.error.message).toMatch(/^输入有误：单位名称至少 2 个字/)
    } finally {
      await app.stop()
    }
  })

  it('an empty database offers the demo county, which loads from the home page', async () => {
    const app = await new Running(join(t.dir, 'demo.db')).start()
    try {
      const page = await openApp(browser, app)
      await page.locator('[data-testid="demo-offer"]').waitFor()
      // every text the progress shows is kept, so that no state is missed however fast or slow the machine
      const demoBar = await watchBar(page, 'demo-progress')
      await page.getByRole('button', { name: '载入演示数据' }).click()
      // a bar with what is being done, not a bare spinner
      const bar = page.locator('[data-testid="demo-progress"]')
      await bar.locator('.n-progress').waitFor()
      await shot(page, '06-home-demo-progress')
      await page.getByText(/已载入演示县数据：检查对象 30000 户，执法人员 300 人/).waitFor({ timeout: 120_000 })
      const phases = await demoBar()
      expect(phases.some((p) => p.startsWith('生成演示县的检查对象、执法人员和抽查事项'))).toBe(true)
      expect(phases.filter((p) => /^办理演示年度的工作：\d+月\d+日 \S+（第 \d+ 步，还有 \d+ 步）……$/.test(p)).length).toBeGreaterThan(0)
      await bar.waitFor({ state: 'detached' })
      await page.locator('[data-testid="demo-offer"]').waitFor({ state: 'detached' })
      // The deadline panels appear once, below the counts (a stale copy used to stay where the offer was).
      await page.locator('[data-testid="home-deadlines"]').first().waitFor()
      await page.waitForTimeout(300)
      expect(await page.locator('[data-testid="home-deadlines"]').count()).toBe(1)
      expect(await page.locator('.n-statistic', { hasText: '检查对象' }).innerText()).toMatch(/30,?000/)
      await shot(page, '06-home-demo')
      await page.close()
    } finally {
      await app.stop()
    }
  })
})
