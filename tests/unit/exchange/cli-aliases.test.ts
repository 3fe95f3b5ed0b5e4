import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exchangeCommands } from '../../../electron/cli/commands/exchange'
import { addObject, captureConsole, edit, setObject, tempDir } from './helpers'

afterEach(() => vi.restoreAllMocks())
const run = (name: string, argv: string[]) => exchangeCommands.find((c) => c.name === name)!.run(argv)

describe('the command names of issue 8', () => {
  it('agency init|show|trust, exchange export --since-last, exchange import --dry-run with counts and exit 2 on refusal', async () => {
    const { lastJson } = captureConsole()
    const dir = tempDir()
    const office = join(dir, 'office.db')
    const dept = join(dir, 'dept.db')
    expect(await run('agency init', ['--db', office, '--name', '县双随机办', '--json'])).toBe(0)
    const officeFp = lastJson().fingerprint as string
    expect(await run('agency init', ['--db', dept, '--name', '县市场监管局', '--dept', 'SCJG', '--json'])).toBe(0)
    const deptFp = lastJson().fingerprint as string
    expect(await run('agency export-key', ['--db', office, '--out', join(dir, 'office.sjkey')])).toBe(0)
    expect(await run('agency export-key', ['--db', dept, '--out', join(dir, 'dept.sjkey')])).toBe(0)
    expect(await run('agency trust', [join(dir, 'dept.sjkey'), '--db', office, '--confirm', deptFp])).toBe(0)
    expect(await run('agency trust', [join(dir, 'office.sjkey'), '--db', dept, '--confirm', officeFp])).toBe(0)
    expect(await run('agency show', ['--db', office, '--json'])).toBe(0)
    expect(lastJson().peers).toMatchObject([{ code: 'SCJG', confirmed: true, fingerprint: deptFp }])

    edit(dept, (w) => {
      addObject(w.ctx(), '91341324MA2N000018', '泗县甲超市', 'SCJG')
      addObject(w.ctx(), '91341324MA2N00002B', '泗县乙饭店', 'SCJG')
    })
    const pkg = join(dir, 'p.sjbx')
    expect(await run('exchange export', ['--db', dept, '--to', 'OFFICE', '--since-last', '--out', pkg])).toBe(0)

    expect(await run('exchange import', [pkg, '--db', office, '--dry-run', '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: false, new: 2, updated: 0, unchanged: 1, conflicts: 0 }) // 2 objects; the SCJG row is the same default on both sides
    edit(office, (w) => expect((w.ctx().sqlite.prepare('SELECT COUNT(*) AS n FROM objects').get() as { n: number }).n).toBe(0))
    expect(await run('exchange import', [pkg, '--db', office, '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: true, new: 2 })
    expect(await run('exchange import', [pkg, '--db', office, '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ applied: false, alreadyImported: true })

    // Both sides change the same object: without a rule that is a refusal (2).
    edit(office, (w) => setObject(w.ctx(), '91341324MA2N000018', { address: '办公室改' }))
    edit(dept, (w) => setObject(w.ctx(), '91341324MA2N000018', { address: '部门改' }))
    const pkg2 = join(dir, 'p2.sjbx')
    expect(await run('exchange export', ['--db', dept, '--to', 'OFFICE', '--out', pkg2])).toBe(0)
    expect(await run('exchange import', [pkg2, '--db', office, '--dry-run', '--json'])).toBe(0)
    expect(lastJson()).toMatchObject({ conflicts: 1, new: 0, updated: 0 })
    expect(await run('exchange import', [pkg2, '--db', office])).toBe(2)

    const bytes = readFileSync(pkg2)
    bytes[bytes.length - 10] ^= 1
    writeFileSync(join(dir, 'bad.sjbx'), bytes)
    expect(await run('exchange import', [join(dir, 'bad.sjbx'), '--db', office, '--json'])).toBe(2)
    expect(lastJson()).toMatchObject({ refused: true, code: 'content-altered' })
    await expect(run('exchange export', ['--db', dept, '--to', 'OFFICE', '--full', '--since-last', '--out', pkg2])).rejects.toThrow(/只能选一个/)
  })
})
