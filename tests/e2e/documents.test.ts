import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, Running, shot, nav } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import { createTask } from '../../electron/services/tasks/service'
import { performDraw, publishWithAnnouncement } from '../../electron/services/draws/records'
import { todayText } from '../../electron/services/time'
import { updateSettings } from '../../electron/services/settings/service'
import { parts, text } from '../unit/documents/helpers'
import { currentPeriod } from '../unit/documents/demoTask'

const t = tempDir('suiji-e2e-documents-')
const dbFile = join(t.dir, 'county.db')
const exportDir = join(t.dir, '导出')
let browser: Browser
let app: Running
let page: Page
let drawn: { name: string; code: string; order: number }[] = []
let wjItems: string[] = []

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  const ctx = wb.ctx()
  generateDemoCounty(ctx, { objects: 3000, seed: 'e2e-docs' })
  const dept = Object.fromEntries((ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]).map((d) => [d.name, d.id]))
  const uids = (d: number, n: number) => (ctx.sqlite.prepare(`SELECT uid FROM items WHERE dept_id = ? AND level = '重点' ORDER BY sort_order LIMIT ?`).all(d, n) as { uid: string }[]).map((r) => r.uid)
  wjItems = (ctx.sqlite.prepare('SELECT name FROM items WHERE dept_id = ? ORDER BY sort_order').all(dept['县卫健局']) as { name: string }[]).map((r) => r.name)
  const task = createTask(ctx, {
    name: '2026年市场主体部门联合双随机抽查',
    adhocReason: '专项整治',
    initiatorDeptId: dept['县市场监管局'],
    departments: [
      { deptId: dept['县市场监管局'], itemUids: uids(dept['县市场监管局'], 2), inspectorsPerObject: 2 },
      { deptId: dept['县卫健局'], itemUids: uids(dept['县卫健局'], 1), inspectorsPerObject: 1 }
    ],
    scope: { kinds: ['market'] },
    rule: { A: { mode: 'ratio', value: 60 }, B: { mode: 'ratio', value: 60 }, C: { mode: 'ratio', value: 60 }, D: { mode: 'ratio', value: 60 } },
    ...currentPeriod()
  })
  publishWithAnnouncement(ctx, task.id, { drawDate: todayText() })
  drawn = performDraw(ctx, task.id, { sources: [{ kind: 'witness', label: '张三', value: '314159' }, { kind: 'witness', label: '李四', value: '271829' }, { kind: 'witness', label: '王见证', value: '271828' }], operator: '王丽' }).objects
  wb.close()
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  page = await openApp(browser, app)
}, 120_000)
afterAll(async () => {
  await page?.close()
  await app?.stop()
  await browser?.close()
  t.cleanup()
})

/** Filterable selects scroll virtually: type to narrow the list first. */
async function pick(p: Page, testid: string, option: string) {
  await p.locator(`[data-testid="${testid}"]`).click()
  await p.keyboard.type(option)
  await p.locator('.n-base-select-option', { hasText: option }).first().click()
}
const docText = (file: string) => text(parts(readFileSync(file))['word/document.xml'])

describe('the 文书 page', () => {
  it('generates a department’s 事项清单, and asks before overwriting it', async () => {
    await nav(page, '文书')
    await page.locator('[data-testid="doc-kind-itemList"]').click()
    await pick(page, 'doc-dept', '县卫健局')
    await page.locator('[data-testid="doc-generate"]').click()
    await page.locator('[data-testid="docs-result"]', { hasText: '生成完成' }).waitFor()
    const links = page.locator('[data-testid="docs-files"] a')
    expect(await links.count()).toBe(1)
    expect(await links.first().textContent()).toBe('县卫健局随机抽查事项清单.docx')
    expect(await links.first().getAttribute('href')).toContain('/download?')
    const file = join(exportDir, '县卫健局随机抽查事项清单.docx')
    const body = docText(file)
    for (const name of wjItems) expect(body).toContain(name)
    await page.locator('[data-testid="docs-close"]').click()

    // the same again: the file exists, so the page asks first
    await page.locator('[data-testid="doc-generate"]').click()
    await page.getByText('文件已存在').waitFor()
    await page.getByRole('button', { name: '覆盖', exact: true }).click()
    await page.locator('[data-testid="docs-result"]', { hasText: '生成完成' }).waitFor()
    await page.locator('[data-testid="docs-close"]').click()
  })

  it('generates the combined 检查表 of a drawn task with progress and lists the file', async () => {
    await page.locator('[data-testid="doc-kind-forms"]').click()
    await page.locator('[data-testid="doc-task"]', { hasText: '2026年市场主体部门联合双随机抽查' }).waitFor()
    await page.locator('[data-testid="doc-mode-combined"]').click()
    await page.waitForTimeout(300)
    await shot(page, 'documents-page')
    // Sample the dialog while it runs: the progress bar, then the result.
    await page.locator('[data-testid="doc-generate"]').click()
    await page.locator('[data-testid="docs-dialog"]').waitFor()
    const sawProgress = await page
      .locator('[data-testid="docs-progress"]')
      .waitFor({ timeout: 3000 })
      .then(() => true)
      .catch(() => false)
    await page.locator('[data-testid="docs-result"]', { hasText: '生成完成' }).waitFor({ timeout: 120_000 })
    expect(sawProgress).toBe(true)
    const name = (await page.locator('[data-testid="docs-files"] a').first().textContent())!
    expect(name).toMatch(/随机抽查检查表（合订）\.docx$/)
    await page.waitForTimeout(300)
    await shot(page, 'documents-result')
    const file = join(exportDir, name)
    expect(existsSync(file)).toBe(true)
    const body = docText(file)
    expect(drawn.length).toBeGreaterThan(100)
    for (const o of drawn) expect(body).toContain(o.code)
    await page.locator('[data-testid="docs-close"]').click()
  })

  it('previews the combined 检查表 as A4 sheets with the first objects, prints only the sheets, and saves from the preview', async () => {
    // the form still has 检查表 and the drawn task selected
    await page.locator('[data-testid="doc-preview-open"]').click()
    const sheets = page.locator('[data-testid="doc-preview-sheets"] .doc-sheet')
    await sheets.first().waitFor()
    expect(await sheets.count()).toBe(3)
    const shown = (await page.locator('[data-testid="doc-preview-sheets"]').textContent())!
    const first = [...drawn].sort((a, b) => a.order - b.order)
    for (const o of first.slice(0, 3)) expect(shown).toContain(o.name)
    expect(shown).toContain('被检查对象签字（盖章）')
    expect(await page.locator('[data-testid="doc-preview-note"]').textContent()).toContain(`共 ${drawn.length} 份`)
    // A4 portrait proportions on screen, once the modal has finished zooming in
    await expect.poll(async () => Math.round((await sheets.first().boundingBox())!.width), { timeout: 5000 }).toBe(794)
    const box = (await sheets.first().boundingBox())!
    expect(box.height / box.width).toBeGreaterThanOrEqual(1.41)
    await page.waitForTimeout(300)
    await shot(page, 'documents-preview')

    // What 打印 prints: only the sheets (print media with the class the button sets).
    await page.evaluate("document.body.classList.add('printing-doc')")
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('#doc-print .doc-sheet').count()).toBe(3)
    expect(await page.locator('#doc-print').isVisible()).toBe(true)
    expect(await page.locator('[data-testid="doc-preview"]').isVisible()).toBe(false)
    await shot(page, 'documents-print')
    await page.emulateMedia({ media: 'screen' })
    await page.evaluate("document.body.classList.remove('printing-doc')")

    // 保存为 Word goes on to generate; the file exists already, so it asks first
    await page.locator('[data-testid="doc-preview-save"]').click()
    await page.getByText('文件已存在').waitFor()
    await page.getByRole('button', { name: '不覆盖', exact: true }).click()
  })

  it('每户一个文件 in the browser: one link per file and all of them as one .zip', async () => {
    await page.locator('[data-testid="doc-kind-forms"]').click()
    await page.locator('[data-testid="doc-mode-separate"]').click()
    await page.locator('[data-testid="doc-generate"]').click()
    await page.locator('[data-testid="docs-result"]', { hasText: '生成完成' }).waitFor({ timeout: 180_000 })
    expect(await page.locator('[data-testid="docs-files"] a').count()).toBe(drawn.length)
    const zip = page.locator('[data-testid="docs-zip"]')
    expect(await zip.innerText()).toContain(`${drawn.length} 个文件`)
    const [download] = await Promise.all([page.waitForEvent('download'), zip.click()])
    expect(download.suggestedFilename()).toMatch(/\.zip$/)
    const saved = join(t.dir, 'all.zip')
    await download.saveAs(saved)
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync(saved))))
    expect(files.length).toBe(drawn.length)
    for (const o of drawn) expect(files.some((f) => f.includes(o.name))).toBe(true)
    await page.locator('[data-testid="docs-close"]').click()
  })

  it('explains why a task-less or undrawn choice cannot be generated', async () => {
    await page.locator('[data-testid="doc-kind-resultSummary"]').click()
    expect(await page.locator('[data-testid="doc-generate"]').isDisabled()).toBe(true)
    await page.locator('[data-testid="doc-missing"]').waitFor()
  })

  it('says before 生成 that the 通知书 lacks its contact, and where to fill it in', async () => {
    const ctx = app.wb.ctx()
    ctx.sqlite.prepare(`UPDATE departments SET contact = '', phone = '' WHERE name = '县市场监管局'`).run()
    updateSettings(ctx, { contactPerson: '', contactPhone: '' })
    await nav(page, '首页')
    await nav(page, '文书')
    await page.locator('[data-testid="doc-kind-notices"]').click()
    const warn = page.locator('[data-testid="doc-warnings"]')
    await warn.getByText('通知书上必须印联系人和联系电话，目前没有填写联系人和联系电话').waitFor()
    expect(await warn.innerText()).toContain('“成员单位”中填写县市场监管局的联系人和电话')
    await warn.getByRole('button', { name: '去设置填写' }).waitFor()
    // only the phone missing: it says so
    updateSettings(ctx, { contactPerson: '王丽' })
    await nav(page, '首页')
    await nav(page, '文书')
    await page.locator('[data-testid="doc-kind-notices"]').click()
    await warn.getByText('目前没有填写联系电话').waitFor()
  })
})
