import { CHECK_METHOD_LIST, RESULT_CATEGORY_LIST, type TaskProgress } from '@contract'

/** Today as YYYY-MM-DD in the office's local time. */
export function today(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** 核查方式 default for an item: the first of the four named in the item's 检查方式, else 实地核查. */
export function methodOf(itemMethod: string): string {
  return CHECK_METHOD_LIST.find((m) => itemMethod.includes(m)) ?? '实地核查'
}

/** Numbered as typed in the grid: 1 未发现问题 … 11 其他情况. */
export const CATEGORY_OPTIONS = RESULT_CATEGORY_LIST.map((c, i) => ({ value: c, label: `${i + 1} ${c}` }))

/** A short sentence on the deadline of a task, for tags and the home page. */
export function deadlineText(p: Pick<TaskProgress, 'dueOn' | 'publishedOn' | 'workdaysLeft' | 'onTime'>): string {
  if (!p.dueOn) return '检查未完成'
  if (p.publishedOn) return `已于 ${p.publishedOn} 公示（${p.onTime ? '按时' : '逾期'}）`
  if (p.workdaysLeft === null) return `公示期限 ${p.dueOn}`
  if (p.workdaysLeft < 0 || (p.workdaysLeft === 0 && p.dueOn < today())) return `已逾期（期限 ${p.dueOn}）`
  return `公示期限 ${p.dueOn}，还剩 ${p.workdaysLeft} 个工作日`
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
