/** 工作日 (workdays.*): county overrides of the bundled holiday table, typed or imported from a sheet. */
import { z } from 'zod'
import { ch, none, ymd } from './common'

export const holidayOverrideSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(ymd).max(400),
  workdays: z.array(ymd).max(100)
})

export const workdaysChannels = {
  'workdays.overrides': ch<{ overrides: { year: number; holidays: string[]; workdays: string[] }[]; coveredYears: number[]; bundledSource: string }>()(none),
  'workdays.setOverrides': ch<{ year: number; holidays: string[]; workdays: string[] }[]>()(z.object({ overrides: z.array(holidayOverrideSchema).max(50) })),
  /** 日期, 类型 (休/班), 名称 from an .xlsx or .csv; each year in the file replaces that year's arrangement */
  'workdays.importFile': ch<{ years: { year: number; holidays: number; workdays: number; names: string[] }[] }>()(z.object({ file: z.string().trim().min(1, '请选择节假日表文件') })),
  /** year: the next year when it has no holiday arrangement and it is November or later, else null */
  'workdays.coverage': ch<{ today: string; year: number | null }>()(none)
} as const
