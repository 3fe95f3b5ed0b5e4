/** The fixed lists of 抽查任务 and 年度计划 the pages offer; free of zod, so the renderer loads them without the schemas. */

export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const
export type CreditClassName = (typeof CREDIT_CLASSES)[number]
export const ADHOC_REASONS = ['上级交办', '投诉举报', '专项整治', '其他'] as const
export const TASK_STATUSES = ['草稿', '方案已公布', '已抽取', '检查中', '已完成', '已公示', '已取消'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const PLAN_STATUSES = ['草稿', '已报送', '已发布', '已合并', '已取消'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]
