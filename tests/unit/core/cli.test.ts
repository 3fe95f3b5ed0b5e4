import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { tempDir } from '../../helpers/tmp'

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const t = tempDir('suiji-cli-')
afterAll(t.cleanup)

function suiji(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'electron/cli/suiji.ts'), ...args], { encoding: 'utf8', cwd: ROOT })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** SHA-256 over every row of the registry tables, in key order (the departments' creation time is when the file was made, not content). */
function contentHash(file: string): string {
  const db = new Database(file, { readonly: true })
  const h = createHash('sha256')
  for (const [table, key] of [['objects', 'code'], ['inspectors', 'id_number'], ['items', 'uid'], ['departments', 'code']]) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).iterate() as IterableIterator<Record<string, unknown>>) {
      const { created_at: _c, updated_at: _u, ...content } = row
      if (table !== 'departments') expect(_c).toBe('2026-01-01 08:00:00')
      h.update(JSON.stringify(content))
    }
  }
  db.close()
  return h.digest('hex')
}

describe('command line', () => {
  it('--help lists the commands', () => {
    const r = suiji('--help')
    expect(r.code).toBe(0)
    expect(r.out).toContain('db init --db FILE')
    expect(r.out).toContain('demo --db FILE')
  })

  it('db init creates a database with the default departments; --json is one parseable line', () => {
    const file = join(t.dir, 'init.db')
    const r = suiji('db', 'init', '--db', file, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out.trim())
    expect(out.departments).toBe(30)
    expect(out.migrated.length).toBeGreaterThan(0)
    const again = JSON.parse(suiji('db', 'init', '--db', file, '--json').out.trim())
    expect(again.migrated).toEqual([])
  })

  it('an unknown command or a missing flag exits 2 with a Chinese message', () => {
    expect(suiji('frobnicate').code).toBe(2)
    const r = suiji('db', 'init')
    expect(r.code).toBe(2)
    expect(r.err).toContain('缺少参数 --db')
  })

  it('demo builds ≥ 30,000 objects and 300 inspectors; the same seed gives identical content, another seed differs', () => {
    const a = join(t.dir, 'a.db')
    const b = join(t.dir, 'b.db')
    const c = join(t.dir, 'c.db')
    const ra = suiji('demo', '--db', a, '--json')
    expect(ra.code, ra.err).toBe(0)
    const sa = JSON.parse(ra.out.trim())
    expect(sa.objects).toBeGreaterThanOrEqual(30000)
    expect(sa.inspectors).toBe(300)
    expect(suiji('demo', '--db', b).code).toBe(0)
    expect(suiji('demo', '--db', c, '--seed', 'other', '--objects', '500').code).toBe(0)
    expect(contentHash(a)).toBe(contentHash(b))
    expect(contentHash(a)).not.toBe(contentHash(c))
    // A second demo into a filled database is refused, and nothing is mixed in.
    const again = suiji('demo', '--db', a)
    expect(again.code).toBe(2)
    expect(contentHash(a)).toBe(contentHash(b))
    expect(execFileSync(TSX, [join(ROOT, 'electron/cli/suiji.ts'), 'audit', 'verify', '--db', a], { encoding: 'utf8' })).toContain('哈希链一致')
  }, 300_000) // three demo counties, each with its year of work
})
