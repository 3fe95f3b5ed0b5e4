import { createHash } from 'node:crypto'
import { UserError } from '../errors'
import { compareUtf8 } from './canonical'
import { ALGORITHM_V1, ALGORITHM_V2, CREDIT_CLASSES, MIN_WITNESS_DIGITS, type AlgorithmId, type DrawRule, type SeedInfo, type SeedSource, type SourceSpec, type Supersedes } from './types'

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

/** /1 acceptance: two or more witnesses, or at least one public value named in advance. */
export function normaliseSources(sources: readonly SeedSource[]): SeedSource[] {
  const list = normaliseUnique(sources)
  const witnesses = list.filter((s) => s.kind === 'witness')
  const publics = list.filter((s) => s.kind === 'public')
  if (publics.length === 0 && witnesses.length < 2) {
    throw new UserError(`随机数来源不足：至少需要 2 名见证人各自输入数字，或 1 个事先公布的公开数值；现在只有 ${witnesses.length} 名见证人。`, 'invalid_seed')
  }
  return list
}

function normaliseUnique(sources: readonly SeedSource[]): SeedSource[] {
  const list = sources.map(normaliseSource)
  const seen = new Set<string>()
  for (const s of list) {
    const key = `${s.kind}:${s.label}`
    if (seen.has(key)) throw new UserError(`${s.kind === 'witness' ? '见证人' : '公开数值'}“${s.label}”重复出现，请每人（每个数值）只录入一次。`, 'invalid_seed')
    seen.add(key)
  }
  return list
}

/** spec §4.1: the same collapsing of blanks as a label; free text (a reason) may hold `=`. */
export function normaliseText(s: string): string {
  return String(s ?? '').replace(SPACES, ' ').trim()
}

const digitCount = (value: string) => value.replace(/ /g, '').length

/** spec §4.3: the announced specification itself must meet the entropy floor. */
export function normaliseSpec(spec: SourceSpec, redraw = false): SourceSpec {
  const witnesses = spec.witnesses
  const minDigits = spec.minDigits
  if (!Number.isSafeInteger(witnesses) || witnesses < 0 || witnesses > 20) throw new UserError(`见证人人数“${witnesses}”应为 0 到 20 的整数。`, 'invalid_seed')
  if (!Number.isSafeInteger(minDigits) || minDigits < MIN_WITNESS_DIGITS || minDigits > 40) {
    throw new UserError(`每名见证人至少输入的位数“${minDigits}”不对：不能少于 ${MIN_WITNESS_DIGITS} 位（可以提高，最多 40 位）。`, 'invalid_seed')
  }
  const publics = (spec.publics ?? []).map((l) => normaliseSource({ kind: 'public', label: l, value: '0' }).label)
  if (new Set(publics).size !== publics.length) throw new UserError('同一个公开数值在方案中写了两次，请只写一次。', 'invalid_seed')
  const reason = normaliseText(spec.reason ?? '')
  if (publics.length === 0 && witnesses < 2) {
    throw new UserError(`没有事先指定的公开数值时，至少需要 2 名见证人（建议 3 名以上）现场输入数字；现在只安排了 ${witnesses} 名。`, 'invalid_seed')
  }
  if (publics.length === 0 && witnesses < 3 && reason.length < 4) {
    throw new UserError('没有事先指定的公开数值（如福彩3D某期开奖号码）时，需要至少 3 名见证人；只安排 2 名的，请写明原因（至少 4 个字），原因会印在抽取方案公告上。', 'invalid_seed')
  }
  if (redraw && witnesses < 2) {
    throw new UserError('重新抽取需要见证人重新输入数字，但方案只安排了公开数值（开奖号码已知，不能再作为新的随机来源）。', 'invalid_seed')
  }
  return { witnesses, minDigits, publics: [...publics].sort(compareUtf8), ...(reason ? { reason } : {}) }
}

/** spec §4.3: the draw uses exactly the announced sources, each witness typing enough digits. */
export function normaliseSourcesForSpec(sources: readonly SeedSource[], spec: SourceSpec): SeedSource[] {
  const list = normaliseUnique(sources)
  const witnesses = list.filter((s) => s.kind === 'witness')
  const publics = list.filter((s) => s.kind === 'public').map((s) => s.label)
  if (witnesses.length !== spec.witnesses) {
    throw new UserError(`抽取方案公告规定由 ${spec.witnesses} 名见证人输入数字，现在录入了 ${witnesses.length} 名。请按公告的人数录入，不能增减。`, 'invalid_seed')
  }
  for (const w of witnesses) {
    const n = digitCount(w.value)
    if (n < spec.minDigits) throw new UserError(`见证人“${w.label}”只输入了 ${n} 位数字，公告规定每人至少 ${spec.minDigits} 位，请补足后再抽取。`, 'invalid_seed')
  }
  const missing = spec.publics.filter((l) => !publics.includes(l))
  const extra = publics.filter((l) => !spec.publics.includes(l))
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `缺少公告指定的“${missing.join('”“')}”` : '',
      extra.length ? `“${extra.join('”“')}”不是公告指定的公开数值` : ''
    ].filter(Boolean)
    throw new UserError(`公开数值与抽取方案公告不符：${parts.join('；')}。只能使用公告写明名称和期号的数值。`, 'invalid_seed')
  }
  return list
}

/** spec §8.2 (/2): a re-draw of one member needs at least one witness with enough digits. */
export function normaliseReplacementSources(sources: readonly SeedSource[], minDigits: number): SeedSource[] {
  const list = normaliseUnique(sources)
  const witnesses = list.filter((s) => s.kind === 'witness')
  if (witnesses.length === 0) throw new UserError('随机重抽需要至少 1 名见证人现场输入一串新的数字。', 'invalid_seed')
  for (const w of witnesses) {
    const n = digitCount(w.value)
    if (n < minDigits) throw new UserError(`见证人“${w.label}”只输入了 ${n} 位数字，至少需要 ${minDigits} 位。`, 'invalid_seed')
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
  algorithm: AlgorithmId
  /** /1: the task's internal id; /2: 任务编号 */
  taskId: string
  drawDate: string
  poolSha256: string
  inspectorsSha256: string
  rule: DrawRule
  /** /2 only */
  spec?: SourceSpec
  supersedes?: Supersedes
}

/** /2: the lines of the material fixed by the announcement after the rule (spec §4.2). */
export function specLines(spec: SourceSpec): string[] {
  return [`witnesses=${spec.witnesses}`, `digits=${spec.minDigits}`, ...spec.publics.map((l) => `public=${l}`), ...(spec.reason ? [`why=${spec.reason}`] : [])]
}

/** The material's lines before the source lines (spec §4.2); the announcement prints them as they are. */
export function headerLines(header: SeedHeader): string[] {
  if (/[\r\n]/.test(header.taskId)) throw new UserError('任务编号里不能有换行。', 'invalid_input')
  const lines = [
    header.algorithm,
    `task=${header.taskId}`,
    `date=${header.drawDate}`,
    `pool=${header.poolSha256}`,
    `inspectors=${header.inspectorsSha256}`,
    `rule=${ruleText(header.rule)}`
  ]
  if (header.algorithm === ALGORITHM_V2) {
    if (!header.spec) throw new UserError('缺少抽取方案公告规定的随机数来源。', 'invalid_seed')
    lines.push(...specLines(header.spec))
    if (header.supersedes) checkSupersedes(header.supersedes)
    if (header.supersedes) lines.push(`supersedes=${header.supersedes.headSha256}`, `redraw-reason=${header.supersedes.reason}`)
  }
  return lines
}

/** spec §8.4: a re-draw names the superseded chain's head and a reason of at least four characters. */
export function checkSupersedes(s: Supersedes): void {
  if (!/^[0-9a-f]{64}$/.test(s.headSha256) || !/^[0-9a-f]{64}$/.test(s.drawSha256)) throw new UserError('被替代抽取的哈希值格式不对。', 'invalid_input')
  if (s.reason !== normaliseText(s.reason) || s.reason.length < 4) throw new UserError('请写明重新抽取的原因（至少 4 个字）。', 'invalid_input')
  if (!Number.isSafeInteger(s.adjustments) || s.adjustments < 0) throw new UserError('被替代抽取的调整次数不对。', 'invalid_input')
}

/** spec §4.2: the exact text whose UTF-8 bytes are hashed. */
export function seedMaterial(header: SeedHeader, sources: readonly SeedSource[]): string {
  return [...headerLines(header), ...sources.map(sourceLine).sort(compareUtf8)].join('\n') + '\n'
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
  const normalised = header.algorithm === ALGORITHM_V1 ? normaliseSources(sources) : normaliseSourcesForSpec(sources, header.spec!)
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
