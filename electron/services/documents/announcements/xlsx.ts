/** 任务公告 and 计划公告 as spreadsheets, for pasting into the public website or the provincial platform. */
import { writeXlsx } from '../../registry/spreadsheet/writer'
import { PLAN_NOTICE_COLUMNS, TASK_NOTICE_COLUMNS, planNoticeCells, planNoticeTitle, taskNoticeCells, taskNoticeTitle, type PlanNoticeInput, type TaskNoticeInput } from './layouts'

export async function writeTaskNoticeXlsx(file: string, i: TaskNoticeInput): Promise<void> {
  await writeXlsx(file, [{ name: '任务公告', title: taskNoticeTitle(i), header: [[...TASK_NOTICE_COLUMNS]], widths: [8, 44, 26, 30], rows: taskNoticeCells(i) }])
}

export async function writePlanNoticeXlsx(file: string, i: PlanNoticeInput): Promise<void> {
  await writeXlsx(file, [{ name: '计划公告', title: planNoticeTitle(i), header: [[...PLAN_NOTICE_COLUMNS]], widths: [6, 30, 30, 12, 14, 40, 30, 18, 30, 12, 14], rows: planNoticeCells(i) }])
}
