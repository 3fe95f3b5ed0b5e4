/**
 * The services' clock. Normally the PC's clock; the demo county replays a
 * year of work through the ordinary services and sets the clock to the day
 * each step happened (see `atTime`), so that the stored dates read like a
 * real year instead of all being "today".
 */
let replayed: Date | null = null

function clock(): Date {
  return replayed ? new Date(replayed) : new Date()
}

/**
 * Runs `fn` with the clock set to `at` (local `YYYY-MM-DD HH:mm:ss`).
 * Synchronous on purpose: an await inside would let other work see the replayed time.
 */
export function atTime<T>(at: string, fn: () => T): T {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(at)
  if (!m) throw new RangeError(`not a time (YYYY-MM-DD HH:mm:ss): ${at}`)
  const before = replayed
  replayed = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 9), Number(m[5] ?? 0), Number(m[6] ?? 0))
  try {
    const out = fn()
    if (out instanceof Promise) throw new TypeError('atTime runs synchronous work only')
    return out
  } finally {
    replayed = before
  }
}

/** Local wall-clock time as `YYYY-MM-DD HH:mm:ss` — what office staff read and what the audit log stores. */
export function nowText(d: Date = clock()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

export function todayText(d: Date = clock()): string {
  return nowText(d).slice(0, 10)
}
