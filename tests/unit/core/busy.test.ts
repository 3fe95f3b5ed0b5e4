/**
 * Two programs on one database: writers take the write lock at the start
 * and wait for it; one that still cannot get it is told in Chinese which
 * program holds the database. The command line leaves alone a database
 * that the desktop window or the browser host has open.
 */
import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { tempDir } from '../../helpers/tmp'
import { lockHolder } from '../../../electron/services/db/holder'

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

/** A live process that is not this one: the test runner's parent stands in for the other program. */
const otherPid = process.ppid

describe('a busy database', () => {
  it('a write that cannot get the lock names the program holding the database', async () => {
    const t = tempDir('suiji-busy-')
    const file = join(t.dir, 'w.db')
    const holder = new Workbench(file)
    const waiter = new Workbench(file)
    try {
      writeFileSync(`${file}.lock`, JSON.stringify({ pid: otherPid, url: 'http://127.0.0.1:1/?token=secret', program: '双随机联合抽查工作台（浏览器方式）' }))
      waiter.ctx().sqlite.pragma('busy_timeout = 50')
      holder.ctx().sqlite.exec('BEGIN IMMEDIATE')
      const r = await dispatch(handlers, waiter, 'settings.update', { publicationDays: 15 })
      expect(r).toMatchObject({ ok: false, error: { code: 'database' } })
      const message = (r as { error: { message: string } }).error.message
      expect(message).toContain(`双随机联合抽查工作台（浏览器方式）（进程 ${otherPid}）`)
      expect(message).not.toMatch(/token|secret|database is locked/)
      holder.ctx().sqlite.exec('ROLLBACK')
      expect(await dispatch(handlers, waiter, 'settings.update', { publicationDays: 15 })).toMatchObject({ ok: true })
    } finally {
      holder.close()
      waiter.close()
      t.cleanup()
    }
  })

  it('every transaction begins IMMEDIATE: a second writer waits at BEGIN instead of failing half-way', () => {
    const t = tempDir('suiji-busy-')
    const wb = new Workbench(join(t.dir, 'i.db'))
    try {
      const sqlite = wb.ctx().sqlite
      const seen: boolean[] = []
      sqlite.transaction(() => {
        // Inside an IMMEDIATE transaction the connection already holds the reserved lock: another connection cannot begin a write.
        const other = new Workbench(join(t.dir, 'i.db'))
        other.ctx().sqlite.pragma('busy_timeout = 0')
        try {
          other.ctx().sqlite.exec('BEGIN IMMEDIATE')
          seen.push(false)
          other.ctx().sqlite.exec('ROLLBACK')
        } catch (e) {
          seen.push((e as { code?: string }).code === 'SQLITE_BUSY')
        } finally {
          other.close()
        }
      })()
      expect(seen).toEqual([true])
    } finally {
      wb.close()
      t.cleanup()
    }
  })

  it('the command line refuses a database another program has open, naming it', () => {
    const t = tempDir('suiji-busy-')
    const file = join(t.dir, 'c.db')
    new Workbench(file).close()
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: otherPid, url: 'http://127.0.0.1:1/?token=secret', program: '双随机联合抽查工作台（桌面窗口）' }))
    const r = spawnSync(TSX, [join(ROOT, 'electron/cli/suiji.ts'), 'audit', 'verify', '--db', file], { encoding: 'utf8', cwd: ROOT })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`正由双随机联合抽查工作台（桌面窗口）（进程 ${otherPid}）打开使用`)
    t.cleanup()
  })

  it('a command that writes holds the same lock as the window while it runs; one that cannot get the database says so in Chinese', async () => {
    const t = tempDir('suiji-busy-')
    const file = join(t.dir, 'cli.db')
    const csv = join(t.dir, '节假日.csv')
    writeFileSync(csv, '日期,类型,名称\n2027-01-01,休,元旦\n')
    const holder = new Workbench(file)
    const run = () => {
      const child = spawn(TSX, [join(ROOT, 'electron/cli/suiji.ts'), 'holidays', 'import', csv, '--db', file], { cwd: ROOT })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      const state = { exited: false }
      const done = new Promise<{ code: number | null; stderr: string }>((r) =>
        child.on('exit', (code) => {
          state.exited = true
          r({ code, stderr })
        })
      )
      return Object.assign(done, { state })
    }
    try {
      // Another program is in the middle of a write: the command waits for the database, holding the lock meanwhile.
      holder.ctx().sqlite.exec('BEGIN IMMEDIATE')
      const blocked = run()
      while (!existsSync(`${file}.lock`) && !blocked.state.exited) await new Promise((r) => setTimeout(r, 10))
      const seen = lockHolder(file)
      expect(seen?.program).toBe('命令行工具（suiji）')
      expect(seen?.pid).not.toBe(process.pid)
      expect((readFileSync(`${file}.lock`, 'utf8').match(/token/g) ?? []).length).toBe(0)
      const r = await blocked
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('数据库正被另一个程序')
      expect(r.stderr).not.toMatch(/database is locked|程序内部错误/)
      expect(existsSync(`${file}.lock`)).toBe(false) // released when the command ends
      holder.ctx().sqlite.exec('ROLLBACK')
      const ok = await run()
      expect(ok.code).toBe(0)
      expect(existsSync(`${file}.lock`)).toBe(false)
    } finally {
      holder.close()
      t.cleanup()
    }
  })
})
