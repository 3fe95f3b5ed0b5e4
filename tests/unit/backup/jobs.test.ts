import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exchangeHandlers } from '../../../electron/services/exchange/handlers'
import { exchangeContract, type BackupMade, type BackupRestored, type JobStatus } from '@contract'
import type { Workbench } from '../../../electron/services/workbench'
import { addObject, bulkCode, count, site, tempDir, type Site } from '../exchange/helpers'

let open: Site[] = []
afterEach(() => {
  for (const s of open) s.wb.close()
  open = []
})

/** A county large enough that SQLite copies it in several steps (a step is 1 MB). */
function county(n = 6000): Site {
  const s = site(tempDir(), 'county')
  open.push(s)
  s.ctx.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) addObject(s.ctx, bulkCode(i), `泗县第${i}号商店（城东片区人民路${i}号）`, 'SCJG')
  })()
  return s
}

/**
 * Polls a job the way the page does, between the program's own turns, and
 * keeps every status it saw; `during` runs at each poll while the job runs.
 */
async function follow(wb: Workbench, start: JobStatus, during?: () => void): Promise<{ end: JobStatus; seen: JobStatus[] }> {
  const seen = [start]
  let s = start
  while (s.state === 'running') {
    await new Promise((r) => setImmediate(r))
    during?.()
    s = wb.jobs.get(start.id)
    seen.push(s)
  }
  return { end: s, seen }
}

const create = (wb: Workbench, file: string) => exchangeHandlers['backup.create'](exchangeContract['backup.create'].input.parse({ file }), wb) as JobStatus
const restore = (wb: Workbench, file: string) => exchangeHandlers['backup.restore'](exchangeContract['backup.restore'].input.parse({ file }), wb) as JobStatus

/** Where the bar stood at each poll, as a fraction: it must only move forward. */
const bar = (seen: JobStatus[]) => seen.filter((s) => s.total > 0).map((s) => s.done / s.total)

describe('backup and restore as jobs (设置 shows a bar with the stage)', () => {
  it('a backup tells the pages copied as it goes, and ends with the file', async () => {
    const s = county()
    const start = create(s.wb, join(s.file, '..', 'b.db'))
    expect(start).toMatchObject({ state: 'running', phase: '复制数据库' })
    const { end, seen } = await follow(s.wb, start)
    expect(end.state).toBe('done')
    const made = end.result as BackupMade
    expect(existsSync(made.file)).toBe(true)
    const copying = seen.filter((x) => x.phase === '复制数据库' && x.total > 0)
    // several steps seen part-way, not only the start and the end
    expect(new Set(copying.map((x) => x.done)).size).toBeGreaterThan(2)
    expect(copying.every((x) => x.done < x.total)).toBe(true)
    expect(bar(seen)).toEqual([...bar(seen)].sort((a, b) => a - b))
    expect(end.phase).toBe('完成')
  })

  it('a restore goes through its stages in order; meanwhile other requests get a Chinese sentence, and afterwards the program works on the restored file', async () => {
    const s = county()
    const backup = join(s.file, '..', 'b.db')
    const made = await follow(s.wb, create(s.wb, backup))
    expect(made.end.state).toBe('done')
    addObject(s.ctx, '91341324MA2N00002B', '泗县乙饭店', 'SCJG') // made after the backup: the restore takes it away

    const busy: string[] = []
    const { end, seen } = await follow(s.wb, restore(s.wb, backup), () => {
      try {
        s.wb.ctx()
      } catch (e) {
        busy.push((e as Error).message)
      }
    })
    expect(end.state).toBe('done')
    const phases = [...new Set(seen.map((x) => x.phase))]
    expect(phases).toEqual(['检查备份是否完整', '另存恢复前的数据', '用备份替换数据库文件', '打开恢复后的数据库', '完成'].filter((p) => phases.includes(p)))
    expect(phases).toContain('另存恢复前的数据')
    expect(phases.at(-1)).toBe('完成')
    expect(bar(seen)).toEqual([...bar(seen)].sort((a, b) => a - b))
    expect(busy.length).toBeGreaterThan(0)
    expect(new Set(busy)).toEqual(new Set(['数据库正在从备份恢复，请等恢复完成后再操作。']))

    const r = end.result as BackupRestored
    expect(r.restored.counts.objects).toBe(6000)
    expect(count(s.wb.ctx(), 'objects')).toBe(6000)
    expect(r.safetyCopy && existsSync(r.safetyCopy)).toBe(true)
  })

  it('a backup that is not usable fails the job with its reason, and the program keeps its file open and unchanged', async () => {
    const s = county(10)
    const junk = join(s.file, '..', 'junk.db')
    writeFileSync(junk, 'not sqlite at all, just text')
    const { end } = await follow(s.wb, restore(s.wb, junk))
    expect(end.state).toBe('failed')
    expect(end.message).toContain('不是工作台的数据库备份')
    expect(count(s.wb.ctx(), 'objects')).toBe(10)
  })
})
