import { createHash } from 'node:crypto'
import { UserError } from '../errors'
import { compareUtf8 } from './canonical'
import { ALGORITHM_ID, CREDIT_CLASSES, type DrawRule, type SeedInfo, type SeedSource } from './types'

/**
 * Seed material and generator state (spec §4, §5). The material is plain
 * text so that it can be printed on the 抽取记录 and hashed by hand with any
 * SHA-256 tool.
 */

const SPACES = /[\s\u3000]+/g
const SEPARATORS = /[\s\u3000,，、;；]+/

function toHalfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
}

/** spec §4.1: label trimmed, inner blanks collapsed; value = digit groups joined by one space. */
export function normaliseSource(src: SeedSource): SeedSource {
  const who = src.kind === 'witness' ? '见证人' : '公开数值'
  if (src.kind !== 'witness' && src.kind !== 'public') throw new UserError(`随机数来源的类型“${String(src.kind)}”不对，只能是见证人数字或公开数值。`, 'invalid_seed')
  const label = String(src.label ?? '').replace(SPACES, ' ').trim()
  if (!label) throw new UserError(`有一个${who}没有填写${src.kind === 'witness' ? '姓名' : '名称（如“福彩3D 2026300期”）'}。`, 'invalid_seed')
  if (/[=\r\n\t]/.test(label)) throw new UserError(`${who}“${label}”的名称里不能有等号、制表符或换行。`, 'invalid_seed')
  const tokens = toHalfWidthDigits(String(src.value ?? ''))
    .trim()
    .split(SEPARATORS)
    .filter((t) => t !== '')
  if (tokens.length === 0) throw new UserError(`${who}“${label}”还没有填写数字。`, 'invalid_seed')
  for (const t of tokens) {
    if (!/^[0-9]+$/.test(t)) throw new UserError(`${who}“${label}”填写的“${src.value}”里有非数字字符，只能填数字（可用空格分隔）。`, 'invalid_seed')
  }
  return { kind: src.kind, label, value: tokens.join(' ') }
}

/** Two or more witnesses, or at least one public value named in advance (issue 5 §2). */
export function normaliseSources(sources: readonly SeedSource[]): SeedSource[] {
  const list = sources.map(normaliseSource)
  const witnesses = list.filter((s) => s.kind === 'witness')
  const publics = list.filter((s) => s.kind === 'public')
  if (publics.length === 0 && witnesses.length < 2) {
    throw new UserError(`随机数来源不足：至少需要 2 名见证人各自输入数字，或 1 个事先公布的公开数值；现在只有 ${witnesses.length} 名见证人。`, 'invalid_seed')
  }
  const seen = new Set<string>()
  for (const s of list) {
    const key = `${s.kind}:${s.label}`
    if (seen.has(key)) throw new UserError(`${s.kind === 'witness' ? '见证人' : '公开数值'}“${s.label}”重复出现，请每人（每个数值）只录入一次。`, 'invalid_seed')
    seen.add(key)
  }
  return list
}

export function sourceLine(s: SeedSource): string {
  return `${s.kind}:${s.label}=${s.value}`
}

export function ruleText(rule: DrawRule): string {
  return CREDIT_CLASSES.map((c) => `${c}:${rule[c].mode}:${rule[c].value}`).join(';')
}

export interface SeedHeader {
  taskId: string
  drawDate: string
  poolSha256: string
  inspectorsSha256: string
  rule: DrawRule
}

/** spec §4.2: the exact text whose UTF-8 bytes are hashed. */
export function seedMaterial(header: SeedHeader, sources: readonly SeedSource[]): string {
  if (/[\r\n]/.test(header.taskId)) throw new UserError('任务编号里不能有换行。', 'invalid_input')
  const lines = [
    ALGORITHM_ID,
    `task=${header.taskId}`,
    `date=${header.drawDate}`,
    `pool=${header.poolSha256}`,
    `inspectors=${header.inspectorsSha256}`,
    `rule=${ruleText(header.rule)}`,
    ...sources.map(sourceLine).sort(compareUtf8)
  ]
  return lines.join('\n') + '\n'
}

/**
 * spec §5: bytes 0–15 of SHA-256(material) as the 128-bit state; the
 * all-zero state (xoroshiro's only fixed point) falls back to bytes 16–31.
 */
export function deriveState(material: string): { materialSha256: string; derived: string } {
  const digest = createHash('sha256').update(material, 'utf8').digest()
  let bytes = digest.subarray(0, 16)
  if (bytes.every((b) => b === 0)) bytes = digest.subarray(16, 32)
  if (bytes.every((b) => b === 0)) throw new UserError('随机种子退化为全零，请增加一个随机数来源后重试。', 'invalid_seed')
  return { materialSha256: digest.toString('hex'), derived: Buffer.from(bytes).toString('hex') }
}

export function buildSeed(header: SeedHeader, sources: readonly SeedSource[]): SeedInfo {
  const normalised = normaliseSources(sources)
  const material = seedMaterial(header, normalised)
  return { sources: normalised, material, ...deriveState(material) }
}

/** The derived hex as pure-rand's xoroshiro128plus state [s01, s00, s11, s10] (signed 32-bit words). */
export function stateWords(derivedHex: string): number[] {
  if (!/^[0-9a-f]{32}$/.test(derivedHex)) throw new UserError(`派生种子“${derivedHex}”不是 32 位十六进制数。`, 'invalid_seed')
  const words: number[] = []
  for (let i = 0; i < 4; i++) words.push(Number.parseInt(derivedHex.slice(i * 8, i * 8 + 8), 16) | 0)
  return words
}
