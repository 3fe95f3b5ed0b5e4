import { CHECK_METHOD_LIST, LEGACY_METHODS, RESULT_CATEGORY_LIST, codeOfCategory, type TaskProgress } from '@contract'

/** Today as YYYY-MM-DD in the office's local time. */
export function today(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** 核查方式 default for an item: those named in the item's 检查方式 (earlier wording understood), else 实地检查. */
export function methodsOf(itemMethod: string): string {
  const named = CHECK_METHOD_LIST.filter((m) => itemMethod.includes(m) || Object.entries(LEGACY_METHODS).some(([old, now]) => now === m && itemMethod.includes(old)))
  return (named.length ? named : ['实地检查']).join('、')
}

/** Numbered as typed in the grid (1 未发现问题 … 20 其他情况); the national code goes to documents and exports. */
export const CATEGORY_OPTIONS = RESULT_CATEGORY_LIST.map((c, i) => ({ value: c, label: `${i + 1} ${c}`, code: codeOfCategory(c) }))

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
