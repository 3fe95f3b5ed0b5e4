/**
 * tasks.* channel handlers. Typed against contractPart until the channels move
 * into the contract; then this becomes a HandlerGroup<'tasks'>.
 */
import type { z } from 'zod'
import type { Workbench } from '../workbench'
import type { HandlerGroup } from '../api/dispatch'
import { tasksChannels } from '@contract'
import { createTask, deleteTask, getTask, listTasks, updateTask } from './service'
import { advanceTask, cancelTask, getFrozenPool, publishTask } from './lifecycle'
import { previewEligibility } from './preview'
import { draftFromPlanEntry } from './fromPlan'

type In<C extends keyof typeof tasksChannels> = z.output<(typeof tasksChannels)[C]['input']>

export const tasksList = (input: In<'tasks.list'>, wb: Workbench) => listTasks(wb.ctx(), input ?? {})
export const tasksGet = ({ id }: In<'tasks.get'>, wb: Workbench) => getTask(wb.ctx(), id)
export const tasksCreate = (input: In<'tasks.create'>, wb: Workbench) => createTask(wb.ctx(), input)
export const tasksUpdate = (input: In<'tasks.update'>, wb: Workbench) => updateTask(wb.ctx(), input)
export const tasksDelete = ({ id }: In<'tasks.delete'>, wb: Workbench) => deleteTask(wb.ctx(), id)
export const tasksDraftFromPlan = ({ planEntryId }: In<'tasks.draftFromPlan'>, wb: Workbench) => draftFromPlanEntry(wb.ctx(), planEntryId)
export const tasksPreview = (input: In<'tasks.preview'>, wb: Workbench) =>
  previewEligibility(wb.ctx(), 'id' in input ? input.id : { ...input, departments: input.departments.map((d) => ({ deptId: d.deptId!, itemUids: d.itemUids ?? [] })) })
export const tasksPublish = ({ id }: In<'tasks.publish'>, wb: Workbench) => publishTask(wb.ctx(), id)
export const tasksAdvance = ({ id, to, note }: In<'tasks.advance'>, wb: Workbench) => advanceTask(wb.ctx(), id, to, note)
export const tasksCancel = ({ id, reason }: In<'tasks.cancel'>, wb: Workbench) => cancelTask(wb.ctx(), id, reason)
export const tasksFrozenPool = ({ id }: In<'tasks.frozenPool'>, wb: Workbench) => getFrozenPool(wb.ctx(), id)

/** Channel → handler, ready to become `HandlerGroup<'tasks'>`. */
export const taskHandlers: HandlerGroup<'tasks'> = {
  'tasks.list': tasksList,
  'tasks.get': tasksGet,
  'tasks.create': tasksCreate,
  'tasks.update': tasksUpdate,
  'tasks.delete': tasksDelete,
  'tasks.draftFromPlan': tasksDraftFromPlan,
  'tasks.preview': tasksPreview,
  'tasks.publish': tasksPublish,
  'tasks.advance': tasksAdvance,
  'tasks.cancel': tasksCancel,
  'tasks.frozenPool': tasksFrozenPool
}
