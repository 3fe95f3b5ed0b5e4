import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { stateWords } from './seed'

/**
 * The only place the draws touch pure-rand (pinned 8.4.2). Every random
 * choice goes through `int`, i.e. pure-rand's unbiased uniformInt — never
 * `% n` or `floor(x * n)` on raw outputs.
 */
export interface DrawRng {
  /** uniform integer in [from, to], both included (pure-rand uniformInt) */
  int(from: number, to: number): number
  /** raw generator output, signed 32-bit (for test vectors) */
  next(): number
}

export function createRng(derivedHex: string): DrawRng {
  const gen = xoroshiro128plusFromState(stateWords(derivedHex))
  return {
    int: (from, to) => uniformInt(gen, from, to),
    next: () => gen.next()
  }
}
