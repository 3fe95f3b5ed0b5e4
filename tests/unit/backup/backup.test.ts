import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createBackup, listBackups, previewBackup, restoreBackup, runDailyBackup } from '../../../electron/services/backup'
import { Workbench } from '../../../electron/services/workbench'
import { addObject, count, site, tempDir, type Site } from '../exchange/helpers'

let open: Site[] = []
afterEach(() => {
  for (const s of open) if (s.wb) s.wb.close()
  open = []
})

/** Registry rows only: the audit log gains a “restored” entry on purpose. */
function registryDump(file: string): string {
  const wb = new Workbench(file)
  try {
    const s = wb.ctx().sqlite
    return JSON.stringify(['departments', 'objects', 'inspectors', 'items'].map((t) => s.prepare(`SELECT * FROM ${t} ORDER BY id`).all()))
  } finally {
    wb.close()
  }
}

describe('backup and restore of the whole database', () => {
  it('an online backup taken while the database is open holds everything, including uncheckpointed changes', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    open.push(s)
    addObject(s.ctx, '91341324MA2N000001', '泗县甲超市', 'SCJG')
    const r = await createBackup(s.ctx, join(dir, 'b.db'))
    expect(existsSync(`${r.file}-wal`)).toBe(false)
    const p = previewBackup(r.file)
    expect(p.counts).toMatchObject({ departments: count(s.ctx, 'departments'), objects: 1, inspectors: 0, items: 0 })
    expect(p.counts.tasks).toBe(0)
    expect(p.intact).toBe(true)
    expect(p.newer).toBe(false)
    expect(p.appVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(p.lastAuditAt).toMatch(/^\d{4}-\d{2}-\d{2} /)
    await expect(createBackup(s.ctx, r.file)).rejects.toThrow(/已存在/)
  })

  it('restore replaces the file by the backup after a safety copy of the current one', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    addObject(s.ctx, '91341324MA2N000001', '泗县甲超市', 'SCJG')
    const backup = (await createBackup(s.ctx, join(dir, 'backup-1.db'))).file
    const atBackup = registryDump(backup)
    addObject(s.ctx, '91341324MA2N000002', '泗县乙饭店', 'SCJG') // made after the backup
    s.wb.close()
    const beforeRestore = registryDump(s.file)

    const r = await restoreBackup(backup, s.file, { actor: '测试' })
    expect(r.restored.counts.objects).toBe(1)
    expect(registryDump(s.file)).toBe(atBackup)
    expect(r.safetyCopy).not.toBeNull()
    expect(registryDump(r.safetyCopy!)).toBe(beforeRestore)
    const wb = new Workbench(s.file)
    const last = wb.ctx().sqlite.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string }
    wb.close()
    expect(last.action).toBe('从备份恢复数据库')
    expect(listBackups(s.file).map((b) => b.kind)).toContain('safety')
  })

  it('refuses to restore from a file that is not a workbench database, leaving the current file alone', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    addObject(s.ctx, '91341324MA2N000001', '泗县甲超市', 'SCJG')
    s.wb.close()
    const before = registryDump(s.file)
    writeFileSync(join(dir, 'junk.db'), 'not sqlite at all, just text')
    await expect(restoreBackup(join(dir, 'junk.db'), s.file)).rejects.toThrow(/不是工作台的数据库备份/)
    expect(registryDump(s.file)).toBe(before)
  })
})

describe('a damaged backup', () => {
  it('is refused in plain Chinese, without SQLite’s English, and the current file stays as it was', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    for (let i = 0; i < 3000; i++) addObject(s.ctx, `91341324MA2N${String(i).padStart(5, '0')}X`.slice(0, 18), `泗县第${i}号商店`, 'SCJG')
    const backup = (await createBackup(s.ctx, join(dir, 'b.db'))).file
    // pages in the middle overwritten, as a failing disk or a careless copy leaves them
    const bytes = readFileSync(backup)
    bytes.fill(0xff, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 40_000)
    writeFileSync(backup, bytes)
    s.wb.close()
    const before = registryDump(s.file)
    const refusal = await restoreBackup(backup, s.file).then(
      () => null,
      (e: Error) => e.message
    )
    expect(refusal).toContain('已损坏')
    expect(refusal).not.toMatch(/[A-Za-z]{3,}/)
    expect(registryDump(s.file)).toBe(before)
  })
})

describe('automatic daily backups', () => {
  it('one per day, idempotent the same day, pruned once older than 30 days', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    open.push(s)
    const day = (d: string) => new Date(`${d}T09:00:00`)
    const first = await runDailyBackup(s.ctx, day('2026-01-01'))
    expect(first.created).toBe(true)
    expect(first.file).toBe(join(dir, '备份', '自动', '2026-01-01.db'))
    expect((await runDailyBackup(s.ctx, new Date('2026-01-01T18:00:00'))).created).toBe(false)
    await runDailyBackup(s.ctx, day('2026-01-15'))
    // Someone's own file in the folder is never touched.
    writeFileSync(join(dir, '备份', '自动', '说明.txt'), '')
    // 2026-01-31 is 30 days after 01-01: still kept.
    expect((await runDailyBackup(s.ctx, day('2026-01-31'))).pruned).toEqual([])
    const r = await runDailyBackup(s.ctx, day('2026-02-01'))
    expect(r.pruned).toEqual(['2026-01-01.db'])
    expect(readdirSync(join(dir, '备份', '自动')).sort()).toEqual(['2026-01-15.db', '2026-01-31.db', '2026-02-01.db', '说明.txt'])
    const auto = listBackups(s.file).filter((b) => b.kind === 'auto')
    expect(auto).toHaveLength(3)
    expect(previewBackup(auto[0]!.file).intact).toBe(true)
  })

  it('a leftover partial file from an interrupted backup does not count as that day’s backup', async () => {
    const dir = tempDir()
    const s = site(dir, 'county')
    open.push(s)
    mkdirSync(join(dir, '备份', '自动'), { recursive: true })
    writeFileSync(join(dir, '备份', '自动', '2026-03-03.db.part'), 'half')
    const r = await runDailyBackup(s.ctx, new Date('2026-03-03T08:00:00'))
    expect(r.created).toBe(true)
    expect(previewBackup(r.file).intact).toBe(true)
  })
})
