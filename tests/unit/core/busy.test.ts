/**
 * Two programs on one database: writers take the write lock at the start
 * and wait for it; one that still cannot get it is told in Chinese which
 * program holds the database. The command line leaves alone a database
 * that the desktop window or the browser host has open.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { tempDir } from '../../helpers/tmp'

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
})
