import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { tempDir } from '../../helpers/tmp'
import { Workbench } from '../../../electron/services/workbench'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import type { DrawAnnouncement, DrawRecordWritten, DrawView, EvidenceExported, JobStatus, PoolFileExported, Task } from '@contract'
import { inDays, SOURCES, today } from './fixture'

/**
 * The files of a draw over a county-wide pool run as jobs (抽取 page shows a
 * bar): a county of 8 000 objects and a task over all of 市场监管's.
 */
const t = tempDir('suiji-draw-files-')
let wb: Workbench
let ann: DrawAnnouncement
let view: DrawView

async function call<T>(channel: string, input: unknown): Promise<T> {
  const env = await dispatch(handlers, wb, channel, input)
  if (!env.ok) throw new Error(env.error.message)
  return env.data as T
}

/** Polls the job as the page does, between the program's own turns; gives every status seen. */
async function follow(start: JobStatus): Promise<JobStatus[]> {
  const seen = [start]
  let s = start
  while (s.state === 'running') {
    await new Promise((r) => setImmediate(r))
    s = wb.jobs.get(start.id)
    seen.push(s)
  }
  return seen
}

beforeAll(async () => {
  wb = new Workbench(join(t.dir, 'county.db'))
  generateDemoCounty(wb.ctx(), { objects: 8000, seed: 'files' })
  const depts = await call<{ id: number; code: string }[]>('departments.list', undefined)
  const scjg = depts.find((d) => d.code === 'SCJG')!.id
  const task = await call<Task>('tasks.create', {
    name: '全县市场主体抽查',
    adhocReason: '专项整治',
    initiatorDeptId: scjg,
    departments: [{ deptId: scjg, itemUids: ['SCJG-07'], inspectorsPerObject: 2 }],
    scope: {},
    rule: { A: { mode: 'count', value: 0 }, B: { mode: 'count', value: 5 }, C: { mode: 'count', value: 5 }, D: { mode: 'count', value: 0 } },
    periodStart: today(),
    periodEnd: inDays(60)
  })
  ann = await call<DrawAnnouncement>('draws.publish', { taskId: task.id, drawDate: today(), planned: { witnessCount: 3, publicLabels: [] } })
  view = await call<DrawView>('draws.perform', { taskId: task.id, operator: '测试', sources: SOURCES })
}, 120_000)
afterAll(() => {
  wb.close()
  t.cleanup()
})

describe('the files of a draw as jobs', () => {
  it('the readable workbook of the pool tells the rows written as it goes, and holds every row', async () => {
    expect(ann.poolCount).toBeGreaterThan(4000)
    const file = join(t.dir, ann.files.workbook)
    const seen = await follow(await call<JobStatus>('draws.exportPoolFile', { taskId: ann.taskId, kind: 'workbook', file }))
    const end = seen.at(-1)!
    expect(end.state).toBe('done')
    expect((end.result as PoolFileExported).sha256).toBe(ann.poolSha256)
    const writing = seen.filter((s) => s.phase === '写入对象池' && s.done > 0)
    expect(writing.length).toBeGreaterThan(1)
    expect(writing.every((s) => s.done < s.total)).toBe(true)
    const bar = seen.filter((s) => s.total > 0).map((s) => s.done / s.total)
    expect(bar).toEqual([...bar].sort((a, b) => a - b))
    expect(seen[0]!.phase).toBe('整理冻结的对象池和执法人员名单')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    expect(book.getWorksheet('对象池')!.rowCount).toBe(ann.poolCount + 1)
  })

  it('the pool file as a job is the exact bytes the announced hash covers', async () => {
    const file = join(t.dir, ann.files.pool)
    const end = (await follow(await call<JobStatus>('draws.exportPoolFile', { taskId: ann.taskId, kind: 'pool', file }))).at(-1)!
    expect(end.state).toBe('done')
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(ann.poolSha256)
  })

  it('the evidence file and the 抽取记录 end with their files; a refused one fails with its Chinese reason', async () => {
    const ev = (await follow(await call<JobStatus>('draws.exportEvidence', { drawId: view.drawId, file: join(t.dir, 'e.json') }))).at(-1)!
    expect(ev.state).toBe('done')
    expect((ev.result as EvidenceExported).shortHash).toBe(view.shortHash)
    const recSeen = await follow(await call<JobStatus>('draws.drawRecordDocx', { drawId: view.drawId, file: join(t.dir, 'r.docx') }))
    expect(recSeen.map((s) => s.phase)).toContain('排版抽取记录')
    const rec = recSeen.at(-1)!
    expect(rec.state).toBe('done')
    expect(existsSync((rec.result as DrawRecordWritten).file)).toBe(true)
    const bad = (await follow(await call<JobStatus>('draws.drawRecordDocx', { drawId: `${view.drawId}9`, file: join(t.dir, 'x.docx') }))).at(-1)!
    expect(bad.state).toBe('failed')
    expect(bad.message).toMatch(/[\u4e00-\u9fff]/)
    expect(existsSync(join(t.dir, 'x.docx'))).toBe(false)
  })
})
