/**
 * Row identifiers (uid columns). Random normally; the demo county replays its
 * year with `withSeededIds` so that one seed and one date give the same rows,
 * uids included (a draw's evidence names the task's uid).
 */
import { createHash, randomUUID } from 'node:crypto'

let seeded: { seed: string; n: number } | null = null

export function newUid(): string {
  if (!seeded) return randomUUID()
  const h = createHash('sha256').update(`${seeded.seed}|${seeded.n++}`).digest('hex')
  // shaped like a version-4 UUID so that nothing downstream can tell the difference
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Runs `fn` (synchronous) with uids derived from `seed` in call order. */
export function withSeededIds<T>(seed: string, fn: () => T): T {
  return seededIds(seed).run(fn)
}

/**
 * One sequence of seeded uids taken up in several synchronous pieces (the demo
 * year step by step, with pauses between the steps for progress reports):
 * the count goes on where the last piece left it, and work running in the
 * pauses gets random uids as ever.
 */
export function seededIds(seed: string): { run<T>(fn: () => T): T } {
  const state = { seed, n: 0 }
  return {
    run<T>(fn: () => T): T {
      const before = seeded
      seeded = state
      try {
        return fn()
      } finally {
        seeded = before
      }
    }
  }
}
