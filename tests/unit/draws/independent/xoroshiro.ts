/**
 * Independent implementation written from docs/draw-algorithm.md §5 only
 * (no pure-rand, nothing from electron/services/draws): 64-bit BigInt
 * xoroshiro128+ (24, 16, 37), output = low 32 bits of s0 + s1, and the
 * rejection-sampled integer of §5.3.
 */
const MASK64 = (1n << 64n) - 1n
const TWO32 = 1n << 32n

function rotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (64n - k))) & MASK64
}

export class Xoroshiro {
  private s0: bigint
  private s1: bigint
  /** derivedHex: 32 hex digits; w0..w3 big-endian → s0 = w0:w1, s1 = w2:w3 */
  constructor(derivedHex: string) {
    this.s0 = BigInt('0x' + derivedHex.slice(0, 16))
    this.s1 = BigInt('0x' + derivedHex.slice(16, 32))
  }
  /** unsigned 32-bit output u */
  nextU(): number {
    const out = (this.s0 + this.s1) & (TWO32 - 1n)
    const t = this.s0 ^ this.s1
    this.s0 = rotl(this.s0, 24n) ^ t ^ ((t << 16n) & MASK64)
    this.s1 = rotl(t, 37n)
    return Number(out)
  }
  /** int(from, to), §5.3 */
  int(from: number, to: number): number {
    const n = to - from + 1
    if (n < 1 || n > 2 ** 32) throw new Error('range out of spec')
    const M = n > 2 ? Math.floor(2 ** 32 / n) * n : 2 ** 32
    for (;;) {
      const u = this.nextU()
      const v = (u + 2 ** 31) % 2 ** 32
      if (v < M) return from + (v % n)
    }
  }
}
