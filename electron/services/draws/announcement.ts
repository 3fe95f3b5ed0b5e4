import type { PreparedDraw } from './draw'
import { countsByClass } from './canonical'
import { ruleText } from './seed'
import { ALGORITHM_ID, CREDIT_CLASSES, PURE_RAND_VERSION, type CreditClass, type SeedSourceKind, type StratumQuota } from './types'

/** A seed source announced before the draw; its value is not known yet. */
export interface PlannedSource {
  kind: SeedSourceKind
  /** witness name, or the public value's name such as “福彩3D 2026068期” */
  label: string
}

/** What the 抽取方案公告 prints at 方案已公布 (commit, then draw). */
export interface PlanAnnouncement {
  algorithm: string
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
}

export function planAnnouncement(p: PreparedDraw, planned: readonly PlannedSource[]): PlanAnnouncement {
  const witnesses = planned.filter((s) => s.kind === 'witness').map((s) => s.label)
  const publics = planned.filter((s) => s.kind === 'public').map((s) => s.label)
  const formation: string[] = [`随机种子由下列“种子材料”文本经 SHA-256 计算得出，算法为 ${ALGORITHM_ID}（详见 docs/draw-algorithm.md），随机数生成器为 pure-rand ${PURE_RAND_VERSION} xoroshiro128plus。`]
  formation.push('种子材料的前六行现在已经确定（见下），其中包含对象池、执法人员名单和抽取规则的哈希值，此后任何改动都会使抽取结果完全不同。')
  if (witnesses.length > 0) formation.push(`抽取现场由见证人 ${witnesses.join('、')} 各自输入一串数字，每人一行写作“witness:姓名=数字”。`)
  if (publics.length > 0) formation.push(`公开数值 ${publics.map((l) => `“${l}”`).join('、')} 开奖后录入，写作“public:名称=数字”（数字之间以一个空格分隔）。`)
  formation.push('所有来源行按 UTF-8 字节顺序排列后附在种子材料末尾，录入顺序不影响结果。')
  const header = [ALGORITHM_ID, `task=${p.task.id}`, `date=${p.drawDate}`, `pool=${p.poolSha256}`, `inspectors=${p.inspectorsSha256}`, `rule=${ruleText(p.task.rule)}`]
  const quotas = {} as Record<CreditClass, StratumQuota>
  for (const c of CREDIT_CLASSES) quotas[c] = { ...p.quotas[c] }
  return {
    algorithm: ALGORITHM_ID,
    prng: `pure-rand ${PURE_RAND_VERSION} xoroshiro128plus / uniformInt`,
    poolSha256: p.poolSha256,
    inspectorsSha256: p.inspectorsSha256,
    poolCount: p.pool.length,
    countsByClass: countsByClass(p.pool),
    quotas,
    rule: ruleText(p.task.rule),
    materialHeader: header,
    seedFormation: formation
  }
}
