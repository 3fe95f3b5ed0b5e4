import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { callApi, closeAll, dbQueries, launchBrowser, openApp, Running, shot, nav, still } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import { addWorkdays } from '../../electron/services/workdays'
import type { ResultInput, ResultSheet, Task, TaskProgress } from '@contract'

const t = tempDir('suiji-e2e-results-')
const dbFile = join(t.dir, 'county.db')
let browser: Browser
let app: Running
let page: Page

const call = <T>(channel: string, input: unknown) => callApi<T>(app, channel, input)
const { one } = dbQueries(dbFile)
const dept = (code: string) => one<{ id: number }>('SELECT id FROM departments WHERE code = ?', code).id
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)
/** The grid of one department, once its sheet has loaded. */
const gridOf = (p: Page, deptName: string) => p.locator(`[data-testid="result-grid"][data-dept="${deptName}"]`).waitFor()
async function pickDept(p: Page, deptName: string) {
  await p.locator('[data-testid="results-dept"]').click()
  await p.locator('.n-base-select-option', { hasText: deptName }).click()
  await gridOf(p, deptName)
}
/** Screenshots without the toasts of the last actions. */
const quiet = (p: Page) => p.locator('.n-message').first().waitFor({ state: 'detached', timeout: 10_000 })

/** A small joint task (市场监管 + 卫健) drawn for real: `n` B-class and `n` C-class 餐饮 objects. */
async function drawnTask(name: string, start: string, n = 1, joint = true): Promise<Task> {
  const task = await call<Task>('tasks.create', {
    name,
    adhocReason: '投诉举报',
    initiatorDeptId: dept('SCJG'),
    departments: [
      { deptId: dept('SCJG'), itemUids: ['SCJG-07'], inspectorsPerObject: 2 },
      ...(joint ? [{ deptId: dept('WJJ'), itemUids: ['WJJ-01'], inspectorsPerObject: 1 }] : [])
    ],
    scope: { industries: ['餐饮服务'] },
    rule: { A: { mode: 'count', value: 0 }, B: { mode: 'count', value: n }, C: { mode: 'count', value: n }, D: { mode: 'count', value: 0 } },
    periodStart: start,
    periodEnd: '2026-12-31'
  })
  await call('draws.publish', { taskId: task.id, drawDate: today(), planned: { witnessCount: 3, publicLabels: [] } })
  await call('draws.perform', {
    taskId: task.id,
    operator: '王五',
    sources: [
      { kind: 'witness', label: '张三', value: '314159' },
      { kind: 'witness', label: '李四', value: '271829' },
      { kind: 'witness', label: '王见证', value: '271828' }
    ]
  })
  return task
}

/** Every result of a task entered through the API with one check date (all 未发现问题). */
async function enterAll(task: Task, date: string, only?: string): Promise<TaskProgress> {
  let last: TaskProgress | null = null
  for (const code of only ? [only] : ['SCJG', 'WJJ']) {
    const sheet = await call<ResultSheet>('results.sheet', { taskId: task.id, deptId: dept(code) })
    const results: ResultInput[] = sheet.rows.map((r) => ({ objectCode: r.objectCode, deptId: sheet.deptId, itemUid: r.itemUid, category: '未发现问题', methods: ['实地检查'], checkDate: date }))
    last = (await call<{ progress: TaskProgress }>('results.save', { taskId: task.id, results })).progress
  }
  return last!
}

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  generateDemoCounty(wb.ctx(), { objects: 3000, seed: 'e2e-results' })
  wb.close()
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  // for the home page: one task due within 5 working days, one overdue, one with a department's results missing
  let soon = today()
  while (addWorkdays(soon, 20) > addWorkdays(today(), 3)) soon = new Date(Date.parse(soon) - 86400000).toISOString().slice(0, 10)
  const a = await drawnTask('农贸市场周边餐饮联合抽查', '2026-04-01')
  expect((await enterAll(a, soon)).dueOn! >= today()).toBe(true)
  const b = await drawnTask('学校周边餐饮服务单位联合抽查', '2026-04-01')
  expect((await enterAll(b, '2026-09-01')).dueOn).toBe(addWorkdays('2026-09-01', 20))
  const c = await drawnTask('旅游景区餐饮单位联合抽查', '2026-04-01')
  await enterAll(c, today(), 'SCJG')
  // and one completed today: its deadline is 20 working days away, far from 即将到期, yet it waits for 公示
  const e = await drawnTask('景区周边餐饮单位联合抽查', '2026-04-01')
  await enterAll(e, today())
  await drawnTask('城区餐饮服务单位食品安全联合抽查', '2026-04-01', 2)
  page = await openApp(browser, app)
}, 120_000)
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

describe('检查结果 in the browser', () => {
  it('enters a task’s results with the keyboard, sees completion and the deadline', async () => {
    await nav(page, '检查结果')
    await page.locator('[data-testid="result-grid"]').waitFor()
    await expect(page.locator('[data-testid="results-task"]').innerText()).resolves.toContain('城区餐饮服务单位食品安全联合抽查')
    await expect(page.locator('[data-testid="result-grid"] tbody tr').count()).resolves.toBe(4)

    // 市场监管局: row 1 → 10 发现问题已责令改正 (code E), Tab to 核查方式, Tab to 检查情况 and type;
    // rows 2–4 → 1 ⏎ 1 ⏎ 1, typed as fast as the keyboard goes (a "1" after Enter once read as "11")
    await page.locator('[data-cell="0-category"]').focus()
    await page.keyboard.press('1')
    await page.keyboard.press('0')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.type('后厨防蝇设施缺失，已当场责令改正')
    await page.locator('[data-cell="0-category"]').focus()
    await page.keyboard.press('Enter')
    for (const key of ['1', 'Enter', '1', 'Enter', '1']) await page.keyboard.press(key)
    await expect(page.locator('[data-cell="0-category"]').inputValue()).resolves.toBe('发现问题已责令改正')
    for (const row of [1, 2, 3]) await expect(page.locator(`[data-cell="${row}-category"]`).inputValue()).resolves.toBe('未发现问题')
    // two digits typed in one cell still make one number: 1 then 1 is 11
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.press('1')
    await page.keyboard.press('1')
    await expect(page.locator('[data-cell="3-category"]').inputValue()).resolves.toBe('未发现开展本次抽查涉及的经营活动')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.press('1')
    await page.keyboard.press('Enter')
    await page.keyboard.press('1')
    await expect(page.locator('[data-cell="3-category"]').inputValue()).resolves.toBe('未发现问题')
    await expect(page.locator('[data-testid="grid-save"]').innerText()).resolves.toContain('4 行')
    await page.keyboard.press('Control+s')
    await page.locator('[data-testid="progress-card"]', { hasText: '县市场监管局 4/4' }).waitFor()

    // 卫健局: 18 合格 on the first row, filled down the column with Ctrl+D
    await pickDept(page, '县卫健局')
    await page.locator('[data-cell="0-category"]').focus()
    await page.keyboard.press('1')
    await page.keyboard.press('8')
    await page.keyboard.press('Control+d')
    await expect(page.locator('[data-cell="3-category"]').inputValue()).resolves.toBe('合格')
    await page.keyboard.press('Control+s')
    await page.locator('[data-testid="task-status"]', { hasText: '已完成' }).waitFor()
    const due = addWorkdays(today(), 20)
    await expect(page.locator('[data-testid="deadline"]').innerText()).resolves.toContain(`公示期限 ${due}`)
    await expect(page.locator('[data-testid="completed-on"]').innerText()).resolves.toBe(today())
    // back to 市场监管局 for the picture: the problem row with its findings, the rest 未发现问题
    await pickDept(page, '县市场监管局')
    for (const row of [1, 2, 3]) await expect(page.locator(`[data-cell="${row}-category"]`).inputValue()).resolves.toBe('未发现问题')
    await expect(page.locator('[data-cell="0-findings"]').inputValue()).resolves.toBe('后厨防蝇设施缺失，已当场责令改正')
    await quiet(page)
    await page.locator('[data-cell="1-category"]').focus()
    await shot(page, 'results-grid')
  })

  it('reviews: a return needs an opinion; both departments submit and pass; then it publishes, and a correction keeps the original beside it', async () => {
    await page.locator('.n-tabs-tab', { hasText: '审核' }).click()
    await page.locator('[data-testid="review-person"] input').fill('钱录入')
    await page.locator('[data-testid="review-reviewer"] input').fill('赵审核')
    for (const [i, d] of ['县市场监管局', '县卫健局'].entries()) {
      await page.locator('[data-testid="review-dept"]').click()
      await page.locator('.n-base-select-option', { hasText: d }).click()
      await page.locator('[data-testid="review-submit"]').click()
      await page.locator('[data-testid="review-pending"]', { hasText: '待审核 4' }).waitFor()
      if (d === '县市场监管局') {
        await page.locator('[data-testid="review-return"]').click()
        await page.locator('[data-testid="review-error"]', { hasText: '退回时请写明审核意见' }).waitFor()
      }
      await page.locator('[data-testid="review-note"] input').fill('与检查表一致')
      await page.locator('[data-testid="review-pass"]').click()
      await page.locator('[data-testid="review-passed"]', { hasText: `已通过 ${4 * (i + 1)}` }).waitFor()
    }
    await quiet(page)
    await shot(page, 'results-review')
    await page.locator('.n-tabs-tab', { hasText: '公示与更正' }).click()
    // 登记已公示 cannot be undone: it asks first, and 再检查一下 leaves the task as it was
    await page.locator('[data-testid="publish"]').click()
    await page.locator('.n-dialog', { hasText: '登记后不能撤销' }).getByRole('button', { name: '再检查一下' }).click()
    await page.locator('.n-dialog').waitFor({ state: 'detached' })
    await expect(page.locator('[data-testid="task-status"]').innerText()).resolves.toBe('已完成')
    await page.locator('[data-testid="publish"]').click()
    await page.locator('.n-dialog', { hasText: '登记后不能撤销' }).getByRole('button', { name: '确定登记' }).click()
    await page.locator('[data-testid="published-on"]').waitFor()
    await expect(page.locator('[data-testid="task-status"]').innerText()).resolves.toBe('已公示')

    await page.locator('.n-tabs-tab', { hasText: '结果录入' }).click()
    await pickDept(page, '县市场监管局')
    await page.locator('[data-testid="result-grid"][data-locked="true"]').waitFor()
    await expect(page.locator('[data-cell="0-category"]').isDisabled()).resolves.toBe(true)
    const team = await page.locator('[data-cell="0-inspectors"]').inputValue()
    expect(team).not.toBe('')
    await page.locator('[data-testid="correct-0"]').click()
    const modal = page.locator('[data-testid="correction-modal"]')
    await expect(modal.locator('[data-testid="corr-inspectors"] input').inputValue()).resolves.toBe(team)
    // a correction without reason or head is refused in plain Chinese, naming no field by its program name
    await modal.locator('[data-testid="corr-submit"]').click()
    const refusal = await modal.locator('.n-alert').innerText()
    expect(refusal).toContain('请写明更正原因')
    expect(refusal).not.toMatch(/[A-Za-z]/)
    await modal.locator('[data-testid="corr-findings"] textarea').fill('后厨防蝇设施缺失、餐具消毒记录不全，已当场责令改正')
    await modal.locator('[data-testid="corr-reason"] input').fill('复核检查表发现漏录一项问题')
    await modal.locator('[data-testid="corr-approver"] input').fill('周局长')
    await modal.locator('[data-testid="corr-submit"]').click()
    await modal.waitFor({ state: 'detached' })
    await page.locator('.n-tabs-tab', { hasText: '公示与更正' }).click()
    const table = page.locator('[data-testid="corrections"]')
    await table.waitFor()
    const text = await table.innerText()
    expect(text).toContain('原：后厨防蝇设施缺失，已当场责令改正')
    expect(text).toContain('更正：后厨防蝇设施缺失、餐具消毒记录不全，已当场责令改正')
    expect(text).toContain('周局长')
    expect(text).not.toContain('检查人员') // the team was not part of this correction and stays as it was
    await page.locator('.n-tabs-tab', { hasText: '结果录入' }).click()
    await page.locator('[data-testid="result-grid"][data-locked="true"]').waitFor()
    await expect(page.locator('[data-cell="0-inspectors"]').inputValue()).resolves.toBe(team)
    await page.locator('.n-tabs-tab', { hasText: '公示与更正' }).click()
    await table.waitFor()
    await quiet(page)
    await shot(page, 'results-corrections')
  })

  it('follow-ups and an object’s history', async () => {
    await page.locator('.n-tabs-tab', { hasText: '结果录入' }).click()
    const code = await page.locator('td.obj .code').first().innerText()
    await page.locator('.n-tabs-tab', { hasText: '后续处置' }).click()
    await page.locator('[data-testid="followups"]').waitFor()
    // 发现问题已责令改正 is 完结 on its check date: nothing open
    expect(await page.locator('[data-testid="followups"]').innerText()).not.toContain('城区餐饮服务单位')
    await page.locator('.n-tabs-tab', { hasText: '检查记录查询' }).click()
    await page.locator('[data-testid="history-code"] input').fill(code)
    await page.locator('[data-testid="history-look"]').click()
    const h = page.locator('[data-testid="history"]')
    await h.waitFor()
    expect(await h.innerText()).toContain('城区餐饮服务单位食品安全联合抽查')
    expect(await h.innerText()).toContain('已更正')
    await quiet(page)
    await still(page)
    await shot(page, 'results-history')

    // The same history stands in the object's own detail on 检查对象.
    await nav(page, '检查对象')
    await page.locator('[data-testid="object-search"] input').fill(code)
    await page.locator(`[data-testid="edit-object-${code}"]`).click()
    const inDrawer = page.locator('[data-testid="object-history"]')
    await inDrawer.getByText('城区餐饮服务单位食品安全联合抽查').waitFor()
    expect(await inDrawer.innerText()).toContain('已更正')
    await still(page) // the drawer has finished sliding in before the picture
    await shot(page, 'registry-object-history')
    await page.keyboard.press('Escape')
  })

  it('设置 holds the holiday arrangements of later years', async () => {
    await nav(page, '设置')
    const card = page.locator('[data-testid="holiday-card"]')
    // the card is drawn before its years arrive: wait for them (reading at once failed on a loaded machine)
    await card.getByText('2004–2026 年', { exact: false }).first().waitFor()
    await card.getByRole('button', { name: '添加年份' }).click()
    await card.locator('textarea').first().fill('2027-01-01 2027-10-01 2027-10-02')
    await card.locator('[data-testid="holiday-save"]').click()
    await page.locator('.n-message', { hasText: '节假日安排已保存' }).waitFor()
    expect(await card.innerText()).toContain('2004–2026 年')
    await quiet(page)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'settings-holidays')
  })

  it('the home page lists due, overdue and missing results', async () => {
    await nav(page, '首页')
    const panels = page.locator('[data-testid="home-deadlines"]')
    await panels.waitFor()
    const text = await panels.innerText()
    expect(text).toContain('农贸市场周边餐饮联合抽查')
    expect(text).toContain('学校周边餐饮服务单位联合抽查')
    expect(text).toContain('已逾期')
    expect(text).toContain('县卫健局')
    // 待公示 lists every running deadline with its working days left, the far one too
    const far = page.locator('[data-testid="home-pending"] .n-list-item', { hasText: '景区周边餐饮单位联合抽查' })
    expect(await far.innerText()).toContain(`公示期限 ${addWorkdays(today(), 20)}，还剩`)
    expect(await page.locator('[data-testid="home-pending"]').innerText()).toContain('农贸市场周边餐饮联合抽查')
    // a click opens 检查结果 on that task
    await far.click()
    await page.locator('.page-title', { hasText: '检查结果' }).waitFor()
    await expect.poll(() => page.locator('[data-testid="results-task"]').innerText()).toContain('景区周边餐饮单位联合抽查')
    await nav(page, '首页')
    await panels.waitFor()
    await quiet(page)
    await shot(page, 'home-deadlines')
  })

  it('the dashboard shows the indicators and opens the list behind one', async () => {
    await nav(page, '统计')
    await page.locator('[data-testid="ind-joint"]').waitFor()
    await expect(page.locator('[data-testid="ind-joint"]').innerText()).resolves.toContain('100.0%')
    await expect(page.locator('[data-testid="ind-joint"]').innerText()).resolves.toContain('5 / 5')
    await page.locator('[data-testid="ind-onTime"]').click()
    const drawer = page.locator('[data-testid="stats-detail"]')
    await drawer.waitFor()
    expect(await drawer.innerText()).toContain('学校周边餐饮服务单位联合抽查')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await quiet(page)
    await page.mouse.move(5, 850)
    await still(page)
    await shot(page, 'stats-dashboard')

    // by result code: the published task's 发现问题已责令改正 (E) is 完结; its row opens the results behind it
    const card = page.locator('[data-testid="stats-breakdown"]')
    await card.locator('[data-testid="breakdown-by"]').getByText('按检查结果').click()
    const row = card.locator('tr', { hasText: 'E 发现问题已责令改正' })
    await row.waitFor()
    expect(await row.innerText()).toContain('100.0%')
    await row.click()
    await drawer.waitFor()
    expect(await drawer.innerText()).toContain('E 发现问题已责令改正')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await card.scrollIntoViewIfNeeded()
    await quiet(page)
    await shot(page, 'stats-breakdown')
  })

  it('a long grid keeps only the rows near the view in the page, and the keyboard still walks every row', async () => {
    const name = '全县餐饮服务单位联合抽查（长表）'
    const task = await drawnTask(name, '2026-04-01', 25, false)
    const n = (await call<ResultSheet>('results.sheet', { taskId: task.id, deptId: dept('SCJG') })).rows.length
    expect(n).toBe(50)
    await nav(page, '首页')
    await nav(page, '检查结果')
    await page.locator('[data-testid="results-task"]').click()
    await page.locator('.n-base-select-option', { hasText: name }).click()
    await page.locator(`[data-testid="result-grid"][data-dept="县市场监管局"][data-rows="${n}"]`).waitFor()
    expect(await page.locator('[data-testid="result-grid"] tbody tr[data-row]').count()).toBeLessThan(n)
    // 1 ⏎ down the whole column: Enter brings each next row into the page and into view
    await page.locator('[data-cell="0-category"]').focus()
    for (let i = 0; i < n - 1; i++) {
      await page.keyboard.press('1')
      await page.keyboard.press('Enter')
    }
    await page.keyboard.press('1')
    const last = page.locator(`[data-cell="${n - 1}-category"]`)
    await expect(last.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).resolves.toBe(true)
    await expect(last.isVisible()).resolves.toBe(true)
    expect(await page.locator('[data-cell="0-category"]').count()).toBe(0) // the first rows have left the page
    await expect(page.locator('[data-testid="grid-save"]').innerText()).resolves.toContain(`${n} 行`)
    await page.keyboard.press('Control+s')
    await page.locator('[data-testid="progress-card"]', { hasText: `县市场监管局 ${n}/${n}` }).waitFor()
    // untouched rows are never saved: every row of the database was reached by the keyboard
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM inspection_results WHERE task_id = ? AND dept_id = ? AND category = '未发现问题'`, task.id, dept('SCJG')).n).toBe(n)
  })
})
