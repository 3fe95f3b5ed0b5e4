import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  backupCmd,
  exportPackageCmd,
  identityExportKey,
  identityInit,
  importPackageCmd,
  peerAdd,
  restoreCmd
} from '../../../electron/cli/commands/exchange'
import { exchangeHandlers } from '../../../electron/services/exchange/handlers'
import { exchangeContract, type BackupMade, type BackupRestored, type JobStatus } from '@contract'
import { Workbench } from '../../../electron/services/workbench'
import { addObject, captureConsole, edit, setObject, tempDir } from './helpers'

afterEach(() => vi.restoreAllMocks())

/** Waits for a job the handler started and gives its result. */
async function finished<R>(wb: Workbench, start: JobStatus): Promise<R> {
  let s = start
  while (s.state === 'running') {
    await new Promise((r) => setImmediate(r))
    s = wb.jobs.get(start.id)
  }
  expect(s).toMatchObject({ state: 'done', message: '' })
  return s.result as R
}

describe('command line', () => {
  it('identity, key exchange, export and import with exit codes 0 / 1 / 2', async () => {
    const { logs, lastJson } = captureConsole()
    const dir = tempDir()
    const office = join(dir, 'office.db')
    const dept = join(dir, 'dept.db')
    expect(await identityInit(['--db', office, '--name', '县双随机办'])).toBe(0)
    expect(await identityInit(['--db', dept, '--name', '县市场监管局', '--dept', 'SCJG', '--json'])).toBe(0)
    const deptFp = lastJson().fingerprint as string
    expect(await identityExportKey(['--db', dept, '--out', join(dir, 'dept.sjkey')])).toBe(0)
    expect(await identityExportKey(['--db', office, '--out', join(dir, 'office.sjkey'), '--json'])).toBe(0)
    const officeFp = lastJson().fingerprint as string
    expect(officeFp).not.toBe(deptFp)
    expect(await peerAdd([join(dir, 'dept.sjkey'), '--db', office, '--confirm', deptFp])).toBe(0)
    expect(await peerAdd([join(dir, 'office.sjkey'), '--db', dept, '--confirm', officeFp.replace(/ /g, '-')])).toBe(0)

    edit(dept, (w) => addObject({ ...w.ctx() }, '91341324MA2N000018', '泗县甲超市', 'SCJG'))
    const pkg = join(dir, 'p.sjbx')
    expect(await exportPackageCmd(['--db', dept, '--to', 'OFFICE', '--full', '--out', pkg, '--json'])).toBe(0)
    expect(lastJson().contents.objects).toBe(1)

    expect(await importPackageCmd([pkg, '--db', office, '--preview', '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: false, totals: { new: 1, conflicts: 0 } })
    expect(await importPackageCmd([pkg, '--db', office, '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: true, totals: { new: 1 } })
    expect(await importPackageCmd([pkg, '--db', office, '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: false, alreadyImported: true })

    // A conflict without a rule is refused (1); with --theirs it is applied.
    edit(office, (w) => setObject(w.ctx(), '91341324MA2N000018', { address: '办公室改' }))
    edit(dept, (w) => setObject(w.ctx(), '91341324MA2N000018', { address: '部门改' }))
    const pkg2 = join(dir, 'p2.sjbx')
    expect(await exportPackageCmd(['--db', dept, '--to', 'OFFICE', '--out', pkg2])).toBe(0)
    expect(await importPackageCmd([pkg2, '--db', office])).toBe(1)
    expect(logs.at(-1)).toMatch(/1 处冲突尚未决定/)
    expect(await importPackageCmd([pkg2, '--db', office, '--theirs', '--json'])).toBe(0)
    expect(lastJson().decisions).toEqual([{ entity: 'objects', key: '91341324MA2N000018', choice: 'theirs' }])

    // Unreadable → 2; readable but refused → 1.
    writeFileSync(join(dir, 'junk.sjbx'), 'junk')
    expect(await importPackageCmd([join(dir, 'junk.sjbx'), '--db', office])).toBe(2)
    const bytes = readFileSync(pkg2)
    bytes[bytes.length - 100] ^= 1
    writeFileSync(join(dir, 'bad.sjbx'), bytes)
    expect(await importPackageCmd([join(dir, 'bad.sjbx'), '--db', office, '--json'])).toBe(1)
    expect(lastJson()).toMatchObject({ refused: true, code: 'content-altered' })
  })

  it('backup and restore', async () => {
    captureConsole()
    const dir = tempDir()
    const db = join(dir, 'county.db')
    edit(db, (w) => addObject(w.ctx(), '91341324MA2N000018', '泗县甲超市', 'SCJG'))
    expect(await backupCmd(['--db', db, '--out', join(dir, 'b.db')])).toBe(0)
    edit(db, (w) => addObject(w.ctx(), '91341324MA2N00002B', '泗县乙饭店', 'SCJG'))
    expect(await restoreCmd([join(dir, 'b.db'), '--db', db])).toBe(0)
    edit(db, (w) => expect((w.ctx().sqlite.prepare('SELECT COUNT(*) AS n FROM objects').get() as { n: number }).n).toBe(1))
  })
})

describe('API handlers', () => {
  it('validate with the contract schemas and restore the open database in place', async () => {
    const dir = tempDir()
    const wb = new Workbench(join(dir, 'county.db'))
    try {
      const me = exchangeHandlers['exchange.initIdentity'](exchangeContract['exchange.initIdentity'].input.parse({ name: '县双随机办' }), wb)
      expect(await me).toMatchObject({ code: 'OFFICE', role: 'office' })
      expect(exchangeContract['exchange.confirmPeer'].input.safeParse({ fingerprint: '123' }).success).toBe(false)

      addObject(wb.ctx(), '91341324MA2N000018', '泗县甲超市', 'SCJG')
      const b = await finished<BackupMade>(wb, await exchangeHandlers['backup.create'](exchangeContract['backup.create'].input.parse({ file: join(dir, 'b.db') }), wb))
      addObject(wb.ctx(), '91341324MA2N00002B', '泗县乙饭店', 'SCJG')
      const r = await finished<BackupRestored>(wb, await exchangeHandlers['backup.restore'](exchangeContract['backup.restore'].input.parse({ file: b.file }), wb))
      expect(r.restored.counts.objects).toBe(1)
      // The workbench works on the restored file again.
      expect((wb.ctx().sqlite.prepare('SELECT COUNT(*) AS n FROM objects').get() as { n: number }).n).toBe(1)
      const list = await exchangeHandlers['backup.list'](undefined, wb)
      expect(list.some((x) => x.kind === 'safety')).toBe(true)
    } finally {
      wb.close()
    }
  })
})
