/**
 * 载入演示数据 on an empty database, then every page: each shows the county's
 * year (not an empty table) and is photographed for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { closeAll, launchBrowser, nav, openApp, Running, shot } from './harness'
import { tempDir } from '../helpers/tmp'

const t = tempDir('suiji-e2e-demo-')
let browser: Browser | undefined
let app: Running | undefined
let page: Page | undefined

beforeAll(async () => {
  browser = await launchBrowser()
  app = await new Running(join(t.dir, 'empty.db')).start()
  page = await openApp(browser, app)
})
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

/** What each page must show right after the demo was loaded (texts the demo year is known to produce). */
const PAGES: [string, string[]][] = [
  ['事项清单', ['企业年度报告公示信息的抽查']],
  ['检查对象', ['泗阳县']],
  ['执法人员', ['县市场监管局']],
  ['年度计划', ['餐饮服务单位食品安全联合检查', '旅馆业联合检查']],
  ['抽查任务', ['娱乐场所联合检查', '已取消', '草稿']],
  ['随机抽取', ['联合检查']],
  ['检查结果', ['联合检查']],
  ['文书', ['随机抽查事项清单']],
  ['数据交换', ['泗阳县市场监督管理局']],
  ['统计', ['部门联合双随机监管率']],
  ['成员单位', ['县市场监管局']],
  ['设置', ['法定节假日安排']]
]

describe('the demo county year in a real browser', () => {
  it('loads from the home page of an empty database and every page shows its content', async () => {
    const p = page!
    // the host runs in this process: the click returns once the demo is built, so it gets the demo's time
    await p.locator('[data-testid="demo-offer"] button').click({ timeout: 300_000 })
    await p.locator('[data-testid="demo-offer"]').waitFor({ state: 'detached', timeout: 300_000 })
    // 首页: one task overdue for publication, one due within days
    await p.getByText('娱乐场所联合检查').first().waitFor()
    await p.getByText('成品油零售企业联合检查').first().waitFor()
    await shot(p, 'demo-00-首页')
    let n = 1
    // every page is photographed even when one misses its content, so that all can be looked at
    const missing: string[] = []
    for (const [title, texts] of PAGES) {
      await nav(p, title)
      for (const text of texts) {
        const found = await p.locator('.content').getByText(text).first().waitFor({ timeout: 20_000 }).then(() => true, () => false)
        if (!found) missing.push(`${title}：${text}`)
      }
      // 设置 lists the automatic backups, of which a fresh database has none yet
      if (title !== '设置' && (await p.locator('.content .n-data-table-empty:visible').count())) missing.push(`${title}：空表格`)
      await shot(p, `demo-${String(n++).padStart(2, '0')}-${title}`)
    }
    expect(missing).toEqual([])
  }, 600_000)
})
