import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook, type Cell } from './fixtures/office'
import { uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => (t = tempDb('import-preview-')))
afterEach(() => t.close())

const H: Cell[] = ['统一社会信用代码', '市场主体名称', '住所']
const sheet = (names: string[]) => [{ name: '市场主体', rows: [H, ...names.map((n, i): Cell[] => [uscc(i + 1), n, '泗阳县众兴镇人民路1号'])] }]
const stored = () => t.ctx.sqlite.prepare('SELECT code, name FROM objects ORDER BY code').all()

describe('confirming a previewed import', () => {
  it('imports the file that was previewed; a file changed after the preview is refused and nothing is written', async () => {
    const file = t.path('市场主体.xlsx')
    await writeWorkbook(file, sheet(['泗阳县甲超市', '泗阳县乙超市']))
    const preview = await importObjects(t.ctx, file, { dryRun: true })
    expect(preview).toMatchObject({ dryRun: true, imported: 2 })
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{64}$/)

    // Someone edits and saves the sheet while the preview is on screen.
    await writeWorkbook(file, sheet(['泗阳县甲超市', '泗阳县乙超市（改名）', '泗阳县丙超市']))
    const auditBefore = t.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()
    await expect(importObjects(t.ctx, file, { expectFingerprint: preview.fingerprint })).rejects.toMatchObject({ code: 'changed-since-preview', message: expect.stringMatching(/预览之后被修改过.*重新预览/) })
    expect(stored()).toEqual([])
    expect(t.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore)

    // Previewed again, the same file is confirmed and imported as shown.
    const again = await importObjects(t.ctx, file, { dryRun: true })
    expect(again.fingerprint).not.toBe(preview.fingerprint)
    const done = await importObjects(t.ctx, file, { expectFingerprint: again.fingerprint })
    expect(done).toMatchObject({ imported: 3, fingerprint: again.fingerprint })
    expect(stored()).toHaveLength(3)
  })
})
