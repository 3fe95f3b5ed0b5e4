import type { Rng } from './rng'
import { FEMALE_CHARS, MALE_CHARS, SURNAMES } from './data/names'
import { TOWNSHIPS, ADDRESS_PREFIX, type Township } from './data/places'

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES)
}

/** A Chinese personal name: surname plus one (30 %) or two given characters. */
export function personName(rng: Rng, male: boolean, family = surname(rng)): string {
  const chars = male ? MALE_CHARS : FEMALE_CHARS
  const first = rng.pick(chars)
  if (rng.chance(300)) return family + first
  let second = rng.pick(chars)
  if (second === first && rng.chance(800)) second = rng.pick(chars)
  return family + first + second
}

const TOWNSHIP_WEIGHTS = TOWNSHIPS.map((t) => [t, t.weight] as const)

export function township(rng: Rng): Township {
  return rng.weighted(TOWNSHIP_WEIGHTS)
}

/** 居委会/社区 in the 街道, 村 in the 乡镇. */
export function villageUnit(t: Township, v: string): string {
  return t.urban ? `${v}社区` : `${v}村`
}

/** A street address (most businesses) or a village address (farms, rural shops). */
export function address(rng: Rng, t: Township, opts: { full: boolean; rural: boolean }): string {
  const head = opts.full ? ADDRESS_PREFIX : '泗阳县'
  if (opts.rural && !t.urban) return `${head}${t.name}${villageUnit(t, rng.pick(t.villages))}${rng.int(1, 12)}组${rng.int(1, 80)}号`
  const street = rng.pick(t.streets)
  const no = rng.int(1, t.urban ? 399 : 180)
  if (opts.full && t.urban && rng.chance(250)) return `${head}${t.name}${street}${no}号${rng.int(1, 20)}幢${rng.int(1, 6)}0${rng.int(1, 8)}室`
  return `${head}${t.name}${street}${no}号`
}
