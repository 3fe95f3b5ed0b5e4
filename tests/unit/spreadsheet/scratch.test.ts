import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sweepScratch } from '../../../electron/services/files/scratch'

const dir = mkdtempSync(join(tmpdir(), 'scratch-test-'))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('scratch folders left by a crash', () => {
  it('removes our own folders older than a day at start, and nothing else', () => {
    const old = Date.now() / 1000 - 2 * 86400
    for (const n of ['suiji-dossier-abc', 'sjbx-in-def', 'sjbx-out-ghi', 'other-app-x', 'sjbx-in-fresh']) {
      mkdirSync(join(dir, n))
      writeFileSync(join(dir, n, 'f'), 'x')
      if (n !== 'sjbx-in-fresh') utimesSync(join(dir, n), old, old)
    }
    expect(sweepScratch(dir).sort()).toEqual(['sjbx-in-def', 'sjbx-out-ghi', 'suiji-dossier-abc'])
    expect(readdirSync(dir).sort()).toEqual(['other-app-x', 'sjbx-in-fresh'])
  })
})
