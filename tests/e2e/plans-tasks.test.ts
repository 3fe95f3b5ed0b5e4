import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { closeAll, dbQueries, launchBrowser, openApp, Running, shot, nav, watchBar } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import { dispatch } from '../../electron/services/api/dispatch'
import { handlers } from '../../electron/services/api/handlers'
import type { PlanEntry, Task } from '../../electron/contract'

const t = tempDir('suiji-e2e-plans-')
const dbFile = join(t.dir, 'county.db')
const YEAR = new Date().getFullYear()
let browser: Browser
let app: Running
let page: Page

const { all, one } = dbQueries(dbFile)
const n = (where: string, ...params: unknown[]) => one<{ n: number }>(`SELECT count(*) AS n FROM objects WHERE ${where}`, ...params).n
const dept = (code: string) => one<{ id: number; name: string }>('SELECT id, name FROM departments WHERE code = ?', code)
const item = (code: string, level?: string) =>
  one<{ uid: string; name: string; category: string }>(
    `SELECT i.uid, i.name, i.category FROM items i JOIN departments d ON d.id = i.dept_id WHERE d.code = ? ${level ? 'AND i.level = ?' : ''} ORDER BY i.sort_order, i.id LIMIT 1`,
    ...(level ? [code, level] : [code])
  )

/** The program's own channel entry (validation + handler), as the UI calls it. */
async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(handlers, app.wb, channel, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as T
}

/** Chooses an option of a filterable select by typing it (long lists are virtual: unseen options are not in the page). */
async function pick(p: Page, testid: string, option: string, close = false) {
  await p.locator(`[data-testid="${testid}"]`).click()
  await p.keyboard.type(option)
  await p.locator('.n-base-select-option', { hasText: option }).first().click()
  if (close) await p.keyboard.press('Escape')
}
const settle = (p: Page) => p.waitForTimeout(500)
async function clearDept(p: Page) {
  await p.locator('[data-testid="plan-dept"]').hover()
  await p.locator('[data-testid="plan-dept"] .n-base-clear').click()
}
/** Waits for toasts to fade so that a screenshot shows the settled page. */
async function quiet(p: Page) {
  await p.locator('.n-message').first().waitFor({ state: 'detached', timeout: 15000 })
  await settle(p)
}
const cell = (p: Page, cls: string, col: 'inScope' | 'eligible' | 'toDraw') => p.locator(`[data-testid="preview-${cls}"] [data-col="${col}"]`)
const fmt = (v: number) => v.toLocaleString('zh-CN')

// Demo county facts the scenario is built on.
let industry = ''
let townA = ''
let townB = ''
const R2_B = 5
const R2_A = 3

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  generateDemoCounty(wb.ctx(), { objects: 3000, seed: 'e2e-plans' })
  // Earlier inspections this year (R2): five class-B objects twice, three class-A objects once.
  const inspect = wb.ctx().sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, depts, created_at) VALUES (?, ?, ?, ?, '[]', ?)`)
  const codes = (cls: string, k: number) =>
    (wb.ctx().sqlite.prepare(`SELECT code FROM objects WHERE credit_class = ? AND reg_status = '存续' ORDER BY code LIMIT ?`).all(cls, k) as { code: string }[]).map((r) => r.code)
  for (const c of codes('B', R2_B)) for (const task of ['earlier-1', 'earlier-2']) inspect.run(c, task, YEAR, `${YEAR}-02-01`, `${YEAR}-02-01 09:00:00`)
  for (const c of codes('A', R2_A)) inspect.run(c, 'earlier-1', YEAR, `${YEAR}-02-01`, `${YEAR}-02-01 09:00:00`)
  wb.close()
  industry = one<{ industry: string }>(`SELECT industry FROM objects WHERE industry <> '' GROUP BY industry ORDER BY count(*) DESC LIMIT 1`).industry
  const towns = all<{ township: string }>(`SELECT township FROM objects WHERE township <> '' GROUP BY township ORDER BY count(*) DESC LIMIT 2`)
  townA = towns[0]!.township
  townB = towns[1]!.township
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  page = await openApp(browser, app)
})
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

describe('年度计划 on the demo county', () => {
  const ids: Record<string, number> = {}

  it('shows entries made through the API and through the form, with R12, overlaps and merge suggestions', async () => {
    const base = { year: YEAR, planName: `${YEAR}年度部门联合双随机抽查计划`, ratioText: '5%', drawDate: `${YEAR}-05` }
    const scj = dept('SCJG')
    const wjj = dept('WJJ')
    const yj = dept('YJGL')
    const xf = dept('XFJY')
    const sthj = dept('STHJ')
    ids.food = (
      await call<PlanEntry>('plans.create', {
        ...base,
        taskName: '餐饮服务单位食品安全联合检查',
        initiatorDeptId: scj.id,
        jointDeptIds: [wjj.id],
        itemUids: [item('SCJG', '重点').uid, item('WJJ').uid],
        scope: { industries: [industry] }
      })
    ).id
    ids.safety = (
      await call<PlanEntry>('plans.create', { ...base, taskName: '安全生产与消防安全联合检查', initiatorDeptId: yj.id, jointDeptIds: [xf.id], itemUids: [item('YJGL').uid, item('XFJY').uid], scope: { townships: [townA] } })
    ).id
    // A single-department entry is not a joint inspection: 生态环境局 stays on the R12 list.
    ids.waste = (await call<PlanEntry>('plans.create', { ...base, taskName: '危险废物规范化管理检查', initiatorDeptId: sthj.id, itemUids: [item('STHJ').uid], scope: { industries: [industry] } })).id
    // 卫健局 plans the same check on its own: the county should merge it into the joint one.
    ids.dup = (await call<PlanEntry>('plans.create', { ...base, taskName: '餐饮服务单位食品安全联合检查', initiatorDeptId: wjj.id, itemUids: [item('WJJ').uid], scope: { industries: [industry] } })).id

    await nav(page, '年度计划')
    await page.locator('[data-testid="plan-count"]', { hasText: '全县 4 条' }).waitFor()

    // The fifth entry through the form: 文旅局 with 商务局, one township; the total is counted live.
    const wl = dept('WLJ')
    const sw = dept('SWJ')
    await page.locator('[data-testid="plan-add"]').click()
    await pick(page, 'pf-initiator', wl.name)
    await pick(page, 'pf-joint', sw.name, true)
    await page.locator('[data-testid="pf-task-name"] input').fill('文化娱乐和商贸场所联合检查')
    await page.locator('[data-testid="pf-ratio"] input').fill('3%')
    await pick(page, 'pf-items', item('WLJ').name)
    await pick(page, 'pf-items', item('SWJ').name, true)
    await page.locator('[data-testid="pf-total"]', { hasText: fmt(n(`reg_status = '存续'`)) }).waitFor()
    await pick(page, 'scope-townships', townB, true)
    const inTownB = n(`township = ? AND reg_status = '存续'`, townB)
    await page.locator('[data-testid="pf-total"]', { hasText: `${fmt(inTownB)} 户` }).waitFor()
    await page.locator('[data-testid="pf-save"]').click()
    await page.locator('[data-testid="plan-count"]', { hasText: '全县 5 条' }).waitFor()
    const row = page.locator('[data-testid="plan-table"] tbody tr', { hasText: '文化娱乐和商贸场所联合检查' })
    await row.waitFor()
    expect(await row.innerText()).toContain(fmt(inTownB))
    expect(await row.innerText()).toContain(sw.name)

    // R12: exactly the active members that neither initiate nor join a joint entry.
    const joined = ['SCJG', 'WJJ', 'YJGL', 'XFJY', 'WLJ', 'SWJ']
    const expected = all<{ short: string }>(
      `SELECT short_name AS short FROM departments WHERE active = 1 AND code NOT IN (${joined.map(() => '?').join(',')}) ORDER BY sort_order, id`,
      ...joined
    ).map((d) => d.short)
    expect(expected).toContain('生态环境局')
    expect(expected).toHaveLength(24)
    const missing = await page.locator('[data-testid="r12-missing"] .n-tag').allInnerTexts()
    expect(missing).toEqual(expected)
    const covered = await page.locator('[data-testid="r12-covered"] .n-tag').allInnerTexts()
    const short = (code: string) => one<{ s: string }>('SELECT short_name AS s FROM departments WHERE code = ?', code).s
    expect(covered.map((c) => c.split(' ')[0]).sort()).toEqual(joined.map(short).sort())
    expect(covered).toContain(`${short('SCJG')} 发起1`)
    expect(covered).toContain(`${short('WJJ')} 参加1`)

    // Overlaps: the three entries on the same industry share every active object of it.
    const shared = n(`industry = ? AND reg_status = '存续'`, industry)
    const overlaps = page.locator('[data-testid="overlaps-panel"]')
    expect(await overlaps.innerText()).toContain(`${fmt(shared)} 户`)
    expect(await overlaps.innerText()).toContain('危险废物规范化管理检查')
    await page.locator(`[data-testid="merge-${ids.food}-${ids.dup}"]`).waitFor()
    await quiet(page)
    await shot(page, 'plans-county')

    // 合并: keep the joint entry; the duplicate disappears and is marked 已合并.
    await page.locator(`[data-testid="merge-${ids.food}-${ids.dup}"]`).click()
    await page.locator(`[data-testid="keep-${ids.food}"]`).click()
    await page.locator('[data-testid="merge-confirm"]').click()
    await page.locator('[data-testid="plan-count"]', { hasText: '全县 4 条' }).waitFor()
    expect(one<{ status: string }>('SELECT status FROM plan_entries WHERE id = ?', ids.dup).status).toBe('已合并')
    expect(await page.locator(`[data-testid="merge-${ids.food}-${ids.dup}"]`).count()).toBe(0)

    // The department filter shows what one department initiates or joins.
    await pick(page, 'plan-dept', wjj.name)
    await page.locator('[data-testid="plan-count"]', { hasText: '该部门发起或参加 1 条' }).waitFor()
  })
  it('exports the county plan as 附件5 and imports a sheet: a bad row is named by number and nothing is written', async () => {
    const download = page.waitForEvent('download')
    await page.locator('[data-testid="plan-export"]').hover()
    await page.locator('.n-dropdown-option', { hasText: '导出全县计划' }).click()
    const exported = join(t.dir, 'exported.xlsx')
    await (await download).saveAs(exported)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(exported)
    const ws = book.worksheets[0]!
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`${YEAR}年度部门双随机联合抽查工作计划表`)
    // The four live entries after the merge, one row each, under the 附件5 header.
    const header = ws.getRow(2).values as unknown[]
    const at = (h: string) => header.indexOf(h)
    expect(at('抽查对象总数')).toBeGreaterThan(0)
    const tasks: string[] = []
    ws.eachRow((r, i) => {
      if (i > 2 && r.getCell(at('抽查任务名称')).value) tasks.push(String(r.getCell(at('抽查任务名称')).value))
    })
    expect(tasks.sort()).toEqual(['危险废物规范化管理检查', '安全生产与消防安全联合检查', '文化娱乐和商贸场所联合检查', '餐饮服务单位食品安全联合检查'].sort())

    // A department sends one new row and one with an unknown initiator.
    const row = (task: string, initiator: string) => {
      const r: unknown[] = []
      r[at('抽查计划名称')] = `${YEAR}年度部门联合双随机抽查计划`
      r[at('抽查任务名称')] = task
      r[at('抽查类型')] = '不定向'
      r[at('抽查比例')] = '5%'
      r[at('抽查事项')] = item('NYNC').name
      r[at('抽查对象范围')] = `乡镇：${townA}`
      r[at('检查发起机关')] = initiator
      r[at('联合机关')] = '市场监管局'
      r[at('抽取日期')] = `${YEAR}-09`
      return r // index = column number (r[0] empty), as exceljs reads a row's values
    }
    const good = ws.rowCount + 1
    ws.addRow(row('农资经营单位联合检查', '农业农村局'))
    const bad = ws.rowCount + 1
    ws.addRow(row('不存在部门的检查', '县不存在局'))
    const sheet = join(t.dir, 'department.xlsx')
    await book.xlsx.writeFile(sheet)
    expect(good).toBeLessThan(bad)

    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-testid="plan-import"]').click()
    await (await chooser).setFiles(sheet)
    const errors = page.locator('[data-testid="plan-import-errors"]')
    await errors.waitFor()
    expect(await errors.innerText()).toContain(`第 ${bad} 行：检查发起机关“县不存在局”不是成员单位`)
    await page.locator('.n-card-header', { hasText: '未导入：表格有错误' }).waitFor()
    await page.locator('.n-modal .n-button', { hasText: '知道了' }).click()
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM plan_entries WHERE task_name = '农资经营单位联合检查'`).n).toBe(0)

    // Without the bad row the sheet goes in: the new entry is added and R12 no longer lists 农业农村局.
    ws.spliceRows(bad, 1)
    await book.xlsx.writeFile(sheet)
    const again = page.waitForEvent('filechooser')
    await page.locator('[data-testid="plan-import"]').click()
    await (await again).setFiles(sheet)
    await page.locator('.n-card-header', { hasText: '导入完成' }).waitFor()
    await page.locator('.n-modal', { hasText: '新增 1 条' }).waitFor()
    await page.locator('.n-modal .n-button', { hasText: '知道了' }).click()
    await clearDept(page)
    await page.locator('[data-testid="plan-count"]', { hasText: '全县 5 条' }).waitFor()
    expect(await page.locator('[data-testid="r12-missing"] .n-tag').allInnerTexts()).not.toContain('农业农村局')
  })
})

describe('抽查任务 on the demo county', () => {
  it('builds a task in the editor with a live preview, refuses another department’s item, and publishes it read-only', async () => {
    await nav(page, '抽查任务')
    await page.locator('[data-testid="task-new"]').click()
    await page.locator('[data-testid="tf-name"] input').fill(`${YEAR}年食品经营单位投诉核查联合抽查`)
    await page.locator('[data-testid="tf-reason-投诉举报"]').click()
    const period = page.locator('[data-testid="tf-period"] input')
    await period.nth(0).fill(`${YEAR}-04-01`)
    await period.nth(1).fill(`${YEAR}-06-30`)
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="tf-name"] input').click()

    const scj = dept('SCJG')
    const key = item('SCJG', '重点')
    await pick(page, 'dept-0', scj.name)
    await pick(page, 'items-0', key.name, true)

    // No rule yet: everything active is eligible except the R2 exclusions, nothing is drawn.
    const active = (cls: string) => n(`credit_class = ? AND reg_status = '存续'`, cls)
    await cell(page, 'B', 'inScope').filter({ hasText: new RegExp(`^${fmt(n(`credit_class = 'B'`))}$`) }).waitFor()
    await cell(page, 'B', 'eligible').filter({ hasText: new RegExp(`^${fmt(active('B') - R2_B)}$`) }).waitFor()
    expect(await cell(page, 'A', 'eligible').innerText()).toBe(fmt(active('A') - R2_A))
    expect(await cell(page, 'total', 'toDraw').innerText()).toBe('0')

    // B at 5 %, then 10 %: the number to draw follows (ratio rounds up).
    const eligibleB = active('B') - R2_B
    const ruleB = page.locator('[data-testid="rule-B"] input')
    await ruleB.fill('5')
    await ruleB.blur()
    await cell(page, 'B', 'toDraw').filter({ hasText: new RegExp(`^${Math.ceil((eligibleB * 50) / 1000)}$`) }).waitFor()
    await ruleB.fill('10')
    await ruleB.blur()
    await cell(page, 'B', 'toDraw').filter({ hasText: new RegExp(`^${Math.ceil((eligibleB * 100) / 1000)}$`) }).waitFor()
    for (const [c, v] of [['A', '1'], ['C', '15'], ['D', '20']] as const) {
      await page.locator(`[data-testid="rule-${c}"] input`).fill(v)
      await page.locator(`[data-testid="rule-${c}"] input`).blur()
    }

    // A joint department with an item of another department's list: flagged, listed as a problem, refused on saving.
    const wjj = dept('WJJ')
    const yj = dept('YJGL')
    await page.locator('[data-testid="add-joint"]').click()
    await pick(page, 'dept-1', wjj.name)
    await pick(page, 'items-1', item('WJJ', '重点').name, true)
    await page.locator('[data-testid="preview-ok"]').waitFor()
    await pick(page, 'dept-1', yj.name)
    await page.locator('[data-testid="foreign-1"]').waitFor()
    const refusal = `事项“${item('WJJ', '重点').name}”不在${yj.name}的随机抽查事项清单中（属于${wjj.name}）`
    await page.locator('[data-testid="preview-problems"]', { hasText: refusal }).waitFor()
    await page.locator('[data-testid="task-save"]').click()
    await page.locator('.n-message', { hasText: refusal }).waitFor()
    expect(one<{ n: number }>('SELECT count(*) AS n FROM tasks').n).toBe(0)

    // Back to 卫健局's own list: the problem goes away.
    await pick(page, 'dept-1', wjj.name)
    await page.locator('[data-testid="preview-ok"]').waitFor()
    const toDraw = (cls: string, permille: number, r2 = 0) => Math.ceil(((active(cls) - r2) * permille) / 1000)
    const total = toDraw('A', 10, R2_A) + toDraw('B', 100, R2_B) + toDraw('C', 150) + toDraw('D', 200)
    await cell(page, 'total', 'toDraw').filter({ hasText: new RegExp(`^${fmt(total)}$`) }).waitFor()
    await quiet(page)
    await shot(page, 'tasks-editor-preview')

    // Save, then publish: the confirmation explains the freeze; afterwards the editor is read-only.
    await page.locator('[data-testid="task-save"]').click()
    await page.locator('[data-testid="task-status"]', { hasText: '草稿' }).waitFor()
    await page.locator('[data-testid="task-publish"]').click()
    await page.locator('.n-dialog', { hasText: '冻结' }).waitFor()
    // freezing the pool takes a moment on a big registry: a bar says what is being done while it runs
    const bar = await watchBar(page, 'task-publish-progress')
    await page.locator('.n-dialog .n-button', { hasText: '确定公布' }).click()
    await page.locator('[data-testid="task-status"]', { hasText: '方案已公布' }).waitFor()
    expect(await bar()).toEqual(['正在按当前名录库固定对象池、冻结抽查范围和规则……'])
    await page.locator('[data-testid="task-readonly"]', { hasText: '已冻结' }).waitFor()
    expect(await page.locator('[data-testid="tf-name"] input').isDisabled()).toBe(true)
    expect(await page.locator('[data-testid="rule-B"] input').isDisabled()).toBe(true)
    expect(await page.locator('[data-testid="task-save"]').count()).toBe(0)
    // Once published, the next step (the draw) is offered; editing is not.
    expect(await page.locator('.bar-group .n-button').allInnerTexts()).toEqual(['← 任务列表', '导出归档卷宗', '取消任务', '下一步：去抽取 →'])
    // A published task can already be archived: the dossier lists what does not exist yet (no draw, no results).
    await page.locator('[data-testid="dossier-export"]').click()
    await page.locator('[data-testid="dossier-result"]', { hasText: '卷宗已导出' }).waitFor()
    expect(await page.locator('[data-testid="dossier-gaps"]').innerText()).toContain('尚无')
    const zipHref = await page.locator('[data-testid="dossier-download"]').getAttribute('href')
    const zip = await page.request.get(new URL(zipHref!, page.url()).toString())
    expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK')
    await shot(page, 'tasks-dossier')
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="task-audit"]', { hasText: '公布抽查方案' }).waitFor()
    await page.locator('[data-testid="task-audit"]', { hasText: `拟抽 ${total} 户` }).waitFor()
    const saved = one<{ status: string; rule: string; departments: string }>('SELECT status, rule, departments FROM tasks')
    expect(saved.status).toBe('方案已公布')
    expect(JSON.parse(saved.rule).B).toEqual({ mode: 'ratio', value: 100 })
    expect((JSON.parse(saved.departments) as { deptId: number }[]).map((d) => d.deptId)).toEqual([scj.id, wjj.id])
    // The service refuses a change too, whatever the page shows.
    const id = one<{ id: number }>('SELECT id FROM tasks').id
    await expect(call('tasks.update', { id, name: '改个名字试试看' })).rejects.toThrow(/已冻结/)
  })

  it('cancels another task with a reason, and opens a draft from a plan entry', async () => {
    const yj = dept('YJGL')
    const xf = dept('XFJY')
    const other = await call<Task>('tasks.create', {
      name: `${YEAR}年危险化学品经营单位专项整治联合检查`,
      adhocReason: '专项整治',
      initiatorDeptId: yj.id,
      departments: [
        { deptId: yj.id, itemUids: [item('YJGL').uid], inspectorsPerObject: 2 },
        { deptId: xf.id, itemUids: [item('XFJY').uid], inspectorsPerObject: 1 }
      ],
      scope: { townships: [townA] },
      rule: { A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 100 } },
      periodStart: `${YEAR}-07-01`,
      periodEnd: `${YEAR}-08-31`
    })
    await page.locator('[data-testid="task-back"]').click()
    await page.locator(`[data-testid="task-open-${other.taskNo}"]`).click()
    await page.locator('[data-testid="task-status"]', { hasText: '草稿' }).waitFor()
    await page.locator('[data-testid="task-cancel"]').click()
    expect(await page.locator('[data-testid="cancel-confirm"]').isDisabled()).toBe(true)
    await page.locator('[data-testid="cancel-reason"] textarea').fill('市安委会通知该专项整治改由市级统一组织')
    await page.locator('[data-testid="cancel-confirm"]').click()
    await page.locator('[data-testid="task-status"]', { hasText: '已取消' }).waitFor()
    await page.locator('[data-testid="task-readonly"]', { hasText: '市安委会通知该专项整治改由市级统一组织' }).waitFor()
    await page.locator('[data-testid="task-audit"]', { hasText: '原因：市安委会通知该专项整治改由市级统一组织' }).waitFor()
    expect(await page.locator('[data-testid="task-delete"]').count()).toBe(0)

    // 从计划创建任务: the editor opens prefilled from the plan entry; saved as a draft.
    await nav(page, '年度计划')
    await page.locator('[data-testid="plan-table"] tbody tr', { hasText: '安全生产与消防安全联合检查' }).locator('[data-testid^="plan-task-"]').click()
    await page.locator('[data-testid="tf-plan"]', { hasText: '安全生产与消防安全联合检查' }).waitFor()
    expect(await page.locator('[data-testid="tf-name"] input').inputValue()).toBe('安全生产与消防安全联合检查')
    await page.locator('[data-testid="dept-row-1"]', { hasText: xf.name }).waitFor()
    const inTown = (cls: string) => n(`credit_class = ? AND township = ? AND reg_status = '存续'`, cls, townA)
    await cell(page, 'C', 'eligible').filter({ hasText: new RegExp(`^${fmt(inTown('C'))}$`) }).waitFor()
    // the plan's 抽查比例 (5%) is already the rule of every class
    await page.locator('[data-testid="tf-plan"]', { hasText: '已按计划比例填入抽取规则' }).waitFor()
    for (const c of ['A', 'B', 'C', 'D']) expect(await page.locator(`[data-testid="rule-${c}"] input`).inputValue()).toBe('5.0')
    await page.locator('[data-testid="rule-C"] input').fill('5')
    await page.locator('[data-testid="rule-C"] input').blur()
    await cell(page, 'C', 'toDraw').filter({ hasText: new RegExp(`^${Math.ceil((inTown('C') * 50) / 1000)}$`) }).waitFor()
    await page.locator('[data-testid="task-save"]').click()
    await page.locator('[data-testid="task-status"]', { hasText: '草稿' }).waitFor()
    // no contact anywhere yet (成员单位 and 设置 left empty): said here, long before the 通知书 is generated
    await page.locator('[data-testid="task-doc-warnings"]', { hasText: '通知书上必须印联系人和联系电话' }).waitFor()

    await page.locator('[data-testid="task-back"]').click()
    await page.locator('[data-testid="task-count"]', { hasText: '共 3 个任务' }).waitFor()

    // Leaving an editor with unsaved changes asks first; 不保存 leaves nothing behind.
    await page.locator('[data-testid="task-new"]').click()
    await page.locator('[data-testid="tf-name"] input').fill('一个不打算保存的任务')
    await page.locator('[data-testid="task-back"]').click()
    await page.locator('.n-dialog', { hasText: '有未保存的修改' }).waitFor()
    await page.locator('.n-dialog .n-button', { hasText: '不保存，离开' }).click()
    await page.locator('[data-testid="task-count"]', { hasText: '共 3 个任务' }).waitFor()
    const statuses = await page.locator('[data-testid="task-table"] tbody tr .n-tag').allInnerTexts()
    expect(statuses.sort()).toEqual(['已取消', '方案已公布', '草稿'].sort())
    await quiet(page)
    await shot(page, 'tasks-list')
  })
})
