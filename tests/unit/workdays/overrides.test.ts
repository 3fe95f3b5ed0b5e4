import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../../electron/services/db/open'
import type { Ctx } from '../../../electron/services/context'
import { getHolidayOverrides, setHolidayOverrides } from '../../../electron/services/workdays/overrides'
import { isWorkday } from '../../../electron/services/workdays/calendar'
import { listAudit } from '../../../electron/services/audit/log'
import { UserError } from '../../../electron/services/errors'

let dir: string
let ctx: Ctx

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workdays-'))
  const { db, sqlite, file } = openDatabase(join(dir, 'w.db'))
  ctx = { db, sqlite, file, actor: '测试' }
})
afterEach(() => {
  ctx.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('holiday overrides in the settings table', () => {
  it('are empty at first, persist across a reopen, and are audited', () => {
    expect(getHolidayOverrides(ctx)).toEqual([])
    setHolidayOverrides(ctx, [{ year: 2031, holidays: ['2031-10-02', '2031-10-01', '2031-10-01'], workdays: ['2031-09-28'] }])
    ctx.sqlite.close()
    const { db, sqlite, file } = openDatabase(join(dir, 'w.db'))
    ctx = { db, sqlite, file, actor: '测试' }
    const stored = getHolidayOverrides(ctx)
    expect(stored).toEqual([{ year: 2031, holidays: ['2031-10-01', '2031-10-02'], workdays: ['2031-09-28'] }])
    expect(isWorkday('2031-10-01', stored)).toBe(false)
    const entries = listAudit(ctx, { entity: 'settings' })
    expect(entries.filter((e) => e.action === '修改节假日安排')).toHaveLength(1)
  })

  it('saving the same table twice writes one audit entry', () => {
    const t = [{ year: 2030, holidays: ['2030-10-01'], workdays: [] }]
    setHolidayOverrides(ctx, t)
    setHolidayOverrides(ctx, t)
    expect(listAudit(ctx, { entity: 'settings' }).filter((e) => e.action === '修改节假日安排')).toHaveLength(1)
  })

  it('refuse bad input with a Chinese message and store nothing', () => {
    const bad = [
      [{ year: 2031, holidays: ['2031-02-30'], workdays: [] }],
      [{ year: 2031, holidays: ['2030-10-01'], workdays: [] }],
      [{ year: 2031, holidays: ['2031-10-01'], workdays: ['2031-10-01'] }],
      [
        { year: 2031, holidays: [], workdays: [] },
        { year: 2031, holidays: [], workdays: [] }
      ]
    ]
    for (const b of bad) {
      expect(() => setHolidayOverrides(ctx, b)).toThrow(UserError)
      expect(() => setHolidayOverrides(ctx, b)).toThrow(/[\u4e00-\u9fff]/)
    }
    expect(getHolidayOverrides(ctx)).toEqual([])
  })
})
