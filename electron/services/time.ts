/** Local wall-clock time as `YYYY-MM-DD HH:mm:ss` — what office staff read and what the audit log stores. */
export function nowText(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

export function todayText(d: Date = new Date()): string {
  return nowText(d).slice(0, 10)
}
