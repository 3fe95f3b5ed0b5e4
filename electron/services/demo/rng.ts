/**
 * The demo county's random source: xoroshiro128+ (pure-rand 8.4.2) whose 128-bit
 * state is the first 16 bytes of SHA-256(seed). Every choice goes through
 * uniformInt (unbiased ranges), so the same seed always gives the same county.
 */
import { createHash } from 'node:crypto'
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

export class Rng {
  private readonly gen: RandomGenerator

  constructor(seed: string) {
    const h = createHash('sha256').update(seed, 'utf8').digest()
    this.gen = xoroshiro128plusFromState([h.readInt32BE(0), h.readInt32BE(4), h.readInt32BE(8), h.readInt32BE(12)])
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return uniformInt(this.gen, lo, hi)
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!
  }

  /** True with probability permille/1000. */
  chance(permille: number): boolean {
    return this.int(0, 999) < permille
  }

  /** Picks by integer weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.int(0, total - 1)
    for (const [v, w] of entries) {
      if (r < w) return v
      r -= w
    }
    throw new Error('unreachable')
  }

  /** k distinct elements, in pick order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list]
    const out: T[] = []
    for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(this.int(0, copy.length - 1), 1)[0]!)
    return out
  }

  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(this.int(0, 9))
    return s
  }

  /** A real calendar date between two years, both included, as YYYY-MM-DD. */
  date(fromYear: number, toYear: number): string {
    const lo = Date.UTC(fromYear, 0, 1) / 86_400_000
    const hi = Date.UTC(toYear, 11, 31) / 86_400_000
    return new Date(this.int(lo, hi) * 86_400_000).toISOString().slice(0, 10)
  }
}
