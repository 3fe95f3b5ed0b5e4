/**
 * The two public notices (公告) of the joint inspections and their columns,
 * documented with their sources in docs/announcements.md. The .docx and the
 * .xlsx print the same columns from the same input.
 */

/** 任务公告: the objects drawn for a task, as the 国家企业信用信息公示系统 publishes a 抽查任务's 名单. */
export const TASK_NOTICE_COLUMNS = ['序号', '市场主体名称', '统一社会信用代码/注册号', '登记机关'] as const

/** 计划公告: the year's joint plan as published (seed 003 附件5 without 抽查对象总数, which changes daily, and with 抽查时间). */
export const PLAN_NOTICE_COLUMNS = ['序号', '抽查计划名称', '抽查任务名称', '抽查类型', '抽查比例', '抽查事项', '抽查对象范围', '检查发起机关', '联合机关', '抽取日期', '检查时间'] as const

export interface TaskNoticeInput {
  /** 发布机关 (the office, or the initiating department) */
  issuer: string
  taskNo: string
  taskName: string
  initiator: string
  partners: string[]
  items: string[]
  period: { start: string; end: string }
  drawDate: string
  drawId: string
  shortHash: string
  publishDate: string
  rows: { name: string; code: string; authority: string }[]
}

export interface PlanNoticeInput {
  issuer: string
  year: number
  publishDate: string
  rows: {
    planName: string
    taskName: string
    checkType: string
    ratio: string
    items: string[]
    objectScope: string
    initiator: string
    partners: string[]
    drawDate: string
    inspectionTime: string
  }[]
}

export const taskNoticeTitle = (i: Pick<TaskNoticeInput, 'taskName'>) => `${i.taskName}任务公告`
export const planNoticeTitle = (i: Pick<PlanNoticeInput, 'year' | 'issuer'>) => `${i.year}年度部门联合“双随机、一公开”抽查计划公告`

export function taskNoticeCells(i: TaskNoticeInput): string[][] {
  return i.rows.map((r, k) => [String(k + 1), r.name, r.code, r.authority])
}

export function planNoticeCells(i: PlanNoticeInput): string[][] {
  return i.rows.map((r, k) => [String(k + 1), r.planName, r.taskName, r.checkType, r.ratio, r.items.join('、'), r.objectScope, r.initiator, r.partners.join('、'), r.drawDate, r.inspectionTime])
}
