/**
 * A killed import, export or backup leaves its temporary files; the next
 * start removes them, but never those of a program still running.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { autoDir } from '../../../electron/services/backup/paths'
import { tempDir } from '../../helpers/tmp'
import { uploadDir } from '../../../electron/services/files/locations'

describe('leftovers of crashed operations are removed at start', () => {
  it('unpacked packages of dead processes, half-written backups and half-received uploads go; a running process’s stay', () => {
    const t = tempDir('suiji-leftovers-')
    const file = join(t.dir, 'w.db')
    new Workbench(file).close()
    // A process id that certainly ran and has ended.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    const crashed = join(tmpdir(), `sjbx-in-${dead}-crash${Date.now()}`)
    mkdirSync(crashed)
    writeFileSync(join(crashed, 'content.db'), Buffer.alloc(1024 * 1024))
    const running = join(tmpdir(), `sjbx-in-${process.pid}-live${Date.now()}`)
    mkdirSync(running)
    mkdirSync(autoDir(file), { recursive: true })
    const part = join(autoDir(file), 'w-20260301-090000.db.part')
    writeFileSync(part, 'half')
    const restorePart = join(t.dir, '.w.db.restore.part')
    writeFileSync(restorePart, 'half')
    const kept = join(autoDir(file), 'w-20260301-080000.db')
    writeFileSync(kept, 'a finished backup')
    // Half-received browser uploads: a dead host's goes, a running one's stays, a finished upload stays.
    const uploads = uploadDir(file)
    const deadUpload = join(uploads, `.${dead}-1-abc.upload.part`)
    const liveUpload = join(uploads, `.${process.pid}-1-abc.upload.part`)
    const doneUpload = join(uploads, '2026-03-01-09-00-00-交换包.sjbx')
    for (const f of [deadUpload, liveUpload, doneUpload]) writeFileSync(f, 'bytes')

    new Workbench(file).close()
    expect(existsSync(crashed)).toBe(false)
    expect(existsSync(part)).toBe(false)
    expect(existsSync(restorePart)).toBe(false)
    expect(existsSync(running)).toBe(true)
    expect(existsSync(kept)).toBe(true)
    expect(existsSync(deadUpload)).toBe(false)
    expect(existsSync(liveUpload)).toBe(true)
    expect(existsSync(doneUpload)).toBe(true)
    spawnSync('rm', ['-rf', running])
    t.cleanup()
  })
})
