import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { addWorkdays, coveredYears, coverageWarning, isWorkday, uncoveredYears, workdaysBetween } from '../../../electron/services/workdays/calendar'
import { BUNDLED_TABLE_PATH, tableFromChineseDays } from '../../../electron/services/workdays/table'

// Expected dates come from the 国务院办公厅 notices on the 2025 (国办发明电〔2024〕12号)
// and 2026 (国办发明电〔2025〕7号) holiday arrangements, not from the package.
describe('bundled holiday table', () => {
  it('matches the installed chinese-days package (rerun workdays/table.ts after upgrading it)', () => {
    expect(JSON.parse(readFileSync(BUNDLED_TABLE_PATH, 'utf8'))).toEqual(tableFromChineseDays())
  })

  it('covers 2025 and 2026', () => {
    expect(coveredYears()).toEqual(expect.arrayContaining([2025, 2026]))
  })
})

describe('isWorkday', () => {
  it('National Day + Mid-autumn 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are worked', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkday(`2025-10-0${d}`)).toBe(false)
    expect(isWorkday('2025-09-28')).toBe(true)
    expect(isWorkday('2025-10-11')).toBe(true)
    expect(isWorkday('2025-10-09')).toBe(true)
    expect(isWorkday('2025-10-12')).toBe(false) // an ordinary Sunday
  })

  it('Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkday(`2026-02-${d}`)).toBe(false)
    expect(isWorkday('2026-02-14')).toBe(true)
    expect(isWorkday('2026-02-28')).toBe(true)
    expect(isWorkday('2026-02-24')).toBe(true)
  })

  it("New Year 2026: 01-01..01-03 off, Sunday 01-04 worked", () => {
    expect(isWorkday('2026-01-01')).toBe(false)
    expect(isWorkday('2026-01-02')).toBe(false)
    expect(isWorkday('2026-01-04')).toBe(true)
  })

  it('ordinary weekdays and weekends', () => {
    expect(isWorkday('2025-11-12')).toBe(true) // Wednesday
    expect(isWorkday('2025-11-15')).toBe(false) // Saturday
  })

  it('rejects what is not a real date', () => {
    expect(() => isWorkday('2025-02-30')).toThrow(RangeError)
    expect(() => isWorkday('2025/10/01')).toThrow(RangeError)
  })
})

describe('addWorkdays / workdaysBetween', () => {
  it('a 20-working-day deadline from Friday 2025-09-26 runs across National Day to 2025-10-30', () => {
    // Worked: 09-28, 09-29, 09-30 (3); 10-09, 10-10, 10-11 (6); 10-13..17 (11); 10-20..24 (16); 10-27..30 (20).
    expect(addWorkdays('2025-09-26', 20)).toBe('2025-10-30')
    expect(workdaysBetween('2025-09-26', '2025-10-30')).toBe(20)
    expect(workdaysBetween('2025-10-30', '2025-09-26')).toBe(-20)
  })

  it('counts from the next day; 0 gives the start', () => {
    expect(addWorkdays('2025-11-14', 1)).toBe('2025-11-17') // Friday → Monday
    expect(addWorkdays('2025-11-14', 0)).toBe('2025-11-14')
    expect(workdaysBetween('2025-11-14', '2025-11-16')).toBe(0)
  })

  it('a 10-working-day deadline across the 2026 Spring Festival', () => {
    // From Thursday 02-12: 02-13 (1), Sat 02-14 (2), 02-24..27 (6), Sat 02-28 (7), 03-02..04 (10).
    expect(addWorkdays('2026-02-12', 10)).toBe('2026-03-04')
  })

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkdays('2025-01-01', -1)).toThrow(RangeError)
    expect(() => addWorkdays('2025-01-01', 1.5)).toThrow(RangeError)
  })
})

describe('years without an arrangement', () => {
  it('skip only weekends, and say so', () => {
    expect(coveredYears()).not.toContain(2031)
    expect(isWorkday('2031-10-01')).toBe(true) // a Wednesday: no holiday known
    expect(uncoveredYears('2030-12-20', '2031-01-20')).toEqual(expect.arrayContaining([2031]))
    expect(uncoveredYears('2025-09-26', '2025-10-30')).toEqual([])
    expect(coverageWarning([2031])).toMatch(/2031 年.*只跳过了周六、周日/)
    expect(coverageWarning([])).toBeNull()
  })

  it('an added arrangement for a later year is used and reported as covered', () => {
    const extra = [{ year: 2031, holidays: ['2031-10-01', '2031-10-02', '2031-10-03'], workdays: ['2031-09-28'] }]
    expect(isWorkday('2031-10-01', extra)).toBe(false)
    expect(isWorkday('2031-09-28', extra)).toBe(true) // a Sunday made a working day
    expect(coveredYears(extra)).toContain(2031)
    expect(uncoveredYears('2031-09-01', '2031-10-31', extra)).toEqual([])
    // Tue 09-30 (1), then 10-01..03 off, Sat 10-04 & Sun 10-05 weekend, Mon 10-06 (2).
    expect(addWorkdays('2031-09-29', 2, extra)).toBe('2031-10-06')
    expect(addWorkdays('2031-09-29', 2)).toBe('2031-10-01')
  })

  it('an override for a covered year replaces that year instead of mixing with it', () => {
    const extra = [{ year: 2025, holidays: [], workdays: [] }]
    expect(isWorkday('2025-10-01', extra)).toBe(true)
    expect(isWorkday('2025-09-28', extra)).toBe(false)
    expect(isWorkday('2026-02-16', extra)).toBe(false) // other years untouched
  })
})
