import { UserError } from '../errors'
import type { DrawRng } from './rng'
import { CREDIT_CLASSES, type ClassRule, type CreditClass, type DrawRule, type PoolEntry, type StratumQuota } from './types'

/** spec §6.1: ratio in ‰ rounds UP (never fewer than the ratio asks), then clamps to the stratum. */
export function quotaFor(size: number, rule: ClassRule): number {
  if (rule.mode === 'ratio') return Math.min(size, Math.floor((size * rule.value + 999) / 1000))
  return Math.min(size, rule.value)
}

const CLASS_LABEL: Record<CreditClass, string> = { A: 'A 类', B: 'B 类', C: 'C 类', D: 'D 类' }

export function validateRule(rule: DrawRule): void {
  if (!rule || typeof rule !== 'object') throw new UserError('抽取规则缺失，请为 A、B、C、D 四类分别填写比例或数量。', 'invalid_input')
  for (const c of CREDIT_CLASSES) {
    const r = rule[c]
    if (!r) throw new UserError(`抽取规则缺少 ${CLASS_LABEL[c]}对象的比例或数量（不抽请填 0）。`, 'invalid_input')
    if (r.mode !== 'ratio' && r.mode !== 'count') throw new UserError(`${CLASS_LABEL[c]}对象的抽取方式“${String(r.mode)}”不对，只能是比例或数量。`, 'invalid_input')
    if (!Number.isSafeInteger(r.value) || r.value < 0) throw new UserError(`${CLASS_LABEL[c]}对象的${r.mode === 'ratio' ? '比例' : '数量'}“${r.value}”必须是不小于 0 的整数。`, 'invalid_input')
    if (r.mode === 'ratio' && r.value > 1000) throw new UserError(`${CLASS_LABEL[c]}对象的比例 ${r.value / 10}% 超过了 100%。`, 'invalid_input')
  }
}

/** Strata in A, B, C, D order; each keeps the pool's canonical (code) order. */
export function strata(sortedPool: readonly PoolEntry[]): Record<CreditClass, PoolEntry[]> {
  const s: Record<CreditClass, PoolEntry[]> = { A: [], B: [], C: [], D: [] }
  for (const e of sortedPool) s[e.creditClass].push(e)
  return s
}

export function quotas(sortedPool: readonly PoolEntry[], rule: DrawRule): Record<CreditClass, StratumQuota> {
  const s = strata(sortedPool)
  const q = {} as Record<CreditClass, StratumQuota>
  for (const c of CREDIT_CLASSES) q[c] = { size: s[c].length, quota: quotaFor(s[c].length, rule[c]) }
  return q
}

/**
 * spec §6.2: for each stratum in A–D order, a partial Fisher–Yates over the
 * sorted stratum: step i swaps a[i] with a[uniformInt(i, n-1)] and takes a[i].
 */
export function drawObjects(sortedPool: readonly PoolEntry[], rule: DrawRule, rng: DrawRng): PoolEntry[] {
  const s = strata(sortedPool)
  const out: PoolEntry[] = []
  for (const c of CREDIT_CLASSES) {
    const a = s[c]
    const n = a.length
    const k = quotaFor(n, rule[c])
    for (let i = 0; i < k; i++) {
      const j = rng.int(i, n - 1)
      const t = a[i]
      a[i] = a[j]
      a[j] = t
      out.push(a[i])
    }
  }
  return out
}
