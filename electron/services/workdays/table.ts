/**
 * Turns the data of the `chinese-days` package into the compact per-year table
 * bundled as resources/holidays/cn.json. Kept as a function (not a one-off
 * script) so a test can check the bundled file still matches the installed
 * package, and `npx tsx electron/services/workdays/table.ts` rewrites it after
 * the package is upgraded.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export interface YearTable {
  year: number
  /** 放假的日期 (statutory holidays, including the weekend days inside the break). */
  holidays: string[]
  /** 调休上班的周六/周日. */
  workdays: string[]
}

export interface HolidayTableFile {
  source: string
  years: YearTable[]
}

interface ChineseDaysJson {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

export function tableFromChineseDays(): HolidayTableFile {
  const require = createRequire(import.meta.url)
  const pkg = require('chinese-days/package.json') as { version: string }
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson
  const byYear = new Map<number, YearTable>()
  const slot = (date: string) => {
    const year = Number(date.slice(0, 4))
    let t = byYear.get(year)
    if (!t) byYear.set(year, (t = { year, holidays: [], workdays: [] }))
    return t
  }
  for (const d of Object.keys(data.holidays)) slot(d).holidays.push(d)
  for (const d of Object.keys(data.workdays)) slot(d).workdays.push(d)
  const years = [...byYear.values()].sort((a, b) => a.year - b.year)
  for (const t of years) {
    t.holidays.sort()
    t.workdays.sort()
  }
  return { source: `chinese-days@${pkg.version}`, years }
}

export const BUNDLED_TABLE_PATH = fileURLToPath(new URL('../../../resources/holidays/cn.json', import.meta.url))

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = tableFromChineseDays()
  const before = (() => {
    try {
      return readFileSync(BUNDLED_TABLE_PATH, 'utf8')
    } catch {
      return ''
    }
  })()
  const text = JSON.stringify(table) + '\n'
  writeFileSync(BUNDLED_TABLE_PATH, text)
  console.log(`${BUNDLED_TABLE_PATH}: ${table.source}, ${table.years[0]?.year}–${table.years.at(-1)?.year}${before === text ? '（无变化）' : '（已更新）'}`)
}
