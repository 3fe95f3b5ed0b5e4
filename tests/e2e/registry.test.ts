import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { closeAll, dbQueries, launchBrowser, openApp, Running, shot, nav } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import { uscc, badUscc } from '../unit/registry/fixtures/ids'

const t = tempDir('suiji-e2e-registry-')
const dbFile = join(t.dir, 'county.db')
let browser: Browser
let app: Running
let page: Page

const { one: sql } = dbQueries(dbFile)
const count = (where: string, ...params: unknown[]) => sql<{ n: number }>(`SELECT count(*) AS n FROM objects WHERE ${where}`, ...params).n

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  generateDemoCounty(wb.ctx(), { objects: 30_000, seed: 'e2e' })
  wb.close()
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  page = await openApp(browser, app)
})
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

async function total(p: Page, n: number) {
  await p.locator('[data-testid="object-total"]', { hasText: new RegExp(`(共|筛选出) ${n} 户`) }).waitFor()
}
async function pick(p: Page, testid: string, option: string | RegExp) {
  await p.locator(`[data-testid="${testid}"]`).click()
  await p.locator('.n-base-select-option', { hasText: option }).first().click()
}
async function clearSelect(p: Page, testid: string) {
  await p.locator(`[data-testid="${testid}"]`).hover()
  await p.locator(`[data-testid="${testid}"] .n-base-clear`).click()
}
/** Lets transitions (drawer slide-in, loading fade) finish so that the screenshot shows the settled page. */
const settle = (p: Page) => p.waitForTimeout(500)
const rows = (p: Page) => p.locator('[data-testid="objects-table"] tbody tr')

describe('the registries with the demo county', () => {
  it('browses, searches by name and code, and filters objects by township and class', async () => {
    await nav(page, '检查对象')
    await total(page, 30000)
    expect(await rows(page).count()).toBe(50)
    await settle(page)
    await shot(page, 'registry-objects')

    // A name substring: 4 characters from the middle of one object's name.
    const o = sql<{ name: string; code: string }>('SELECT name, code FROM objects WHERE id = 12345')
    const part = [...o.name].slice(2, 6).join('')
    const like = `%${part}%`
    const expected = count('name LIKE ? OR code LIKE ? OR address LIKE ?', like, like, like)
    await page.locator('[data-testid="object-search"] input').fill(part)
    await total(page, expected)
    await rows(page).filter({ hasText: o.name }).first().waitFor()

    // A code substring: 8 characters from the middle of the code.
    const codePart = o.code.slice(6, 14)
    const byCode = count('code LIKE ? OR name LIKE ? OR address LIKE ?', `%${codePart}%`, `%${codePart}%`, `%${codePart}%`)
    await page.locator('[data-testid="object-search"] input').fill(codePart)
    await total(page, byCode)
    await rows(page).filter({ hasText: o.code }).first().waitFor()
    await page.locator('[data-testid="object-search"] input').fill('')
    await total(page, 30000)

    const town = sql<{ township: string }>(`SELECT township FROM objects WHERE township <> '' GROUP BY township ORDER BY count(*) DESC LIMIT 1`).township
    await pick(page, 'filter-township', town)
    await total(page, count('township = ?', town))
    await pick(page, 'filter-class', /^C 类$/)
    const n = count(`township = ? AND credit_class = 'C'`, town)
    expect(n).toBeGreaterThan(0)
    await total(page, n)
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain(town)

    // exported now, the file says it is a filtered part and which, never the name of the whole registry
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="registry-export-xlsx"]').click()])
    expect(download.suggestedFilename()).toBe(`检查对象名录库（筛选：${town}、C类）.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await download.path())
    // its rows (one sheet per kind of object, each under its title and header) are the filtered objects
    let objects = 0
    for (const ws of book.worksheets) ws.eachRow((row) => void ((row.values as unknown[]).includes(town) && objects++))
    expect(objects).toBe(n)
  })

  it('bulk-tags the filtered set after a confirmation that says how many', async () => {
    const town = sql<{ township: string }>(`SELECT township FROM objects WHERE township <> '' GROUP BY township ORDER BY count(*) DESC LIMIT 1`).township
    const n = count(`township = ? AND credit_class = 'C'`, town)
    await page.locator('[data-testid="bulk-menu"]').click()
    await page.locator('.n-dropdown-option', { hasText: '给筛选结果添加标签' }).click()
    await page.locator('[data-testid="bulk-tag"] input').fill('专项E2E')
    await page.locator('[data-testid="bulk-apply"]').click()
    await page.locator('.n-dialog', { hasText: `将对当前筛选出的 ${n} 户检查对象添加标签“专项E2E”` }).waitFor()
    await settle(page)
    await shot(page, 'registry-bulk-confirm')
    await page.getByRole('button', { name: `确定修改 ${n} 户` }).click()
    await page.getByText(`筛选出 ${n} 户，实际修改 ${n} 户`).waitFor()
    expect(count(`(' ' || tags || ' ') LIKE '% 专项E2E %'`)).toBe(n)
    expect(count(`(' ' || tags || ' ') LIKE '% 专项E2E %' AND (township <> ? OR credit_class <> 'C')`, town)).toBe(0)
    await clearSelect(page, 'filter-township')
    await clearSelect(page, 'filter-class')
    await total(page, 30000)
    await pick(page, 'filter-tag', '专项E2E')
    await total(page, n)
    await clearSelect(page, 'filter-tag')
    await total(page, 30000)
  })

  it('edits an object with the import’s validation, and the change persists', async () => {
    const o = sql<{ name: string; code: string }>('SELECT name, code FROM objects WHERE id = 20000')
    await page.locator('[data-testid="object-search"] input').fill(o.code)
    await total(page, 1)
    await page.locator(`[data-testid="edit-object-${o.code}"]`).click()
    await page.locator('[data-testid="o-name"] input').waitFor()
    expect(await page.locator('[data-testid="o-code"] input').isDisabled()).toBe(true)
    await page.locator('[data-testid="o-established"] input').fill('2019年13月1日')
    await page.locator('[data-testid="object-save"]').click()
    await page.locator('[data-testid="object-error"]', { hasText: '成立日期“2019年13月1日”无法识别（可写作 2019-03-05）。请修改后再保存。' }).waitFor()
    await settle(page)
    await shot(page, 'registry-object-edit')
    await page.locator('[data-testid="o-established"] input').fill('2019.3.5')
    await page.locator('[data-testid="o-name"] input').fill(`${o.name}（已核实）`)
    await page.locator('[data-testid="object-save"]').click()
    await rows(page).filter({ hasText: `${o.name}（已核实）` }).waitFor()

    await page.reload()
    await nav(page, '检查对象')
    await page.locator('[data-testid="object-search"] input').fill('已核实')
    await total(page, 1)
    await rows(page).filter({ hasText: o.code }).waitFor()
    const saved = sql<{ name: string; established_on: string }>('SELECT name, established_on FROM objects WHERE code = ?', o.code)
    expect(saved).toEqual({ name: `${o.name}（已核实）`, established_on: '2019-03-05' })
    await page.locator('[data-testid="object-search"] input').fill('')
  })

  it('imports a small .xlsx through the page and shows the rejected row with its number and reason', async () => {
    const file = join(t.dir, '新增对象.xlsx')
    const wbx = new ExcelJS.Workbook()
    const ws = wbx.addWorksheet('市场主体')
    ws.addRow(['（某局）检查对象名录库（市场主体）'])
    ws.mergeCells('A1:D1')
    ws.addRow(['序号', '统一社会信用代码', '市场主体名称', '乡镇/片区'])
    ws.addRow([1, uscc(1, '91329999'), '导入测试甲商行', '城关镇'])
    ws.addRow([2, badUscc(2), '导入测试乙商行', '城关镇'])
    ws.addRow([3, uscc(3, '91329999'), '导入测试丙商行', '城关镇'])
    await wbx.xlsx.writeFile(file)

    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-testid="registry-import"]').click()
    await (await chooser).setFiles(file)
    // First the preview: counts and the rejected row, nothing written yet.
    await page.locator('[data-testid="import-preview"]').waitFor({ timeout: 30_000 })
    const counts = await page.locator('[data-testid="import-counts"]').innerText()
    expect(counts.replace(/\s+/g, ' ')).toContain('将新增 2')
    expect(counts.replace(/\s+/g, ' ')).toContain('将拒绝 1')
    expect(count(`name LIKE '导入测试%'`)).toBe(0)
    await settle(page)
    await shot(page, 'registry-import-preview')
    await page.locator('[data-testid="import-confirm"]').click()
    await page.locator('[data-testid="import-result"]', { hasText: '有 1 行未导入' }).waitFor({ timeout: 30_000 })
    const reject = page.locator('[data-testid="import-rejects"] tbody tr')
    expect(await reject.count()).toBe(1)
    const text = await reject.innerText()
    expect(text).toMatch(/^4\s/)
    expect(text).toContain(`统一社会信用代码“${badUscc(2)}”校验位错误，应为 ${uscc(2)[17]}，请核对`)
    await page.locator('[data-testid="import-save-rejects"]').waitFor()
    await settle(page)
    await shot(page, 'registry-import-result')
    await page.locator('[data-testid="import-close"]').click()
    await total(page, 30002)
    expect(count(`name LIKE '导入测试%'`)).toBe(2)

    // A second file that changes one field: the preview lists it old → new; 取消 leaves the database as it was.
    const changed = join(t.dir, '修改对象.xlsx')
    const wb2 = new ExcelJS.Workbook()
    const ws2 = wb2.addWorksheet('市场主体')
    ws2.addRow(['序号', '统一社会信用代码', '市场主体名称', '乡镇/片区'])
    ws2.addRow([1, uscc(1, '91329999'), '导入测试甲商行', '王集镇'])
    ws2.addRow([2, uscc(3, '91329999'), '导入测试丙商行', '城关镇'])
    await wb2.xlsx.writeFile(changed)
    const chooser2 = page.waitForEvent('filechooser')
    await page.locator('[data-testid="registry-import"]').click()
    await (await chooser2).setFiles(changed)
    await page.locator('[data-testid="import-preview"]').waitFor({ timeout: 30_000 })
    const counts2 = (await page.locator('[data-testid="import-counts"]').innerText()).replace(/\s+/g, ' ')
    expect(counts2).toContain('将更新 1')
    expect(counts2).toContain('未变 1')
    const change = page.locator('[data-testid="import-changes"] tbody tr')
    expect(await change.count()).toBe(1)
    expect(await change.innerText()).toContain('“城关镇” → “王集镇”')
    await settle(page)
    await shot(page, 'registry-import-preview-changes')
    await page.locator('[data-testid="import-preview-cancel"]').click()
    expect(sql<{ township: string }>('SELECT township FROM objects WHERE code = ?', uscc(1, '91329999')).township).toBe('城关镇')
  })

  it('shows inspectors masked in the list and in full in the detail', async () => {
    await nav(page, '执法人员')
    const n = sql<{ n: number }>('SELECT count(*) AS n FROM inspectors').n
    await page.locator('[data-testid="inspector-total"]', { hasText: `共 ${n} 人` }).waitFor()
    const first = page.locator('[data-testid="inspectors-table"] tbody tr').first()
    await first.waitFor()
    const name = (await first.locator('td').first().innerText()).trim()
    const full = sql<{ id: number; id_number: string; phone: string }>('SELECT id, id_number, phone FROM inspectors WHERE name = ? ORDER BY id LIMIT 1', name)
    const listText = await page.locator('[data-testid="inspectors-table"]').innerText()
    expect(listText).toContain(`${full.id_number.slice(0, 4)}**********${full.id_number.slice(-4)}`)
    expect(listText).not.toContain(full.id_number)
    if (full.phone) expect(listText).not.toContain(full.phone)
    await settle(page)
    await shot(page, 'registry-inspectors')

    await first.locator('button', { hasText: '详情' }).click()
    await page.locator('[data-testid="i-id"] input').waitFor()
    await expect.poll(() => page.locator('[data-testid="i-id"] input').inputValue()).toBe(full.id_number)
    if (full.phone) expect(await page.locator('[data-testid="i-phone"] input').inputValue()).toBe(full.phone)
    await settle(page)
    await shot(page, 'registry-inspector-detail')
    await page.keyboard.press('Escape')
  })

  it('shows each department’s item list with 重点/一般', async () => {
    await nav(page, '事项清单')
    const table = page.locator('[data-testid="items-table"] tbody tr')
    await table.first().waitFor()
    const deptRow = sql<{ dept_id: number; n: number }>(
      'SELECT i.dept_id, count(*) AS n FROM items i JOIN departments d ON d.id = i.dept_id WHERE d.active = 1 GROUP BY i.dept_id ORDER BY d.sort_order LIMIT 1'
    )
    expect(await table.count()).toBe(deptRow.n)
    const text = await page.locator('[data-testid="items-table"]').innerText()
    expect(text).toMatch(/重点|一般/)
    await settle(page)
    await shot(page, 'registry-items')
  })
})
