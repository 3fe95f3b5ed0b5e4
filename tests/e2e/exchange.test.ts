import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, Running, shot, nav, watchBar } from './harness'
import { tempDir } from '../helpers/tmp'
import { Workbench } from '../../electron/services/workbench'
import type { Ctx } from '../../electron/services/context'
import { addPeer, exportKeyFile, getIdentity, initIdentity } from '../../electron/services/exchange/identity'
import { exportPackage } from '../../electron/services/exchange/export'
import { applyPackage } from '../../electron/services/exchange/merge'
import { runDailyBackup } from '../../electron/services/backup'
import { updateSettings } from '../../electron/services/settings/service'
import { addInspector, addObject, dumpHash, idNumber, objectRow, setObject, uscc } from '../unit/exchange/helpers'

/**
 * The office imports a department's package through its own pages: the office
 * runs in the browser; the department (市场监管局) is a second database file
 * driven through the services, as it would be on its own computer.
 */
const t = tempDir('suiji-e2e-exchange-')
const officeFile = join(t.dir, '办公室', 'county.db')
const deptFile = join(t.dir, '市场监管局', 'county.db')
let browser: Browser
let app: Running
let page: Page
let dept: Workbench
const deptCtx = (): Ctx => ({ ...dept.ctx(), actor: '市场监管局操作员' })
const officeCtx = (): Ctx => app.wb.ctx()

// Valid 统一社会信用代码 of the department's records (the office refuses invalid ones); A gets changed on both sides.
const A = uscc('91341324MA2N0000A')
const B = uscc('91341324MA2N0000B')
const C = uscc('91341324MA2N0000C')
const D = uscc('91341324MA2N0000D')
const E = uscc('91341324MA2N0000E')
const F = uscc('91341324MA2N0000F')
const INSPECTOR = idNumber('34132419880506001')

const settle = (p: Page) => p.waitForTimeout(400)
async function toTop(p: Page, testid: string) {
  await p.locator(`[data-testid="${testid}"]`).evaluate((el: { scrollIntoView(o: { block: 'start' }): void }) => el.scrollIntoView({ block: 'start' }))
}
/** Waits until the passing success toasts are gone, so that screenshots show the page itself. */
async function quiet(p: Page) {
  for (let i = 0; i < 60 && (await p.locator('.n-message').count()) > 0; i++) await p.waitForTimeout(200)
  await settle(p)
}
const count = (ctx: Ctx, sql: string, ...params: unknown[]) => (ctx.sqlite.prepare(sql).get(...params) as { n: number }).n

async function uploadPackage(p: Page, file: string) {
  const chooser = p.waitForEvent('filechooser')
  await p.locator('[data-testid="import-choose"]').click()
  await (await chooser).setFiles(file)
}

beforeAll(async () => {
  for (const f of [officeFile, deptFile]) mkdirSync(join(f, '..'), { recursive: true })
  dept = new Workbench(deptFile)
  initIdentity(deptCtx(), { name: '泗县市场监督管理局', deptCode: 'SCJG' })
  for (const [code, name] of [
    [A, '泗县甲超市'],
    [B, '泗县乙饭店'],
    [C, '泗县丙药房'],
    [E, '泗县戊五金店'],
    [F, '泗县己服装店']
  ] as const)
    addObject(deptCtx(), code, name, 'SCJG')
  addInspector(deptCtx(), INSPECTOR, '张明', 'SCJG')
  writeFileSync(join(t.dir, '市场监管局.sjkey'), exportKeyFile(deptCtx()))

  browser = await launchBrowser()
  app = await new Running(officeFile).start()
  page = await openApp(browser, app)
})
afterAll(async () => {
  await page?.close()
  await app?.stop()
  dept?.close()
  await browser?.close()
  t.cleanup()
})

describe('数据交换 in the office', () => {
  it('makes the office identity on first use, shows the fingerprint in groups of five, and registers the department by its key file and a phone check', async () => {
    // the name starts from 设置 (the office, written out with its county), so the clerk only checks it
    updateSettings(officeCtx(), { county: '泗县', officeName: '县双随机联席会议办公室' })
    await nav(page, '数据交换')
    await expect.poll(() => page.locator('[data-testid="id-name"] input').inputValue()).toBe('泗县双随机联席会议办公室')
    await page.locator('[data-testid="id-create"]').click()
    await page.locator('[data-testid="id-shown-name"]', { hasText: '泗县双随机联席会议办公室' }).waitFor()
    const me = getIdentity(officeCtx())!
    expect(me).toMatchObject({ code: 'OFFICE', role: 'office' })
    const shown = await page.locator('[data-testid="id-fingerprint"] [data-fingerprint]').getAttribute('data-fingerprint')
    expect(shown).toBe(me.fingerprint)
    expect(shown).toMatch(/^(\d{5} ){7}\d{5}$/)

    // The department's key file: its fingerprint is shown, a wrong one typed is refused, the right one confirms.
    const deptFp = getIdentity(deptCtx())!.fingerprint
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-testid="peer-add"]').click()
    await (await chooser).setFiles(join(t.dir, '市场监管局.sjkey'))
    const modal = page.locator('[data-testid="peer-modal"]')
    await modal.getByText('泗县市场监督管理局').waitFor()
    expect(await modal.locator('[data-fingerprint]').getAttribute('data-fingerprint')).toBe(deptFp)
    await page.locator('[data-testid="peers-table"] tbody tr', { hasText: '未核对，暂不接受' }).waitFor()
    const wrong = deptFp.replace(/^\d/, (d) => String((Number(d) + 1) % 10))
    await page.locator('[data-testid="peer-typed"] input').fill(wrong)
    await page.locator('[data-testid="peer-do-confirm"]').click()
    await page.locator('[data-testid="peer-error"]', { hasText: '与登记的密钥不符' }).waitFor()
    await page.locator('[data-testid="peer-typed"] input').fill(deptFp.replace(/ /g, '-'))
    await page.locator('[data-testid="peer-do-confirm"]').click()
    await page.locator('[data-testid="peers-table"] tbody tr', { hasText: '已核对指纹' }).waitFor()
    await modal.waitFor({ state: 'detached' })
    const peer = officeCtx().sqlite.prepare(`SELECT confirmed FROM agency_peers WHERE code = 'SCJG'`).get() as { confirmed: number }
    expect(peer.confirmed).toBe(1)

    // The department registers the office on its side (its own program).
    addPeer(deptCtx(), exportKeyFile(officeCtx()), me.fingerprint)
    await quiet(page)
    await shot(page, 'exchange-identity')
  })

  it('previews a department package with new, updated, kept-local and conflicting records, applies per-record choices, and logs them', async () => {
    // First round: the office takes the department's registry as it is; both sides now agree.
    const first = join(t.dir, '首次.sjbx')
    exportPackage(deptCtx(), { to: 'OFFICE', full: true, out: first })
    applyPackage(officeCtx(), first, {})
    expect(count(officeCtx(), 'SELECT count(*) AS n FROM objects')).toBe(5)

    // Then both sides work: A's address and the inspector's phone on both sides (conflicts),
    // B only at the department (update), C only at the office (kept), D new at the department.
    setObject(officeCtx(), A, { address: '泗县泗城镇人民路8号（办公室核实）' })
    setObject(officeCtx(), C, { township: '大庄镇' })
    officeCtx().sqlite.prepare(`UPDATE inspectors SET phone = '13900000001', updated_at = '2026-03-02 10:00:00' WHERE id_number = ?`).run(INSPECTOR)
    setObject(deptCtx(), A, { address: '泗县泗城镇人民路10号', legal_rep: '王五' })
    setObject(deptCtx(), B, { name: '泗县乙饭店（新址）' })
    deptCtx().sqlite.prepare(`UPDATE inspectors SET phone = '13800000002', updated_at = '2026-03-02 10:00:00' WHERE id_number = ?`).run(INSPECTOR)
    addObject(deptCtx(), D, '泗县丁便利店', 'SCJG')
    const pkg = join(t.dir, '市场监管局-至-办公室.sjbx')
    exportPackage(deptCtx(), { to: 'OFFICE', full: true, out: pkg })
    const before = dumpHash(officeCtx().sqlite)

    await uploadPackage(page, pkg)
    const preview = page.locator('[data-testid="import-preview"]')
    await preview.waitFor()
    await preview.getByText('泗县市场监督管理局（SCJG）').waitFor()
    const cell = (entity: string, c: string) => preview.locator(`[data-entity="${entity}"] [data-count="${c}"]`).innerText()
    expect(await cell('objects', 'new')).toBe('1') // D
    expect(await cell('objects', 'updated')).toBe('1') // B
    expect(await cell('objects', 'keptLocal')).toBe('1') // C
    expect(await cell('objects', 'conflicts')).toBe('1') // A
    expect(await cell('objects', 'unchanged')).toBe('2') // E, F
    expect(await cell('inspectors', 'conflicts')).toBe('1')
    expect(await cell('total', 'conflicts')).toBe('2')
    // A preview writes nothing.
    expect(dumpHash(officeCtx().sqlite)).toBe(before)

    const conflictA = page.locator(`[data-testid="conflict-${A}"]`)
    const addressRow = conflictA.locator('tr', { hasText: '住所' })
    expect(await addressRow.locator('td').nth(1).innerText()).toBe('泗县泗城镇人民路8号（办公室核实）')
    expect(await addressRow.locator('td').nth(2).innerText()).toBe('泗县泗城镇人民路10号')
    await conflictA.locator('tr', { hasText: '法定代表人/负责人' }).waitFor()
    await page.locator(`[data-testid="conflict-${INSPECTOR}"] tr`, { hasText: '联系电话' }).waitFor()
    expect(await page.locator('[data-testid="import-apply"]').isDisabled()).toBe(true)
    await page.locator('[data-testid="import-undecided"]', { hasText: '还有 2 处冲突未选择' }).waitFor()

    await page.locator(`[data-testid="choose-theirs-${A}"]`).click()
    await page.locator('[data-testid="import-undecided"]', { hasText: '还有 1 处冲突未选择' }).waitFor()
    await toTop(page, 'import-card')
    await quiet(page)
    await shot(page, 'exchange-preview-conflict')

    await page.locator(`[data-testid="choose-ours-${INSPECTOR}"]`).click()
    // the import runs as a job: a bar with its stage stands where the buttons were
    const importBar = await watchBar(page, 'import-progress')
    await page.locator('[data-testid="import-apply"]:not([disabled])').click()
    await page.locator('.n-dialog__action button', { hasText: '确认导入' }).click()
    await page.locator('[data-testid="import-done"]', { hasText: '采用对方\n1' }).or(page.locator('[data-testid="import-done"]', { hasText: '已导入' })).waitFor()
    const importPhases = await importBar()
    expect(importPhases[0]).toBe('校验签名并读取交换包……')
    for (const p of importPhases) expect(p).toMatch(/^(校验签名并读取交换包|合并记录（共 \d+ 条，全部成功才写入）|合并\S+（\d+ 条）|重建\S+的搜索索引|完成)……$/)
    await page.locator('[data-testid="import-progress"]').waitFor({ state: 'detached' })

    const o = officeCtx()
    expect(objectRow(o, A)).toMatchObject({ address: '泗县泗城镇人民路10号', legal_rep: '王五' })
    expect(objectRow(o, B)).toMatchObject({ name: '泗县乙饭店（新址）' })
    expect(objectRow(o, C)).toMatchObject({ township: '大庄镇' })
    expect(objectRow(o, D)).toMatchObject({ name: '泗县丁便利店' })
    expect(count(o, 'SELECT count(*) AS n FROM inspectors WHERE id_number = ? AND phone = ?', INSPECTOR, '13900000001')).toBe(1)
    expect(count(o, `SELECT count(*) AS n FROM audit_log WHERE action = '交换冲突：采用对方' AND entity_id = ?`, A)).toBe(1)
    expect(count(o, `SELECT count(*) AS n FROM audit_log WHERE action = '交换冲突：保留本方' AND entity_id = ?`, INSPECTOR)).toBe(1)

    const logRow = page.locator('[data-testid="log-table"] tbody tr', { hasText: '收到' })
    await logRow.first().waitFor()
    expect(await logRow.first().innerText()).toContain('采用对方 1，保留本机 1')
    expect(await logRow.first().innerText()).toContain('泗县市场监督管理局（SCJG）')

    // The office sends the county registry back: counts, the file, and a browser download of it.
    await page.locator('[data-testid="export-to"]').click()
    await page.locator('.n-base-select-option', { hasText: '泗县市场监督管理局（SCJG）' }).click()
    await page.locator('[data-testid="export-kind"]').getByText('全量').click()
    await page.locator('[data-testid="export-with-registry"]').click() // the department asked for the county registry
    // the package is built as a job: a bar with its stage stands where the button was
    const exportBar = await watchBar(page, 'export-progress')
    await page.locator('[data-testid="export-run"]').click()
    const result = page.locator('[data-testid="export-result"]')
    await result.waitFor()
    expect((await exportBar()).length).toBeGreaterThan(0)
    expect(await result.innerText()).toContain('检查对象 6')
    expect(await result.innerText()).toContain('执法检查人员 1')
    const href = await page.locator('[data-testid="export-download"]').getAttribute('href')
    const download = await page.request.get(new URL(href!, page.url()).toString())
    expect(download.status()).toBe(200)
    expect((await download.body()).subarray(0, 4).toString('latin1')).toBe('SJBX')
    await page.locator('[data-testid="log-table"] tbody tr', { hasText: '发出' }).first().waitFor()

    // The same package again: recognised, nothing to apply.
    await uploadPackage(page, pkg)
    await page.locator('[data-testid="import-already"]').waitFor()
    expect(await page.locator('[data-testid="import-apply"]').isDisabled()).toBe(true)
  })

  it('refuses a package altered after signing with a plain Chinese reason and leaves the database exactly as it was', async () => {
    setObject(deptCtx(), E, { address: '泗县某路99号' })
    const good = join(t.dir, '增量.sjbx')
    exportPackage(deptCtx(), { to: 'OFFICE', out: good })
    const bytes = readFileSync(good)
    bytes[bytes.length - 200] ^= 0x01
    const bad = join(t.dir, '被改动.sjbx')
    writeFileSync(bad, bytes)
    const before = dumpHash(officeCtx().sqlite)

    await uploadPackage(page, bad)
    const alert = page.locator('[data-testid="import-refused"]')
    await alert.waitFor()
    expect(await alert.innerText()).toContain('交换包被拒绝，未导入')
    expect(await alert.innerText()).toContain('数据在签名后被改动过')
    expect(await alert.innerText()).toContain('未作任何改动')
    expect(await alert.innerText()).toContain('交换包“被改动.sjbx”')
    expect(await page.locator('[data-testid="import-preview"]').count()).toBe(0)
    expect(dumpHash(officeCtx().sqlite)).toBe(before)
    await toTop(page, 'import-card')
    await quiet(page)
    await shot(page, 'exchange-refused')

    // A file that is no package at all.
    writeFileSync(join(t.dir, '说明.sjbx'), '这不是交换包')
    await uploadPackage(page, join(t.dir, '说明.sjbx'))
    await page.locator('[data-testid="import-refused"]', { hasText: '说明.sjbx' }).waitFor()
    expect(dumpHash(officeCtx().sqlite)).toBe(before)
  })
})

describe('设置 → 备份与恢复', () => {
  it('backs up now, lists automatic and manual backups, previews one and restores it after a strong confirmation', async () => {
    await runDailyBackup(officeCtx())
    await nav(page, '设置')
    const card = page.locator('[data-testid="backup-card"]')
    await card.locator('tbody tr', { hasText: '每日自动' }).waitFor()
    const lastAction = (officeCtx().sqlite.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string }).action
    // backup and restore run as jobs: a bar with the stage stands in for the button while they run
    const backupBar = await watchBar(page, 'backup-progress')
    await page.locator('[data-testid="backup-now"]').click()
    const manual = card.locator('tbody tr', { hasText: '手动' })
    await manual.waitFor()
    expect((await backupBar())[0]).toBe('复制数据库……')
    await page.locator('[data-testid="backup-now"]').waitFor()
    const objectsAtBackup = count(officeCtx(), 'SELECT count(*) AS n FROM objects')

    // After the backup the office adds a record; restoring must take it away again.
    addObject(officeCtx(), uscc('91341324MA2N0000G'), '泗县庚茶社', null)
    expect(count(officeCtx(), 'SELECT count(*) AS n FROM objects')).toBe(objectsAtBackup + 1)

    await manual.locator('button', { hasText: '预览' }).click()
    const modal = page.locator('[data-testid="backup-preview"]')
    await modal.waitFor()
    expect(await modal.locator('[data-testid="backup-count-objects"]').innerText()).toBe(String(objectsAtBackup))
    // What the office had done last when the backup was made.
    await modal.getByText(`（${lastAction}）`).waitFor()
    await quiet(page)
    await shot(page, 'settings-backup')

    await page.locator('[data-testid="backup-restore"]').click()
    const confirm = page.locator('.n-dialog', { hasText: '用这份备份替换当前数据？' })
    await confirm.getByText('先把当前数据完整另存一份').waitFor()
    const restoreBar = await watchBar(page, 'restore-progress')
    await confirm.locator('button', { hasText: '确定恢复' }).click()
    await page.getByText('已恢复').first().waitFor()
    const restorePhases = await restoreBar()
    expect(restorePhases[0]).toBe('检查备份是否完整……')
    for (const p of restorePhases) expect(p).toMatch(/^(检查备份是否完整|另存恢复前的数据|用备份替换数据库文件|打开恢复后的数据库|完成)……$/)
    expect(count(officeCtx(), 'SELECT count(*) AS n FROM objects')).toBe(objectsAtBackup)
    await card.locator('tbody tr', { hasText: '恢复前自动另存' }).waitFor()
  })
})
