/**
 * 导入节假日安排: the days of a sheet become the arrangement of each year they
 * belong to, replacing that year's earlier arrangement (bundled or added)
 * entirely; other years stay as they were. All or nothing: one bad row
 * refuses the file with every bad row named, since a deadline computed from a
 * half-read notice would be wrong without anyone noticing.
 */
import type { Ctx } from '../context'
import { UserError } from '../errors'
import { audit } from '../audit/log'
import { getHolidayOverrides, setHolidayOverrides } from './overrides'
import { readHolidaySheet, type HolidaySheetRow } from './sheet'
import type { HolidayOverride } from './calendar'

export interface HolidayImportResult {
  years: { year: number; holidays: number; workdays: number; names: string[] }[]
}

const MAX_LISTED = 10

export function overridesFromRows(rows: readonly HolidaySheetRow[]): { overrides: HolidayOverride[]; names: Map<number, string[]> } {
  const byYear = new Map<number, HolidayOverride>()
  const names = new Map<number, string[]>()
  const seen = new Map<string, HolidaySheetRow>()
  const clashes: string[] = []
  for (const r of rows) {
    const before = seen.get(r.date)
    if (before && before.kind !== r.kind) clashes.push(`第 ${before.row} 行和第 ${r.row} 行：${r.date} 既填了“${before.kind}”又填了“${r.kind}”`)
    if (before) continue
    seen.set(r.date, r)
    const year = Number(r.date.slice(0, 4))
    let t = byYear.get(year)
    if (!t) byYear.set(year, (t = { year, holidays: [], workdays: [] }))
    ;(r.kind === '休' ? t.holidays : t.workdays).push(r.date)
    const n = names.get(year) ?? []
    if (r.name && !n.includes(r.name)) n.push(r.name)
    names.set(year, n)
  }
  if (clashes.length) throw new UserError(`节假日表中有日期前后矛盾，未导入任何内容：${clashes.slice(0, MAX_LISTED).join('；')}。请只保留一种后再导入。`, 'clash')
  return { overrides: [...byYear.values()], names }
}

export async function importHolidays(ctx: Ctx, file: string): Promise<HolidayImportResult> {
  const sheet = await readHolidaySheet(file)
  if (sheet.rejected.length) {
    const listed = sheet.rejected.slice(0, MAX_LISTED).map((r) => `第 ${r.row} 行：${r.reason}`)
    const more = sheet.rejected.length > MAX_LISTED ? `……共 ${sheet.rejected.length} 行有问题` : ''
    throw new UserError(`节假日表中有 ${sheet.rejected.length} 行无法识别，未导入任何内容。${listed.join('')}${more}请改正后再导入。`, 'bad-rows')
  }
  if (!sheet.rows.length) throw new UserError('节假日表中没有任何日期。请每行填写一个日期、类型（休/班）和名称后再导入。', 'empty')
  const { overrides, names } = overridesFromRows(sheet.rows)
  const imported = new Set(overrides.map((o) => o.year))
  const kept = getHolidayOverrides(ctx).filter((o) => !imported.has(o.year))
  return ctx.sqlite.transaction(() => {
    setHolidayOverrides(ctx, [...kept, ...overrides])
    const years = overrides
      .sort((a, b) => a.year - b.year)
      .map((o) => ({ year: o.year, holidays: o.holidays.length, workdays: o.workdays.length, names: names.get(o.year) ?? [] }))
    audit(ctx, { action: '导入节假日安排', entity: 'settings', entityId: 'holidayOverrides', detail: { years, rows: sheet.rows.map((r) => [r.date, r.kind, r.name]) } })
    return { years }
  })()
}
