export { isWorkday, addWorkdays, workdaysBetween, coveredYears, uncoveredYears, coverageWarning, BUNDLED_SOURCE, type HolidayOverride } from './calendar'
export { getHolidayOverrides, setHolidayOverrides, HOLIDAY_OVERRIDES_KEY } from './overrides'
export { importHolidays, type HolidayImportResult } from './import'
export { nextYearUncovered } from './coverage'
