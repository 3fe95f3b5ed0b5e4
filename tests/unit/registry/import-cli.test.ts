import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { exportCli, importCli } from '../../../electron/cli/commands/registry'
import { openDatabase } from '../../../electron/services/db/open'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook, type Cell } from './fixtures/office'
import { badUscc, uscc } from './fixtures/ids'

const ROOT = join(__dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const RUN = join(__dirname, 'fixtures/run-cli.ts')
// tsx must run on the project's Node (better-sqlite3 is built for it) and know the @contract alias.
const ENV = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }
const TSX_ARGS = ['--tsconfig', join(ROOT, 'tsconfig.node.json'), RUN]

let t: TestDb
beforeEach(() => {
  t = tempDb('registry-cli-')
})
afterEach(() => t.close())

const H: Cell[] = ['序号', '统一社会信用代码', '企业名称', '法人', '经营场所', '成立日期']

/** Calls the CLI function in this process, capturing what it prints. */
async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true))
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true))
  try {
    const code = args[0] === 'export' ? await exportCli(args.slice(1)) : await importCli(args)
    return { code, stdout, stderr }
  } finally {
    so.mockRestore()
    se.mockRestore()
  }
}

function cli(...args: string[]) {
  const r = spawnSync(TSX, [...TSX_ARGS, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('suiji import / export (CLI functions)', () => {
  it('prints one JSON object with counts and sheet row numbers; exit 0 even with rejects', async () => {
    const file = t.path('a.xlsx')
    await writeWorkbook(file, [
      {
        name: '市场主体',
        rows: [['检查对象名录库'], null, H, [1, uscc(1), '甲公司', '张三', '城关', '2020-1-2'], [2, badUscc(2), '乙公司', '', '', ''], [3, uscc(1), '甲公司', '', '', '']]
      }
    ])
    t.ctx.sqlite.close()
    const rej = t.path('rejects.xlsx')
    const r = await run('import', 'objects', file, '--db', t.ctx.file, '--json', '--rejects', rej)
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout.trim())
    expect(j).toMatchObject({ read: 3, imported: 1, updated: 0, rejected: 2, warnings: 0 })
    expect(j.rejects.map((x: { row: number }) => x.row)).toEqual([5, 6])
    expect(j.rejects[1].reason).toContain('第 4 行重复')

    const again = await run('import', 'objects', rej, '--db', t.ctx.file, '--json')
    // Alone in the rejects file the duplicate is no longer a duplicate: it matches the stored record.
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ read: 2, imported: 0, unchanged: 1, rejected: 1 })

    const out = t.path('out.csv')
    const ex = await run('export', 'objects', '--db', t.ctx.file, '--out', out, '--json')
    expect(ex.code).toBe(0)
    expect(JSON.parse(ex.stdout.trim())).toMatchObject({ rows: 1 })
    t.ctx.sqlite = openDatabase(t.ctx.file).sqlite
  })

  it('--dry-run prints the same counts and the changed fields in --json, and writes nothing', async () => {
    const file = t.path('a.xlsx')
    await writeWorkbook(file, [{ name: '市场主体', rows: [H, [1, uscc(1), '甲公司', '张三', '城关', '2020-1-2'], [2, uscc(2), '乙公司', '李四', '', '']] }])
    const changed = t.path('b.xlsx')
    await writeWorkbook(changed, [{ name: '市场主体', rows: [H, [1, uscc(1), '甲公司', '王五', '城关', '2020-1-2'], [2, uscc(2), '乙公司', '李四', '', ''], [3, uscc(3), '丙公司', '', '', ''], [4, badUscc(4), '丁', '', '', '']] }])
    t.ctx.sqlite.close()
    const first = JSON.parse((await run('import', 'objects', file, '--db', t.ctx.file, '--json')).stdout.trim())
    expect(first).toMatchObject({ dryRun: false, imported: 2 })
    const db = openDatabase(t.ctx.file).sqlite
    const snap = () => JSON.stringify(db.prepare('SELECT * FROM objects ORDER BY id').all()) + db.prepare('SELECT count(*) AS n FROM audit_log').get()!.toString()
    const before = snap()
    const dry = await run('import', 'objects', changed, '--db', t.ctx.file, '--json', '--dry-run')
    expect(dry.code).toBe(0)
    const j = JSON.parse(dry.stdout.trim())
    expect(j).toMatchObject({ dryRun: true, read: 4, imported: 1, updated: 1, unchanged: 1, rejected: 1 })
    expect(j.changes).toEqual([{ row: 2, key: `代码 ${uscc(1)}`, fields: [{ field: '法定代表人', old: '张三', new: '王五' }] }])
    expect(snap()).toBe(before)
    const text = await run('import', 'objects', changed, '--db', t.ctx.file, '--dry-run')
    expect(text.stdout).toContain('导入预览（未写入数据库）')
    expect(text.stdout).toContain(`将更新 市场主体 第 2 行 代码 ${uscc(1)}：法定代表人“张三”→“王五”`)
    // The real import does what the preview said.
    const real = JSON.parse((await run('import', 'objects', changed, '--db', t.ctx.file, '--json')).stdout.trim())
    expect({ ...real, dryRun: true, warningList: j.warningList }).toEqual(j)
    db.close()
    t.ctx.sqlite = openDatabase(t.ctx.file).sqlite
  })

  it('--expect-fingerprint imports only the file the preview read: a file changed since is refused and nothing is written', async () => {
    const file = t.path('a.xlsx')
    await writeWorkbook(file, [{ name: '市场主体', rows: [H, [1, uscc(1), '甲公司', '张三', '城关', '2020-1-2']] }])
    t.ctx.sqlite.close()
    const dry = JSON.parse((await run('import', 'objects', file, '--db', t.ctx.file, '--json', '--dry-run')).stdout.trim())
    expect(dry.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    const text = await run('import', 'objects', file, '--db', t.ctx.file, '--dry-run')
    expect(text.stdout).toContain(`--expect-fingerprint ${dry.fingerprint}`)

    // someone edits the sheet after the clerk checked the preview
    await writeWorkbook(file, [{ name: '市场主体', rows: [H, [1, uscc(1), '甲公司', '张三', '城关', '2020-1-2'], [2, uscc(2), '未经核对的公司', '', '', '']] }])
    const db = openDatabase(t.ctx.file).sqlite
    const snap = () => JSON.stringify(db.prepare('SELECT * FROM objects ORDER BY id').all()) + JSON.stringify(db.prepare('SELECT count(*) AS n FROM audit_log').get())
    const before = snap()
    const refused = await run('import', 'objects', file, '--db', t.ctx.file, '--json', '--expect-fingerprint', dry.fingerprint)
    expect(refused.code).toBe(2)
    expect(JSON.parse(refused.stdout.trim()).error).toContain('在预览之后被修改过或被替换，本次未导入任何数据')
    expect(snap()).toBe(before)

    // previewed again, the file goes in with its new fingerprint (upper case as copied from a screen works too)
    const again = JSON.parse((await run('import', 'objects', file, '--db', t.ctx.file, '--json', '--dry-run')).stdout.trim())
    expect(again.fingerprint).not.toBe(dry.fingerprint)
    const ok = await run('import', 'objects', file, '--db', t.ctx.file, '--json', '--expect-fingerprint', again.fingerprint.toUpperCase())
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout.trim())).toMatchObject({ imported: 2 })

    const bad = await run('import', 'objects', file, '--db', t.ctx.file, '--expect-fingerprint', '12ab')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('64 位文件指纹')
    db.close()
    t.ctx.sqlite = openDatabase(t.ctx.file).sqlite
  })

  it('exit 2 with a Chinese message when the file cannot be read', async () => {
    t.ctx.sqlite.close()
    const txt = t.path('not.xlsx')
    writeFileSync(txt, 'hello')
    const r = await run('import', 'inspectors', txt, '--db', t.ctx.file, '--json')
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout.trim()).error).toMatch(/不是 Excel 表格/)
    const m = await run('import', 'items', t.path('missing.xlsx'), '--db', t.ctx.file)
    expect(m.code).toBe(2)
    expect(m.stderr).toMatch(/找不到文件/)
    t.ctx.sqlite = openDatabase(t.ctx.file).sqlite
  })

  it('crash test: killed halfway through the write, the database is unchanged and opens', async () => {
    const db = t.ctx.file
    const seed = t.path('seed.xlsx')
    await writeWorkbook(seed, [{ name: '市场主体', rows: [H, ...Array.from({ length: 20 }, (_, i): Cell[] => [i + 1, uscc(i), `原对象${i}`, '', '', ''])] }])
    t.ctx.sqlite.close()
    expect(cli('import', 'objects', seed, '--db', db).code).toBe(0)

    const snap = () => {
      const o = openDatabase(db)
      const s = {
        objects: JSON.stringify(o.sqlite.prepare('SELECT * FROM objects ORDER BY id').all()),
        audit: o.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get(),
        integrity: o.sqlite.pragma('integrity_check', { simple: true }),
        // The import lifts the FTS insert trigger inside its transaction: it must be back after a crash.
        triggers: o.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'objects' ORDER BY name`).all(),
        // A large import also rebuilds the secondary indexes inside its transaction: they must be back too.
        indexes: o.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'objects' ORDER BY name`).all(),
        fts: o.sqlite.prepare(`SELECT count(*) FROM objects_fts WHERE objects_fts MATCH '"原对象"'`).pluck().get()
      }
      o.sqlite.exec(`INSERT INTO objects_fts(objects_fts) VALUES ('integrity-check')`)
      o.sqlite.close()
      return s
    }
    const before = snap()
    expect(before.fts).toBe(20)

    // 3000 rows: the first 20 rename existing objects, the rest are new.
    const big = t.path('big.xlsx')
    await writeWorkbook(big, [{ name: '市场主体', rows: [H, ...Array.from({ length: 3000 }, (_, i): Cell[] => [i + 1, uscc(i), `新名称${i}`, '李四', '某地', '2021-05-06'])] }])

    const child = spawn(TSX, ['--tsconfig', join(ROOT, 'tsconfig.node.json'), join(import.meta.dirname, 'fixtures', 'crash-import.ts'), big, db], {
      cwd: ROOT,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    const exited = new Promise<void>((res) => child.on('exit', () => res()))
    const pid = await new Promise<number>((res) => {
      child.stdout.on('data', (d) => {
        stdout += String(d)
        const m = /PAUSED (\d+)/.exec(stdout)
        if (m) res(Number(m[1]))
      })
      child.on('exit', () => res(0))
    })
    expect(pid).toBeGreaterThan(0)
    // The importing process itself (tsx runs it as its own child), inside the open transaction.
    process.kill(pid, 'SIGKILL')
    await exited
    expect(() => process.kill(pid, 0)).toThrow()

    const after = snap()
    expect(after).toEqual(before)
    expect(after.integrity).toBe('ok')
    t.ctx.sqlite = openDatabase(db).sqlite
  }, 60_000)
})
