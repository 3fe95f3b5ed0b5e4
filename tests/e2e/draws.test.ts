import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { callApi, closeAll, dbQueries, launchBrowser, openApp, Running, shot, nav, watchBar } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import type { DrawAnnouncement, Task } from '@contract'
import type { DrawEvidence } from '../../electron/services/draws'

const t = tempDir('suiji-e2e-draws-')
const dbFile = join(t.dir, 'county.db')
let browser: Browser
let app: Running
let page: Page
let task: Task
let ann: DrawAnnouncement

const call = <T>(channel: string, input: unknown) => callApi<T>(app, channel, input)
const { all, one } = dbQueries(dbFile)
function taskInput() {
  const dept = (code: string) => one<{ id: number }>('SELECT id FROM departments WHERE code = ?', code).id
  return {
    name: '餐饮服务单位食品安全联合抽查',
    adhocReason: '投诉举报',
    initiatorDeptId: dept('SCJG'),
    departments: [
      { deptId: dept('SCJG'), itemUids: ['SCJG-07'], inspectorsPerObject: 2 },
      { deptId: dept('WJJ'), itemUids: ['WJJ-01'], inspectorsPerObject: 1 }
    ],
    scope: { industries: ['餐饮服务'] },
    rule: { A: { mode: 'ratio', value: 30 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 50 } },
    periodStart: today(),
    periodEnd: new Date(Date.now() + 90 * 86400000 - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)
  }
}
const settle = (p: Page) => p.waitForTimeout(500)
function today() {
  return new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)
}

/** Each witness types hidden and confirms; the digits appear only when all have committed. */
async function enterWitnesses(p: Page, scope: string, witnesses: [string, string][]) {
  const at = (id: string) => p.locator(`${scope} [data-testid="${id}"]`)
  for (const [i, [name, digits]] of witnesses.entries()) {
    await at(`witness-name-${i}`).locator('input').fill(name)
    await at(`witness-digits-${i}`).locator('input').fill(digits)
    expect(await at(`witness-digits-${i}`).locator('input').getAttribute('type')).toBe('password')
    await at(`witness-commit-${i}`).click()
    await at(`witness-committed-${i}`).waitFor()
    // nobody sees a committed witness's digits while others still type
    expect(await p.locator(scope).innerText()).not.toContain(digits)
  }
  await at('reveal-all').click()
  for (const [i, [, digits]] of witnesses.entries()) expect(await at(`witness-shown-${i}`).innerText()).toBe(digits)
}

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  generateDemoCounty(wb.ctx(), { objects: 3000, seed: 'e2e' })
  wb.close()
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  task = await call<Task>('tasks.create', taskInput())
  ann = await call<DrawAnnouncement>('draws.publish', { taskId: task.id, drawDate: today(), planned: { witnessCount: 3, publicLabels: [] } })
  page = await openApp(browser, app)
})
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

describe('随机抽取 in the browser', () => {
  let evidencePath = ''

  it('shows the 抽取方案公告 of the published task with its pool hash and counts', async () => {
    await nav(page, '随机抽取')
    const card = page.locator('[data-testid="announcement"]')
    await card.waitFor()
    // the hash as printed (groups of 8) equals the one the program froze
    expect((await page.locator('[data-testid="pool-hash"]').innerText()).replace(/\s/g, '')).toBe(ann.poolSha256)
    const rows = page.locator('[data-testid="class-table"] tbody tr')
    expect(await rows.count()).toBe(5)
    expect(await rows.last().innerText()).toContain(String(ann.drawCount))
    await page.locator('[data-testid="draw-form"]').waitFor()
    await settle(page)
    await shot(page, 'draws-announcement')

    // the published pool file, written as a job with a bar, is the exact bytes of the announced hash
    const bar = await watchBar(page, 'pool-file-progress')
    const download = page.waitForEvent('download')
    await page.locator('[data-testid="export-pool"]').click()
    const poolFile = join(t.dir, 'pool.txt')
    await (await download).saveAs(poolFile)
    expect(createHash('sha256').update(readFileSync(poolFile)).digest('hex')).toBe(ann.poolSha256)
    expect((await bar())[0]).toBe('整理冻结的对象池和执法人员名单……')
  })

  it('draws with three witnesses entering hidden digits revealed together, and shows the teams', async () => {
    // the start button refuses before the reveal
    await page.locator('[data-testid="witness-name-0"] input').fill('张三')
    await page.locator('[data-testid="witness-digits-0"] input').fill('4839')
    await page.locator('[data-testid="witness-commit-0"]').click()
    await page.locator('.n-message', { hasText: '只输入了 4 位数字' }).waitFor()
    await enterWitnesses(page, '[data-testid="draw-form"]', [
      ['张三', '483920'],
      ['李四', '105577'],
      ['钱七', '660318']
    ])
    await page.locator('[data-testid="operator"] input').fill('王五')
    await page.locator('[data-testid="start-draw"]').click()
    await page.locator('.n-dialog .n-button', { hasText: '开始抽取' }).click()
    await page.locator('[data-testid="draw-result"]').waitFor()
    const rows = page.locator('[data-testid="result-table"] tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(ann.drawCount)
    // each team is shown by department: who goes for 市场监管 and who for 卫健
    for (const r of [0, ann.drawCount - 1]) expect(await rows.nth(r).locator('.team-dept-name').allInnerTexts()).toEqual(['县市场监管局', '县卫健局'])
    const stored = one<{ n: number; short: string }>('SELECT COUNT(*) AS n, MAX(short_hash) AS short FROM draws WHERE task_id = ?', task.id)
    expect(stored.n).toBe(1)
    expect(await page.locator('[data-testid="short-hash"]').innerText()).toBe(stored.short)
    expect(one<{ status: string }>('SELECT status FROM tasks WHERE id = ?', task.id).status).toBe('已抽取')
    await settle(page)
    await shot(page, 'draws-result')
  })

  it('replaces a team member through the dialog (reason, approver, a certified colleague); the draw itself stays', async () => {
    await page.locator('[data-testid="replace-1"]').click()
    const modal = page.locator('[data-testid="replace-modal"]')
    await modal.waitFor()
    await modal.locator('.n-radio-button', { hasText: '工作冲突' }).click()
    await modal.locator('[data-testid="replace-approver"] input').fill('陈副局长')
    await modal.locator('[data-testid="replace-in"]').click()
    await page.locator('.n-base-select-option').first().click()
    await settle(page)
    await shot(page, 'draws-replace')
    await modal.locator('[data-testid="replace-submit"]').click()
    await page.locator('[data-testid="replacements"] tbody tr').first().waitFor()
    expect(await page.locator('[data-testid="replacements"]').innerText()).toContain('陈副局长')
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM draw_replacements').n).toBe(1)
  })

  it('exports the evidence file and verifies it in the 验证 tab: 一致', async () => {
    const download = page.waitForEvent('download')
    // written as a job: a bar with the stage stands above the result while it runs
    const bar = await watchBar(page, 'draw-file-progress')
    await page.locator('[data-testid="export-evidence"]').click()
    const d = await download
    expect((await bar())[0]).toBe('汇总抽取证据（对象池、排除名单、调整记录）……')
    evidencePath = join(t.dir, 'evidence.json')
    await d.saveAs(evidencePath)
    const e = JSON.parse(readFileSync(evidencePath, 'utf8')) as DrawEvidence
    expect(e.seed.sources.map((s) => s.label).sort()).toEqual(['张三', '李四', '钱七'].sort())
    expect(e.sourceSpec).toEqual({ witnesses: 3, minDigits: 6, publics: [] })
    expect(e.pool.sha256).toBe(ann.poolSha256)
    expect(e.replacements).toHaveLength(1)

    await page.locator('.n-tabs-tab', { hasText: '验证证据文件' }).click()
    await page.locator('[data-testid="verify-file"]').setInputFiles(evidencePath)
    await page.locator('[data-testid="verify-ok"]').waitFor()
    expect(await page.locator('[data-testid="verify-ok"]').innerText()).toContain('一致')
    await settle(page)
    await shot(page, 'draws-verify')

    // an altered copy: the page lists what differs
    const altered = join(t.dir, 'altered.json')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(altered, readFileSync(evidencePath, 'utf8').replace('"483920"', '"483921"'))
    await page.locator('[data-testid="verify-file"]').setInputFiles(altered)
    await page.locator('[data-testid="verify-bad"]').waitFor()
    expect(await page.locator('[data-testid="verify-bad"] li').count()).toBeGreaterThan(0)
    await settle(page)
    await shot(page, 'draws-verify-altered')
  })

  it('opens the 抽取现场 projector screen with the pool hash and the result rows', async () => {
    await page.locator('.n-tabs-tab', { hasText: '随机抽取' }).click()
    await page.locator('[data-testid="draw-result"] .n-button', { hasText: '大屏展示' }).click()
    await page.locator('[data-testid="live-screen"]').waitFor()
    expect((await page.locator('[data-testid="live-hash"]').innerText()).replace(/\s/g, '')).toBe(ann.poolSha256)
    await page.locator('[data-testid="live-screen"] .n-button', { hasText: '显示全部' }).click()
    await page.locator('[data-testid="live-rows"] tr').nth(ann.drawCount - 1).waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'draws-live')
    await page.locator('[data-testid="live-exit"]').click()
    await page.locator('[data-testid="live-screen"]').waitFor({ state: 'detached' })
  })

  it('draws a second task on the projector screen: witnesses type their digits in large fields, rows appear one by one', async () => {
    const second = await call<Task>('tasks.create', { ...taskInput(), name: '餐饮服务单位第二次联合抽查' })
    const a2 = await call<DrawAnnouncement>('draws.publish', { taskId: second.id, drawDate: today(), planned: { witnessCount: 2, publicLabels: ['福彩3D 第2026300期开奖号码'] } })
    // the first task's class A objects were inspected once this year: R2 keeps them out of the second pool
    const firstA = one<{ n: number }>(`SELECT COUNT(*) AS n FROM object_inspections i JOIN objects o ON o.code = i.object_code WHERE i.task_uid = ? AND o.credit_class = 'A'`, task.uid).n
    expect(a2.countsByClass.A).toBe(ann.countsByClass.A - firstA)
    await page.goto(new URL(`#/draws?task=${second.id}&live=${second.id}`, page.url()).toString())
    await page.locator('[data-testid="live-start"]').waitFor()
    // every entry box has a label
    for (const id of ['witness-name-input-0', 'witness-digits-input-0', 'live-public-0', 'live-operator']) {
      expect(await page.locator(`[data-testid="live-screen"] label[for="${id}"]`).count()).toBe(1)
    }
    await enterWitnesses(page, '[data-testid="live-screen"]', [
      ['周七', '20260315'],
      ['吴八', '771204']
    ])
    await page.locator('[data-testid="live-public"] input').fill('5 1 8')
    await page.locator('[data-testid="live-operator"] input').fill('王五')
    await settle(page)
    await shot(page, 'draws-live-entry')
    await page.locator('[data-testid="live-start"]').click()
    await page.locator('[data-testid="live-rows"] tr').nth(1).waitFor()
    expect(await page.locator('[data-testid="live-rows"] tr').count()).toBeLessThan(a2.drawCount)
    await page.locator('[data-testid="live-rows"] tr').nth(a2.drawCount - 1).waitFor({ timeout: 30_000 })
    // the screen follows the newest row
    // a string expression: the e2e tests are type-checked without the DOM library
    const lastRowPlace = () =>
      page.evaluate<{ top: number; bottom: number; height: number; rows: number }>(`(() => {
        const rows = document.querySelectorAll('[data-testid="live-rows"] tr')
        const r = rows[rows.length - 1]?.getBoundingClientRect()
        return { top: Math.round(r?.top ?? -1), bottom: Math.round(r?.bottom ?? -1), height: window.innerHeight, rows: rows.length }
      })()`)
    const visible = async () => {
      const p = await lastRowPlace()
      return { rows: p.rows, visible: p.top >= 0 && p.bottom <= p.height, at: p }
    }
    await expect.poll(visible, { timeout: 20_000 }).toMatchObject({ rows: a2.drawCount, visible: true })
    const stored = one<{ evidence: string }>('SELECT evidence FROM draws WHERE task_id = ?', second.id)
    const e = JSON.parse(stored.evidence) as DrawEvidence
    expect(e.seed.sources.map((x) => `${x.label}=${x.value}`).sort()).toEqual(['吴八=771204', '周七=20260315', '福彩3D 第2026300期开奖号码=5 1 8'].sort())
  })

  it('re-draws the first task before inspections start: a new record naming the old one, which stays on file', async () => {
    const second = { id: task.id, task_no: task.taskNo }
    // Leave the projector screen and open the page afresh on the first task.
    await page.goto(new URL(`#/draws?task=${task.id}`, page.url()).toString())
    await page.reload()
    await page.locator('[data-testid="draw-result"]', { hasText: `${task.taskNo}-D1` }).waitFor()
    await page.locator('[data-testid="redraw"]').click()
    await page.locator('[data-testid="redraw-reason"] textarea').fill('第二名见证人不是监督组成员，依规重新抽取')
    await page.locator('[data-testid="redraw-confirm"]').click()
    await page.locator('[data-testid="redraw-note"]').waitFor()
    await enterWitnesses(page, '[data-testid="draw-form"]', [
      ['周七', '991204'],
      ['郑九', '304175'],
      ['孙十', '271828']
    ])
    await page.locator('[data-testid="operator"] input').fill('王五')
    await settle(page)
    await shot(page, 'draws-redraw')
    await page.locator('[data-testid="start-draw"]').click()
    await page.locator('.n-dialog .n-button', { hasText: '开始抽取' }).click()
    await page.locator('[data-testid="draw-result"]', { hasText: `${second.task_no}-D2` }).waitFor()
    const draws = all<{ draw_id: string; supersedes_draw_id: string | null; supersede_reason: string }>(
      'SELECT draw_id, supersedes_draw_id, supersede_reason FROM draws WHERE task_id = ? ORDER BY seq',
      second.id
    )
    expect(draws.map((d) => d.draw_id)).toEqual([`${second.task_no}-D1`, `${second.task_no}-D2`])
    expect(draws[1]).toMatchObject({ supersedes_draw_id: `${second.task_no}-D1`, supersede_reason: '第二名见证人不是监督组成员，依规重新抽取' })
  })
})
