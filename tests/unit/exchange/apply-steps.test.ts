import { afterEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { exportPackage } from '../../../electron/services/exchange/export'
import { APPLY_FIRST_PHASE, applyPackage, applyPackageInSteps } from '../../../electron/services/exchange/merge'
import { BULK_THRESHOLD } from '../../../electron/services/db/bulk'
import { JobRunner } from '../../../electron/services/jobs/runner'
import type { JobStatus } from '@contract'
import { addInspector, addObject, bulkCode, closedAfterEach, count, dumpHash, officeAndScjg, type Site } from './helpers'

const open = closedAfterEach()
afterEach(() => vi.useRealTimers())

/**
 * The office before a department's first large package, and a byte-for-byte
 * copy of it: one takes the package directly, the other through the staged
 * job the page runs. Both run at the same frozen clock, under the same name.
 */
function twins() {
  const { dir, office, dept: scjg } = officeAndScjg(open)
  scjg.ctx.sqlite.transaction(() => {
    for (let i = 0; i < BULK_THRESHOLD + 200; i++) addObject(scjg.ctx, bulkCode(i), `泗县第${i}号商店`, 'SCJG')
  })()
  addInspector(scjg.ctx, '34132419800101001X', '张三', 'SCJG')
  const file = join(dir, 'first.sjbx')
  exportPackage(scjg.ctx, { to: 'OFFICE', full: true, out: file })
  const copyFile = join(dir, 'office-copy.db')
  office.ctx.sqlite.exec(`VACUUM INTO '${copyFile}'`)
  const wb = new Workbench(copyFile)
  const copy: Site = { wb, ctx: { ...wb.ctx(), actor: office.ctx.actor }, file: copyFile }
  open.push(copy)
  return { office, copy, file }
}

describe('importing an exchange package as a staged job (the 数据交换 page shows a bar)', () => {
  it('tells each stage with its counts, and leaves the same database as a direct import', async () => {
    // frozen before the copy is opened too: opening notes the time of the audit anchor
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 2, 2, 10, 0, 0))
    const { office, copy, file } = twins()

    const direct = applyPackage(office.ctx, file, {})
    const seen: [string, number, number][] = []
    const staged = await applyPackageInSteps(copy.ctx, file, {}, { token: direct.token }, (phase, done, total) => seen.push([phase, done, total]))

    expect(staged).toEqual(direct)
    expect(count(copy.ctx, 'objects')).toBe(BULK_THRESHOLD + 200)
    // the audit anchor notes the wall-clock second SQLite signed it at; everything else must match exactly
    for (const db of [office.ctx.sqlite, copy.ctx.sqlite]) db.exec(`UPDATE audit_anchor SET at = ''`)
    expect(dumpHash(copy.ctx.sqlite)).toBe(dumpHash(office.ctx.sqlite))

    const n = BULK_THRESHOLD + 200
    expect(seen.map((s) => s[0])).toEqual([
      APPLY_FIRST_PHASE,
      `合并记录（共 ${n + 2} 条，全部成功才写入）`,
      '合并成员单位（1 条）',
      `合并检查对象（${n} 条）`,
      '重建检查对象的搜索索引',
      '合并执法检查人员（1 条）',
      '完成'
    ])
    // the bar only moves forward and ends full
    const figures = seen.slice(1).map((s) => s[1] / s[2])
    expect(figures).toEqual([...figures].sort((a, b) => a - b))
    expect(seen.at(-1)!.slice(1)).toEqual([5, 5])
  })

  it('a refused import through the job fails with the same message and changes nothing', async () => {
    const { copy, file } = twins()
    const before = dumpHash(copy.ctx.sqlite)
    const jobs = new JobRunner()
    const start = jobs.start('exchange-apply', '导入交换包', (_s, report) => applyPackageInSteps(copy.ctx, file, {}, { token: 'f'.repeat(64) }, report), APPLY_FIRST_PHASE)
    expect(start.phase).toBe(APPLY_FIRST_PHASE)
    let s: JobStatus = start
    while (s.state === 'running') {
      await new Promise((r) => setImmediate(r))
      s = jobs.get(start.id)
    }
    expect(s.state).toBe('failed')
    expect(s.message).toContain('所选文件与刚才预览的交换包不是同一个')
    expect(dumpHash(copy.ctx.sqlite)).toBe(before)
  })
})
