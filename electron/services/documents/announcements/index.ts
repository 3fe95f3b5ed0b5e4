/** 任务公告 and 计划公告 (.docx or .xlsx): what the office publishes before the inspections. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { buildPlanNotice, buildTaskNotice } from './docx'
import { writePlanNoticeXlsx, writeTaskNoticeXlsx } from './xlsx'
import { planNoticeInput, taskNoticeInput } from './fromDb'

export { TASK_NOTICE_COLUMNS, PLAN_NOTICE_COLUMNS } from './layouts'
export { taskNoticeInput, planNoticeInput }

export type AnnouncementRequest = { kind: 'taskNotice'; taskId: number; format: 'docx' | 'xlsx'; path: string } | { kind: 'planNotice'; year: number; format: 'docx' | 'xlsx'; path: string }

export async function exportAnnouncement(ctx: Ctx, req: AnnouncementRequest): Promise<{ file: string; rows: number }> {
  const ext = `.${req.format}`
  if (!req.path.toLowerCase().endsWith(ext)) throw new UserError(`保存的文件名应以 ${ext} 结尾，请修改文件名。`, 'bad-path')
  try {
    mkdirSync(dirname(req.path), { recursive: true })
  } catch {
    throw new UserError('无法在所选位置创建文件夹，请换一个保存位置。', 'write-failed')
  }
  if (req.kind === 'taskNotice') {
    const input = taskNoticeInput(ctx, req.taskId)
    if (req.format === 'docx') writeFileSync(req.path, await buildTaskNotice(input))
    else await writeTaskNoticeXlsx(req.path, input)
    audit(ctx, { action: '生成任务公告', entity: 'task', entityId: input.taskNo, detail: { format: req.format, file: req.path, rows: input.rows.length, drawId: input.drawId } })
    return { file: req.path, rows: input.rows.length }
  }
  const input = planNoticeInput(ctx, req.year)
  if (req.format === 'docx') writeFileSync(req.path, await buildPlanNotice(input))
  else await writePlanNoticeXlsx(req.path, input)
  audit(ctx, { action: '生成计划公告', entity: 'plan', entityId: String(req.year), detail: { format: req.format, file: req.path, rows: input.rows.length } })
  return { file: req.path, rows: input.rows.length }
}
