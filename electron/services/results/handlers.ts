import type { HandlerGroup } from '../api/dispatch'
import type { Ctx } from '../context'
import type { TaskProgress } from '@contract'
import { getTask } from '../tasks/service'
import { getHolidayOverrides, setHolidayOverrides, coveredYears, BUNDLED_SOURCE, importHolidays, nextYearUncovered } from '../workdays'
import { statsDashboard, statsDetail, exportDashboard, statsBreakdown, breakdownDetail, exportBreakdown } from '../dashboard'
import { progressOf, taskProgress } from './progress'
import { resultSheet, saveResults } from './entry'
import { exportResultTemplate, importResults } from './spreadsheet'
import { publishResults } from './publish'
import { exportPublicResults } from './publicExport'
import { correctResult, listCorrections } from './corrections'
import { closeFollowUp, listFollowUps } from './followups'
import { objectHistory } from './history'
import { deadlineFor, homeDeadlines } from './deadlines'
import { listReviews, reviewResults, submitForReview } from './review'
import { exportGsxt } from './gsxtExport'
import { addRevisit, listPublicStops, listRevisits, stopPublication } from './publicStop'

/** Tasks that have objects to enter results for (drawn onwards), newest first. */
function resultTasks(ctx: Ctx, year?: number): TaskProgress[] {
  const ids = ctx.sqlite
    .prepare(`SELECT id FROM tasks WHERE status IN ('已抽取', '检查中', '已完成', '已公示')${year ? ' AND year = ?' : ''} ORDER BY task_no DESC`)
    .all(...(year ? [year] : [])) as { id: number }[]
  return ids.map(({ id }) => progressOf(ctx, getTask(ctx, id)))
}

export const resultsHandlers: HandlerGroup<'results'> & HandlerGroup<'stats'> & HandlerGroup<'workdays'> = {
  'results.tasks': (input, wb) => resultTasks(wb.ctx(), input?.year),
  'results.progress': ({ taskId }, wb) => taskProgress(wb.ctx(), taskId),
  'results.sheet': ({ taskId, deptId }, wb) => resultSheet(wb.ctx(), taskId, deptId),
  'results.save': ({ taskId, results }, wb) => saveResults(wb.ctx(), taskId, results),
  'results.exportTemplate': ({ taskId, deptId, path }, wb) => exportResultTemplate(wb.ctx(), taskId, deptId, path),
  'results.import': ({ taskId, path }, wb) => importResults(wb.ctx(), taskId, path),
  'results.publish': ({ taskId, date, note, publicUntil }, wb) => publishResults(wb.ctx(), taskId, date, note, undefined, publicUntil),
  'results.submitReview': (input, wb) => submitForReview(wb.ctx(), input),
  'results.review': (input, wb) => reviewResults(wb.ctx(), input),
  'results.reviews': ({ taskId }, wb) => listReviews(wb.ctx(), taskId),
  'results.exportGsxt': ({ year, path }, wb) => exportGsxt(wb.ctx(), year, path),
  'results.stopPublic': (input, wb) => stopPublication(wb.ctx(), input),
  'results.publicStops': ({ taskId }, wb) => listPublicStops(wb.ctx(), taskId),
  'results.addRevisit': (input, wb) => addRevisit(wb.ctx(), input),
  'results.revisits': ({ taskId }, wb) => listRevisits(wb.ctx(), taskId),
  'results.exportPublic': ({ taskId, format, path }, wb) => exportPublicResults(wb.ctx(), taskId, format, path),
  'results.correct': (input, wb) => correctResult(wb.ctx(), input),
  'results.corrections': ({ taskId }, wb) => listCorrections(wb.ctx(), taskId),
  'results.followUps': (input, wb) => listFollowUps(wb.ctx(), input ?? {}),
  'results.closeFollowUp': (input, wb) => closeFollowUp(wb.ctx(), input),
  'results.history': ({ code }, wb) => objectHistory(wb.ctx(), code),
  'results.deadlines': (input, wb) => homeDeadlines(wb.ctx(), input?.today),
  'results.deadline': ({ completed, days }, wb) => deadlineFor(wb.ctx(), completed, days),

  'stats.dashboard': ({ year }, wb) => statsDashboard(wb.ctx(), year),
  'stats.detail': ({ year, key, deptId }, wb) => statsDetail(wb.ctx(), year, key, deptId),
  'stats.export': ({ year, format, path }, wb) => exportDashboard(wb.ctx(), year, format, path),
  'stats.breakdown': ({ year, by, deptId }, wb) => statsBreakdown(wb.ctx(), year, by, deptId),
  'stats.breakdownDetail': ({ year, by, key, deptId }, wb) => breakdownDetail(wb.ctx(), year, by, key, deptId),
  'stats.exportBreakdown': ({ year, path }, wb) => exportBreakdown(wb.ctx(), year, path),

  'workdays.overrides': (_input, wb) => {
    const overrides = getHolidayOverrides(wb.ctx())
    return { overrides, coveredYears: coveredYears(overrides), bundledSource: BUNDLED_SOURCE }
  },
  'workdays.setOverrides': ({ overrides }, wb) => setHolidayOverrides(wb.ctx(), overrides),
  'workdays.importFile': ({ file }, wb) => importHolidays(wb.ctx(), file),
  'workdays.coverage': (_input, wb) => nextYearUncovered(wb.ctx())
}
