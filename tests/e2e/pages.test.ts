/**
 * Every page of a county in use (demo loaded, a plan, a task drawn, results
 * entered) at 1280×720, the smallest office monitor: each is photographed,
 * nothing on it overflows sideways out of reach, and its visible text shows
 * no library name, file path, UUID, English word, raw field name or ‰ beside %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { callApi, closeAll, launchBrowser, nav, Running, shot, still } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import { generateDemoCounty } from '../../electron/services/demo/generate'
import type { ResultInput, ResultSheet, Task } from '@contract'

const t = tempDir('suiji-e2e-pages-')
const dbFile = join(t.dir, 'county.db')
let browser: Browser
let app: Running
let page: Page
/** The menu, in order (src/router.ts). */
const AREAS = ['首页', '事项清单', '检查对象', '执法人员', '年度计划', '抽查任务', '随机抽取', '检查结果', '文书', '数据交换', '统计', '成员单位', '设置']
const call = <T>(channel: string, input: unknown) => callApi<T>(app, channel, input)
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10)

/** What a clerk must never read. Product names a clerk knows (Excel, Word, WPS) and key names are allowed. */
const LIBRARIES = /chinese-days|pure-rand|xoroshiro|naive-ui|drizzle|sqlite|exceljs|fflate|electron|playwright|zod\b|vue\b|pinia/i
const PATH = /(?:[A-Za-z]:\\|\/(?:home|tmp|usr|work|var|etc)\/|\b\w+\.(?:ts|js|md|json|db|sqlite)\b)/
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const ALLOWED_WORDS = new Set(['Excel', 'Word', 'WPS', 'PDF', 'CSV', 'Ctrl', 'Tab', 'Enter', 'Shift', 'Esc', 'zip', 'xlsx', 'docx', 'SHA', 'QR', 'json', 'txt'])
const PERMILLE_BY_PERCENT = /‰[^\n]{0,16}%|%[^\n]{0,16}‰/

function problems(text: string): string[] {
  const out: string[] = []
  const lib = LIBRARIES.exec(text)
  if (lib) out.push(`程序库名“${lib[0]}”`)
  const path = PATH.exec(text)
  if (path) out.push(`文件路径“${path[0]}”`)
  const uuid = UUID.exec(text)
  if (uuid) out.push(`内部编号“${uuid[0]}”`)
  // camelCase or snake_case words are field names; other Latin words of 3+ letters are English (codes such as SCJG are upper-case)
  for (const w of text.match(/\b[A-Za-z][A-Za-z_]{2,}\b/g) ?? []) {
    if (ALLOWED_WORDS.has(w)) continue
    if (/^[A-Z]+$/.test(w)) continue
    out.push(/[a-z][A-Z]|_/.test(w) ? `字段名“${w}”` : `英文“${w}”`)
  }
  const pm = PERMILLE_BY_PERCENT.exec(text)
  if (pm) out.push(`‰ 与 % 混用“${pm[0]}”`)
  return out
}

/** The page's visible text without the places that show, on purpose, the user's own files (data-path) or the published calculation text that is hashed letter for letter (data-verbatim). */
async function visibleText(p: Page): Promise<string> {
  return (await p.evaluate(`(() => {
    const body = document.querySelector('#app').cloneNode(true)
    for (const el of body.querySelectorAll('[data-path], [data-verbatim]')) el.remove()
    document.body.appendChild(body)
    body.style.position = 'absolute'
    body.style.left = '-99999px'
    const text = body.innerText
    body.remove()
    return text
  })()`)) as string
}

beforeAll(async () => {
  const wb = new Workbench(dbFile)
  generateDemoCounty(wb.ctx(), { objects: 3000, seed: 'e2e-pages' })
  wb.close()
  browser = await launchBrowser()
  app = await new Running(dbFile).start()
  const depts = await call<{ id: number; code: string }[]>('departments.list', undefined)
  const dept = (code: string) => depts.find((d) => d.code === code)!.id
  await call('plans.create', {
    year: Number(today().slice(0, 4)),
    planName: '年度部门联合双随机抽查计划',
    taskName: '餐饮服务单位食品安全联合检查',
    ratioText: '5%',
    itemUids: ['SCJG-07', 'WJJ-01'],
    scope: { industries: ['餐饮服务'] },
    initiatorDeptId: dept('SCJG'),
    jointDeptIds: [dept('WJJ')],
    drawDate: `${today().slice(0, 7)}`
  })
  const task = await call<Task>('tasks.create', {
    name: '城区餐饮服务单位食品安全联合抽查',
    adhocReason: '投诉举报',
    initiatorDeptId: dept('SCJG'),
    departments: [
      { deptId: dept('SCJG'), itemUids: ['SCJG-07'], inspectorsPerObject: 2 },
      { deptId: dept('WJJ'), itemUids: ['WJJ-01'], inspectorsPerObject: 1 }
    ],
    scope: { industries: ['餐饮服务'] },
    rule: { A: { mode: 'ratio', value: 50 }, B: { mode: 'ratio', value: 50 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'ratio', value: 50 } },
    periodStart: '2026-04-01',
    periodEnd: '2026-12-31'
  })
  await call('draws.publish', { taskId: task.id, drawDate: today(), planned: { witnessCount: 3, publicLabels: [] } })
  await call('draws.perform', {
    taskId: task.id,
    operator: '王五',
    sources: [
      { kind: 'witness', label: '张三', value: '3 1 4 1 5 9' },
      { kind: 'witness', label: '李四', value: '2 7 1 8 2 8' },
      { kind: 'witness', label: '赵六', value: '1 6 1 8 0 3' }
    ]
  })
  const sheet = await call<ResultSheet>('results.sheet', { taskId: task.id, deptId: dept('SCJG') })
  const results: ResultInput[] = sheet.rows.map((r, i) => ({
    objectCode: r.objectCode,
    deptId: sheet.deptId,
    itemUid: r.itemUid,
    category: i % 4 ? '未发现问题' : '发现问题待后续处理',
    methods: ['实地检查'],
    disposal: i % 4 ? '无需处置' : '责令改正',
    checkDate: today()
  }))
  await call('results.save', { taskId: task.id, results })
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })
  page.setDefaultTimeout(90_000)
  page.on('pageerror', (e) => console.error('[page error]', e))
  await page.goto(app.host.launchUrl)
  await page.locator('[data-nav="首页"]').waitFor()
}, 240_000)
afterAll(async () => {
  await closeAll(page, app, browser)
  t.cleanup()
})

describe('every page at 1280×720 on a county in use', () => {
  for (const [i, title] of AREAS.entries()) {
    it(`${title}: photographed, reachable, and in plain Chinese`, async () => {
      await nav(page, title)
      const content = page.locator('.content')
      // a page is ready when it shows its own content and nothing is loading
      await expect.poll(async () => (await content.innerText()).trim().length, { timeout: 60_000 }).toBeGreaterThan(20)
      await page.locator('.n-data-table .n-spin').first().waitFor({ state: 'detached' })
      await still(page)
      await shot(page, `1280-${String(i + 1).padStart(2, '0')}-${title}`)
      // nothing hangs out sideways: what is wider than the window scrolls inside its own box
      const overflow = (await page.evaluate(`(() => { const c = document.querySelector('.content'); return c.scrollWidth - c.clientWidth })()`)) as number
      expect(overflow, `${title} 页面横向超出窗口`).toBeLessThanOrEqual(1)
      expect(problems(await visibleText(page)), title).toEqual([])
    })
  }
})
