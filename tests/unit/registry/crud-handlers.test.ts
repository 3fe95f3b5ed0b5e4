/** The registry channels as the UI calls them: through dispatch, with a real Workbench and real .xlsx files. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportSummary, JobStatus } from '@contract'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { Workbench } from '../../../electron/services/workbench'
import { tempDir } from '../../helpers/tmp'
import { readWorkbook, writeWorkbook } from './fixtures/office'
import { badUscc, idNo, uscc } from './fixtures/ids'

let t: ReturnType<typeof tempDir>
let wb: Workbench
beforeEach(() => {
  t = tempDir('crud-handlers-')
  wb = new Workbench(join(t.dir, 'work.db'))
})
afterEach(() => {
  wb.close()
  t.cleanup()
})

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const env = await dispatch(handlers, wb, channel, input)
  if (!env.ok) throw new Error(env.error.message)
  return env.data as T
}
async function finish(start: JobStatus): Promise<JobStatus> {
  let s = start
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, 20))
    s = await call<JobStatus>('jobs.status', { id: s.id })
  }
  return s
}

describe('registry channels', () => {
  it('imports as a job, reports the rejected row by its sheet row number, and saves the rejects workbook', async () => {
    const file = join(t.dir, 'in.xlsx')
    await writeWorkbook(file, [
      {
        name: '市场主体',
        rows: [['（某局）检查对象名录库（市场主体）'], ['序号', '统一社会信用代码', '市场主体名称'], [1, uscc(1), '甲'], [2, badUscc(2), '乙'], null, [3, uscc(3), '丙']],
        merges: ['A1:C1']
      }
    ])
    const job = await finish(await call<JobStatus>('registry.importStart', { registry: 'objects', path: file }))
    expect(job.state).toBe('done')
    const r = job.result as ImportSummary
    expect({ read: r.read, imported: r.imported, rejected: r.rejected }).toEqual({ read: 3, imported: 2, rejected: 1 })
    expect(r.rejects.map((x) => x.row)).toEqual([4])

    const out = await call<{ file: string }>('registry.saveRejects', { jobId: job.id, path: join(t.dir, '错误行') })
    expect(out.file).toBe(join(t.dir, '错误行.xlsx'))
    const ws = (await readWorkbook(out.file)).worksheets[0]!
    const values = ws.getRow(3).values as unknown[]
    expect(values).toContain(badUscc(2))
    expect(String(values.find((v) => typeof v === 'string' && v.includes('校验位错误')))).toContain('请核对')
    expect(values).toContain(4)

    const page = await call<{ total: number }>('objects.query', { page: 1, pageSize: 50 })
    expect(page.total).toBe(2)
  })

  it('imports items into the department chosen in the page', async () => {
    const dept = (await call<{ id: number; code: string }[]>('departments.list')).find((d) => d.code === 'SCJG')!
    const file = join(t.dir, 'items.xlsx')
    await writeWorkbook(file, [{ name: 'Sheet1', rows: [['序号', '抽查类别', '检查事项', '事项类别'], [1, '食品安全', '食品销售者检查', '重点'], [2, '', '无类别', '一般']] }])
    const job = await finish(await call<JobStatus>('registry.importStart', { registry: 'items', path: file, deptId: dept.id }))
    const r = job.result as ImportSummary
    expect(r.imported).toBe(1)
    expect(r.rejects).toEqual([expect.objectContaining({ row: 3, reason: '缺少抽查类别' })])
    const items = await call<{ name: string; level: string }[]>('items.list', { deptId: dept.id })
    expect(items.map((i) => [i.name, i.level])).toEqual([['食品销售者检查', '重点']])
  })

  it('exports CSV with a BOM, writes a blank template, and never sends full ID numbers in the list', async () => {
    const created = await call<{ id: number; idNumber: string }>('inspectors.create', { idNumber: idNo('19850707', 15), name: '张三', phone: '13912345678' })
    const list = await call<unknown>('inspectors.list', {})
    expect(JSON.stringify(list)).not.toContain(created.idNumber)
    expect(JSON.stringify(list)).not.toContain('13912345678')
    expect((await call<{ idNumber: string }>('inspectors.get', { id: created.id })).idNumber).toBe(created.idNumber)

    const csv = await call<{ file: string; rows: number }>('registry.export', { registry: 'inspectors', format: 'csv', path: join(t.dir, '人员') })
    expect(csv).toEqual({ file: join(t.dir, '人员.csv'), rows: 1 })
    const bytes = readFileSync(csv.file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain(created.idNumber)

    const tpl = await call<{ file: string }>('registry.template', { registry: 'objects', path: join(t.dir, '模板.xlsx') })
    const book = await readWorkbook(tpl.file)
    expect(book.worksheets.map((w) => w.name)).toEqual(['市场主体', '机关事业单位', '社会团体'])
    expect(book.worksheets[0]!.rowCount).toBe(2)
  })

  it('bulk channels validate their input and answer with Chinese messages', async () => {
    await call('objects.create', { code: uscc(1), name: '甲', township: '城关镇' })
    await call('objects.create', { code: uscc(2), name: '乙', township: '王集镇' })
    expect(await call('objects.bulkClass', { filter: { township: '城关镇' }, creditClass: 'D' })).toEqual({ matched: 1, changed: 1 })
    const bad = await dispatch(handlers, wb, 'objects.bulkClass', { filter: {}, creditClass: 'E' })
    expect(bad.ok).toBe(false)
    const err = await dispatch(handlers, wb, 'objects.update', { id: 1, establishedOn: '明年' })
    expect(err).toEqual({ ok: false, error: { code: 'invalid', message: '成立日期“明年”无法识别（可写作 2019-03-05）。请修改后再保存。' } })
  })
})

describe('cancelling an import', () => {
  it('leaves the database as it was', async () => {
    const file = join(t.dir, 'big.xlsx')
    const rows: (string | number)[][] = [['序号', '统一社会信用代码', '名称']]
    for (let i = 1; i <= 20_000; i++) rows.push([i, uscc(i), `对象${i}`])
    await writeWorkbook(file, [{ name: '市场主体', rows }])
    const start = await call<JobStatus>('registry.importStart', { registry: 'objects', path: file })
    await new Promise((r) => setTimeout(r, 30))
    await call('jobs.cancel', { id: start.id })
    const end = await finish(start)
    expect(end.state).toBe('cancelled')
    expect((await call<{ total: number }>('objects.query', { page: 1, pageSize: 50 })).total).toBe(0)
    const saved = await dispatch(handlers, wb, 'registry.saveRejects', { jobId: start.id, path: join(t.dir, 'x.xlsx') })
    expect(saved).toMatchObject({ ok: false, error: { message: '该导入尚未完成或未成功，没有可保存的错误行。' } })
  })
})
