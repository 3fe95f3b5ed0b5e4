import type { PreparedDraw } from './draw'
import { countsByClass } from './canonical'
import { headerLines, normaliseSpec, ruleText } from './seed'
import { ALGORITHM_V2, CREDIT_CLASSES, type CreditClass, type SourceSpec, type StratumQuota } from './types'

/** What the 抽取方案公告 prints at 方案已公布 (commit, then draw). */
export interface PlanAnnouncement {
  algorithm: string
  /** the generator in words (clerk-facing: no library names) */
  prng: string
  poolSha256: string
  inspectorsSha256: string
  poolCount: number
  countsByClass: Record<CreditClass, number>
  quotas: Record<CreditClass, StratumQuota>
  rule: string
  /** the seed-material lines already fixed now (spec §4.2), each to be printed as is */
  materialHeader: string[]
  /** plain sentences describing how the seed will be formed */
  seedFormation: string[]
  /** /2: the sources the draw must use exactly; absent on plans announced under /1 */
  sourceSpec?: SourceSpec
}

export const GENERATOR_WORDS = '公开的确定性伪随机数算法（同一种子必得同一结果），按拒绝采样取无偏整数'

/**
 * The 公告 of a /2 plan: the material's header including the announced
 * sources, and how the seed will be formed, in words a clerk and a witness
 * can follow. `witnessNames` are printed when already known.
 */
export function planAnnouncement(p: PreparedDraw, spec: SourceSpec, witnessNames: readonly string[] = []): PlanAnnouncement {
  const s = normaliseSpec(spec)
  const header = headerLines({ algorithm: ALGORITHM_V2, taskId: p.task.number ?? p.task.id, drawDate: p.drawDate, poolSha256: p.poolSha256, inspectorsSha256: p.inspectorsSha256, rule: p.task.rule, spec: s })
  const formation: string[] = [
    `随机种子由下列“种子材料”文本经 SHA-256 计算得出，抽取算法为本程序公开的双随机抽取算法第 2 版（算法说明书随程序提供，任何人可据此独立复算）。`,
    `种子材料前 ${header.length} 行现在已经确定（见下），包含任务编号 ${p.task.number ?? ''}、对象池和执法人员名单的哈希值、抽取规则和下面规定的随机数来源，此后任何改动都会使抽取结果完全不同。`
  ]
  const names = witnessNames.filter(Boolean)
  if (s.witnesses > 0) {
    formation.push(
      `抽取现场由 ${s.witnesses} 名见证人${names.length ? `（${names.join('、')}${names.length < s.witnesses ? `，另 ${s.witnesses - names.length} 名现场确定` : ''}）` : ''}各自输入一串数字，每人至少 ${s.minDigits} 位；数字先隐藏录入，全部录入后一起揭晓，谁都不能看着别人的数字再决定自己的。`
    )
  }
  if (s.publics.length > 0) formation.push(`使用事先公布、抽取时尚未产生的公开数值：${s.publics.map((l) => `“${l}”`).join('、')}，开奖后按公布的号码录入。`)
  if (s.reason) formation.push(`见证人少于 3 名且不使用公开数值的原因：${s.reason}。`)
  formation.push('抽取时只接受上述人数、位数和公开数值，多一个、少一个或换一个都不能抽取。所有来源按固定顺序排列后附在种子材料末尾，录入顺序不影响结果。')
  const quotas = {} as Record<CreditClass, StratumQuota>
  for (const c of CREDIT_CLASSES) quotas[c] = { ...p.quotas[c] }
  return {
    algorithm: ALGORITHM_V2,
    prng: GENERATOR_WORDS,
    poolSha256: p.poolSha256,
    inspectorsSha256: p.inspectorsSha256,
    poolCount: p.pool.length,
    countsByClass: countsByClass(p.pool),
    quotas,
    rule: ruleText(p.task.rule),
    materialHeader: header,
    seedFormation: formation,
    sourceSpec: s
  }
}
