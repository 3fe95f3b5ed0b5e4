/** 工作日 (workdays.*): county overrides of the bundled holiday table. */
import { z } from 'zod'
import { ch, none, ymd } from './common'

export const holidayOverrideSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(ymd).max(400),
  workdays: z.array(ymd).max(100)
})

export const workdaysChannels = {
  'workdays.overrides': ch<{ overrides: { year: number; holidays: string[]; workdays: string[] }[]; coveredYears: number[]; bundledSource: string }>()(none),
  'workdays.setOverrides': ch<{ year: number; holidays: string[]; workdays: string[] }[]>()(z.object({ overrides: z.array(holidayOverrideSchema).max(50) }))
} as const
