import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Ctx } from '../../../electron/services/context'
import { exportPublicResults, exportResultTemplate, importResults, publishResults, resultsOfTask, saveResults } from '../../../electron/services/results'
import { checkIdNumber } from '../../../electron/services/registry/identifiers'
import { allResults, code, countySuite, deptIds, drawnTask } from './fixture'
import { approveAll } from '../../helpers/review'

const suite = countySuite('suiji-results-files-')
let ctx: Ctx
let dir: string
beforeAll(() => ({ ctx, dir } = suite()))

const ID = '11010519491231002X' // a valid 身份证号 (GB 11643 check character X)
const MOBILE = '13912345678'

async function xlsxText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const out: string[] = []
  book.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.text ?? '')))))
  return out.join('\n')
}
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
}
/** Every valid 18-character ID number and every mobile number in a text. */
function personalNumbers(s: string): string[] {
  const ids = (s.match(/\d{17}[\dX]/g) ?? []).filter((m) => checkIdNumber(m).ok)
  return [...ids, ...(s.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [])]
}

describe('public result list', () => {
  it('contains the objects and results but no ID or mobile number, even where one was typed into a result', async () => {
    expect(checkIdNumber(ID).ok).toBe(true)
    // an object whose registered name carries a person's numbers (个体户 names sometimes do)
    ctx.sqlite.prepare(`UPDATE objects SET name = ? WHERE code = ?`).run(`张三${ID}餐馆（电话${MOBILE}）`, code(13))
    const task = drawnTask(ctx, { taskNo: '2026-101', start: '2026-06-01', depts: [['县市场监管局', ['i-food']], ['县卫健局', ['i-health']]], codes: [code(11), code(13)] })
    const inspectors = [{ name: '李执法', certNo: ID, deptName: '县市场监管局' }]
    const rs = [
      ...allResults(ctx, task, '县市场监管局', '2026-06-10', {
        [`${code(11)}|i-food`]: { category: '发现问题已责令改正', findings: `负责人手机 ${MOBILE}，身份证 ${ID}`, inspectors }
      }),
      ...allResults(ctx, task, '县卫健局', '2026-06-11', { [`${code(13)}|i-health`]: { category: '通过登记的住所（经营场所）无法联系', evidence: `拨打 ${MOBILE} 无人接听`, disposal: '列入经营异常名录' } })
    ]
    saveResults(ctx, task.id, rs)
    approveAll(ctx, task.id)
    publishResults(ctx, task.id, '2026-06-15')
    const x = await exportPublicResults(ctx, task.id, 'xlsx', join(dir, 'public.xlsx'))
    const d = await exportPublicResults(ctx, task.id, 'docx', join(dir, 'public.docx'))
    expect(x.rows).toBe(4) // 2 objects × 2 departments
    expect(d.rows).toBe(4)
    for (const text of [await xlsxText(x.file), await docxText(d.file)]) {
      expect(personalNumbers(text)).toEqual([])
      expect(text).toContain(code(11))
      expect(text).toContain('发现问题已责令改正')
      expect(text).toContain('通过登记的住所（经营场所）无法联系')
      expect(text).toContain('县卫健局')
      expect(text).not.toContain('李执法')
    }
    // the stored result itself keeps what was typed: only the public list leaves it out
    expect(resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(11) && r.itemUid === 'i-food')!.findings).toContain(MOBILE)
  })
})

describe('results spreadsheet of a department', () => {
  it('exports the drawn objects × items, refuses a filled sheet with row-numbered errors and saves nothing, then imports the corrected one', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-102', start: '2026-06-01', depts: [['县市场监管局', ['i-food', 'i-label']], ['县卫健局', ['i-health']]], codes: [code(15), code(17), code(19)] })
    const scj = deptIds(ctx)['县市场监管局']!
    const file = join(dir, 'tpl.xlsx')
    expect((await exportResultTemplate(ctx, task.id, scj, file)).rows).toBe(6)

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const ws = book.getWorksheet('检查结果')!
    expect(ws.getCell(2, 2).text).toBe('2026-102')
    expect(ws.getCell(2, 4).text).toBe('县市场监管局')
    expect([5, 6, 7, 8, 9, 10].map((r) => `${ws.getCell(r, 2).text}|${ws.getCell(r, 4).text}`)).toEqual([
      `${code(15)}|i-food`, `${code(15)}|i-label`, `${code(17)}|i-food`, `${code(17)}|i-label`, `${code(19)}|i-food`, `${code(19)}|i-label`
    ])
    const fill = (r: number, vals: Record<number, string | Date>) => Object.entries(vals).forEach(([c, v]) => (ws.getCell(r, Number(c)).value = v))
    // columns: 6 检查结果, 7 核查方式, 8 检查情况, 9 后续处置, 10 案件编号, 11 处置说明, 12 证据, 13 检查日期, 14 检查人员
    // 实地核查 and 移送办案 are the words of earlier sheets; F and the national wording of E are read as our labels.
    fill(5, { 6: '未发现问题', 7: '实地核查、书面检查', 13: '2026-06-10', 14: '李执法、王执法' })
    fill(6, { 6: 'F', 13: new Date(Date.UTC(2026, 5, 10)) })
    fill(7, { 6: '没问题', 13: '2026/6/11' }) // not one of the listed categories
    fill(8, { 6: '通过登记的住所（经营场所）无法联系', 9: '列入经营异常名录', 13: '2026年6月11日' }) // no evidence
    fill(9, { 6: '发现问题待后续处理', 9: '移送办案', 13: '2026-06-31' }) // no such date
    fill(10, { 6: '发现问题经责令已改正', 9: '责令改正' }) // no date
    const bad = join(dir, 'bad.xlsx')
    await book.xlsx.writeFile(bad)
    const r1 = await importResults(ctx, task.id, bad)
    expect(r1.ok).toBe(false)
    expect(r1.errors.map((e) => e.row)).toEqual([7, 8, 9, 10])
    expect(r1.errors[0]!.reason).toContain('检查结果“没问题”')
    expect(r1.errors[1]!.reason).toContain('须写明取得的证据')
    expect(r1.errors[2]!.reason).toContain('检查日期“2026-06-31”无法识别')
    expect(r1.errors[3]!.reason).toContain('没有填写检查日期')
    expect(resultsOfTask(ctx, task.id)).toHaveLength(0)

    fill(7, { 6: '未发现问题' })
    fill(8, { 12: '邮寄检查通知书被退回，现场无此单位（照片 3 张）' })
    fill(9, { 10: '泗市监立〔2026〕40号', 13: '2026-06-12' })
    fill(10, { 13: '2026-06-12' })
    const good = join(dir, 'good.xlsx')
    await book.xlsx.writeFile(good)
    const r2 = await importResults(ctx, task.id, good)
    expect(r2.errors).toEqual([])
    expect(r2).toMatchObject({ ok: true, saved: 6 })
    expect(r2.progress!.byDept.map((d) => d.entered)).toEqual([6, 0])
    const saved = resultsOfTask(ctx, task.id)
    expect(saved.find((r) => r.objectCode === code(15) && r.itemUid === 'i-food')!.inspectors.map((i) => i.name)).toEqual(['李执法', '王执法'])
    expect(saved.find((r) => r.objectCode === code(15) && r.itemUid === 'i-label')!.checkDate).toBe('2026-06-10')
    expect(saved.find((r) => r.objectCode === code(15) && r.itemUid === 'i-food')!.methods).toEqual(['实地检查', '书面检查'])
    expect(saved.find((r) => r.objectCode === code(15) && r.itemUid === 'i-label')!).toMatchObject({ category: '未发现开展本次抽查涉及的经营活动', resultCode: 'F' })
    expect(saved.find((r) => r.objectCode === code(19) && r.itemUid === 'i-food')!).toMatchObject({ disposal: '移送办案机构', caseNo: '泗市监立〔2026〕40号', followUpOpen: true })
    expect(saved.find((r) => r.objectCode === code(19) && r.itemUid === 'i-label')!).toMatchObject({ category: '发现问题已责令改正', resultCode: 'E', followUpOpen: false, followUpDoneOn: '2026-06-12' })

    // a sheet of another task is refused outright
    const other = drawnTask(ctx, { taskNo: '2026-103', start: '2026-06-01', depts: [['县市场监管局', ['i-food']]], codes: [code(23)] })
    await expect(importResults(ctx, other.id, good)).rejects.toThrowError('是任务 2026-102 的录入表，不是当前任务 2026-103 的')
    // a sheet exported by the earlier version (one 核查方式, 案号 and 移交部门 in one column) is named as such
    ws.getCell(4, 7).value = '核查方式'
    ws.getCell(4, 10).value = '案件编号／移交部门／说明'
    const old = join(dir, 'old.xlsx')
    await book.xlsx.writeFile(old)
    await expect(importResults(ctx, task.id, old)).rejects.toThrowError('旧版程序导出的录入表')
  })

  it('carries 是否完结 / 完结日期 / 办结说明 both ways: closes an open follow-up, refuses a 完结 where nothing is to be done, and never undoes one', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-104', start: '2026-06-01', depts: [['县市场监管局', ['i-food']]], codes: [code(25), code(27)] })
    const scj = deptIds(ctx)['县市场监管局']!
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-06-10', {
      [`${code(25)}|i-food`]: { category: '发现问题待后续处理', disposal: '移送办案机构', caseNo: '泗市监立〔2026〕41号' }
    }))
    const sheet = async (name: string) => {
      const file = join(dir, name)
      await exportResultTemplate(ctx, task.id, scj, file)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(file)
      return { file, book, ws: book.getWorksheet('检查结果')! }
    }
    const a = await sheet('close-a.xlsx')
    expect([15, 16, 17].map((c) => a.ws.getCell(4, c).text)).toEqual(['是否完结（是/否）', '完结日期', '办结说明'])
    expect(a.ws.getCell(5, 15).text).toBe('否') // the 移送 problem is open
    expect(a.ws.getCell(6, 15).text).toBe('') // 未发现问题: nothing to close

    a.ws.getCell(5, 15).value = '是' // no date, no note
    a.ws.getCell(6, 15).value = '是'
    await a.book.xlsx.writeFile(a.file)
    const r1 = await importResults(ctx, task.id, a.file)
    expect(r1.ok).toBe(false)
    expect(r1.errors.map((e) => e.row)).toEqual([5, 6])
    expect(r1.errors[0]!.reason).toContain('没有填写完结日期')
    expect(r1.errors[1]!.reason).toContain('没有需要完结的问题')

    a.ws.getCell(6, 15).value = ''
    a.ws.getCell(5, 16).value = '2026-06-20'
    a.ws.getCell(5, 17).value = '已立案查处，罚款 5000 元'
    await a.book.xlsx.writeFile(a.file)
    const r2 = await importResults(ctx, task.id, a.file)
    expect(r2.errors).toEqual([])
    expect(r2).toMatchObject({ ok: true, closed: 1 })
    const done = resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(25))!
    expect(done).toMatchObject({ followUpOpen: false, followUpDoneOn: '2026-06-20', followUpNote: '已立案查处，罚款 5000 元' })
    // importing the same sheet again changes nothing
    expect(await importResults(ctx, task.id, a.file)).toMatchObject({ ok: true, saved: 0, closed: 0 })

    const b = await sheet('close-b.xlsx')
    expect([15, 16, 17].map((c) => b.ws.getCell(5, c).text)).toEqual(['是', '2026-06-20', '已立案查处，罚款 5000 元'])
    b.ws.getCell(5, 15).value = '否'
    await b.book.xlsx.writeFile(b.file)
    const r3 = await importResults(ctx, task.id, b.file)
    expect(r3.ok).toBe(false)
    expect(r3.errors[0]!.reason).toContain('已于 2026-06-20 完结，表格中不能撤销')
    expect(resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(25))!.followUpDoneOn).toBe('2026-06-20')
    // a sheet exported before the 完结 columns existed still reads, and closes or undoes nothing
    for (const rn of [4, 5, 6]) for (const c of [15, 16, 17]) b.ws.getCell(rn, c).value = null
    await b.book.xlsx.writeFile(b.file)
    expect(await importResults(ctx, task.id, b.file)).toMatchObject({ ok: true, closed: 0 })
    expect(resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(25))!.followUpDoneOn).toBe('2026-06-20')
  })

  it('after publication the sheet still records 完结 (follow-ups are closed later than results are published), but refuses any changed result and a note longer than the panel allows', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-105', start: '2026-06-01', depts: [['县市场监管局', ['i-food']]], codes: [code(29), code(31)] })
    const scj = deptIds(ctx)['县市场监管局']!
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-06-10', {
      [`${code(29)}|i-food`]: { category: '发现问题待后续处理', disposal: '责令改正' }
    }))
    approveAll(ctx, task.id)
    publishResults(ctx, task.id, '2026-06-15')
    const file = join(dir, 'published.xlsx')
    await exportResultTemplate(ctx, task.id, scj, file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const ws = book.getWorksheet('检查结果')!
    const stored = () => JSON.stringify(resultsOfTask(ctx, task.id))
    const before = stored()
    // the unchanged sheet: nothing to do, nothing refused
    expect(await importResults(ctx, task.id, file)).toMatchObject({ ok: true, saved: 0, closed: 0 })

    ws.getCell(5, 15).value = '是'
    ws.getCell(5, 16).value = '2026-07-01'
    ws.getCell(5, 17).value = '已整改'.repeat(200) // 600 characters: the panel takes at most 500
    ws.getCell(6, 8).value = '补写的检查情况' // a published result changed in the sheet
    await book.xlsx.writeFile(file)
    const r1 = await importResults(ctx, task.id, file)
    expect(r1.ok).toBe(false)
    expect(r1.errors.map((e) => e.row)).toEqual([5, 6])
    expect(r1.errors[0]!.reason).toContain('500')
    expect(r1.errors[1]!.reason).toContain('已经公示')
    expect(stored()).toBe(before)

    ws.getCell(5, 17).value = '已整改到位'
    ws.getCell(6, 8).value = resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(31))!.findings
    await book.xlsx.writeFile(file)
    expect(await importResults(ctx, task.id, file)).toMatchObject({ ok: true, saved: 0, closed: 1 })
    expect(resultsOfTask(ctx, task.id).find((r) => r.objectCode === code(29))).toMatchObject({ followUpDoneOn: '2026-07-01', followUpNote: '已整改到位', reviewStatus: '已通过' })
  })

  it('an unchanged sheet imported back changes nothing: 检查人员 written by name keep their certificate numbers, and reviewed results stay reviewed', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-106', start: '2026-06-01', depts: [['县市场监管局', ['i-food']]], codes: [code(33), code(35)] })
    const scj = deptIds(ctx)['县市场监管局']!
    const team = [{ name: '李执法', certNo: '32132300001', deptName: '县市场监管局' }, { name: '王执法', certNo: '32132300002', deptName: '县市场监管局' }]
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-06-10', {
      [`${code(33)}|i-food`]: { inspectors: team },
      [`${code(35)}|i-food`]: { inspectors: team }
    }))
    approveAll(ctx, task.id)
    const stored = () => JSON.stringify(ctx.sqlite.prepare('SELECT * FROM inspection_results WHERE task_id = ? ORDER BY id').all(task.id))
    const before = stored()
    const file = join(dir, 'unchanged.xlsx')
    await exportResultTemplate(ctx, task.id, scj, file)
    expect(await importResults(ctx, task.id, file)).toMatchObject({ ok: true, saved: 0, closed: 0 })
    expect(stored()).toBe(before)
  })
})
