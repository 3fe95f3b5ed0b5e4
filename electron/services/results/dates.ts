const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

export function isRealDate(d: string): boolean {
  if (!DATE_RE.test(d)) return false
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
  return new Date(t).toISOString().slice(0, 10) === d
}
