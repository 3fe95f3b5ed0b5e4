/**
 * plans.* channel handlers. Typed against tasks/contractPart until the channels
 * move into the contract; then this becomes a HandlerGroup<'plans'>.
 */
import type { z } from 'zod'
import type { Workbench } from '../workbench'
import type { HandlerGroup } from '../api/dispatch'
import { plansChannels } from '@contract'
import { countScope } from '../tasks/scope'
import { createPlanEntry, deletePlanEntry, getPlanEntry, listPlanEntries, updatePlanEntry } from './service'
import { countyPlan, mergePlanEntries, overlapReport, r12Report } from './county'
import { exportPlanXlsx } from './xlsx'
import { importPlanXlsx } from './importXlsx'

type In<C extends keyof typeof plansChannels> = z.output<(typeof plansChannels)[C]['input']>

export const plansList = (input: In<'plans.list'>, wb: Workbench) => listPlanEntries(wb.ctx(), input)
export const plansGet = ({ id }: In<'plans.get'>, wb: Workbench) => getPlanEntry(wb.ctx(), id)
export const plansCreate = (input: In<'plans.create'>, wb: Workbench) => createPlanEntry(wb.ctx(), input)
export const plansUpdate = (input: In<'plans.update'>, wb: Workbench) => updatePlanEntry(wb.ctx(), input)
export const plansDelete = ({ id }: In<'plans.delete'>, wb: Workbench) => deletePlanEntry(wb.ctx(), id)
export const plansCounty = ({ year }: In<'plans.county'>, wb: Workbench) => countyPlan(wb.ctx(), year)
export const plansMerge = ({ keepId, otherIds }: In<'plans.merge'>, wb: Workbench) => mergePlanEntries(wb.ctx(), keepId, otherIds)
export const plansR12 = ({ year }: In<'plans.r12'>, wb: Workbench) => r12Report(wb.ctx(), year)
export const plansOverlaps = ({ year }: In<'plans.overlaps'>, wb: Workbench) => overlapReport(wb.ctx(), year)
export const plansExportXlsx = (input: In<'plans.exportXlsx'>, wb: Workbench) => exportPlanXlsx(wb.ctx(), input)
export const plansImportXlsx = ({ file }: In<'plans.importXlsx'>, wb: Workbench) => importPlanXlsx(wb.ctx(), file)
export const plansScopeCount = ({ scope }: In<'plans.scopeCount'>, wb: Workbench) => ({ total: countScope(wb.ctx(), scope) })

/** Channel → handler, ready to become `HandlerGroup<'plans'>`. */
export const planHandlers: HandlerGroup<'plans'> = {
  'plans.list': plansList,
  'plans.get': plansGet,
  'plans.create': plansCreate,
  'plans.update': plansUpdate,
  'plans.delete': plansDelete,
  'plans.county': plansCounty,
  'plans.merge': plansMerge,
  'plans.r12': plansR12,
  'plans.overlaps': plansOverlaps,
  'plans.exportXlsx': plansExportXlsx,
  'plans.importXlsx': plansImportXlsx,
  'plans.scopeCount': plansScopeCount
}
