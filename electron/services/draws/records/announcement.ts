import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { todayText } from '../../time'
import { getTask } from '../../tasks/service'
import { CREDIT_CLASSES, plannedSourcesSchema, type DrawAnnouncement } from '@contract'
import type { DrawRule } from '../types'
import { announce, findPlan, prepareFromDb } from './plan'
import { currentDrawRow } from './store'
import { GENERATOR_WORDS } from '../announcement'
import { poolFileNames } from './poolFiles'

/** Sentences stored by /1 plans named the library and the spec's file: the clerk sees words instead. */
function plainWords(line: string): string {
  return line
    .replace(/算法为 suiji-draw\/1（详见 docs\/draw-algorithm\.md），随机数生成器为 pure-rand [0-9.]+ xoroshiro128plus。/, '抽取算法为本程序公开的双随机抽取算法第 1 版（算法说明书随程序提供）。')
    .replace(/，每人一行写作“witness:姓名=数字”/, '')
    .replace(/，写作“public:名称=数字”（数字之间以一个空格分隔）/, '')
    .replace(/按 UTF-8 字节顺序/, '按固定顺序')
}

const CLASS_WORDS = { A: 'A 类（低风险）', B: 'B 类（一般风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）' } as const

export function ruleLines(rule: DrawRule, quotas: DrawAnnouncement['quotas']): string[] {
  return CREDIT_CLASSES.map((c) => {
    const r = rule[c]
    const how = r.mode === 'ratio' ? `按 ${r.value / 10}% 比例抽取，向上取整` : `按固定户数抽取 ${r.value} 户（不超过可抽户数）`
    return `${CLASS_WORDS[c]}：可抽 ${quotas[c].size} 户，${how}，应抽 ${quotas[c].quota} 户。`
  })
}

/**
 * The 抽取方案公告 of a published task: from the frozen plan when there is
 * one, otherwise as the plan would be frozen now (frozen: false), so the
 * office can see problems before committing.
 */
export function announcement(ctx: Ctx, taskId: number): DrawAnnouncement {
  const task = getTask(ctx, taskId)
  if (!task.publishedAt) throw new UserError(`任务“${task.name}”（${task.taskNo}）的方案尚未公布，请先公布方案（冻结对象池和执法人员名单）。`, 'not-published')
  const plan = findPlan(ctx, taskId)
  const drawDate = plan?.drawDate ?? (todayText() < task.periodStart ? todayText() : task.publishedAt.slice(0, 10))
  const { prepared: p, exclusions } = prepareFromDb(ctx, taskId, drawDate, plan)
  const planned = plan?.planned ?? plannedSourcesSchema.parse({})
  const a = plan?.announcement ?? announce(p, planned)
  const summary = new Map<string, number>()
  for (const x of exclusions) summary.set(x.reason, (summary.get(x.reason) ?? 0) + 1)
  return {
    taskId,
    taskUid: task.uid,
    taskNo: task.taskNo,
    taskName: task.name,
    status: task.status,
    initiatorName: task.initiatorName,
    departments: p.task.departments.map((d) => ({
      deptName: d.deptName,
      inspectorsPerObject: d.inspectorsPerObject,
      expertsPerObject: d.expertsPerObject ?? 0,
      requiredSpecialties: d.requiredSpecialties
    })),
    frozen: !!plan,
    drawDate,
    publishedAt: plan?.publishedAt ?? task.publishedAt,
    algorithm: a.algorithm,
    // plans announced under /1 stored the generator's library name; the clerk sees words
    prng: GENERATOR_WORDS,
    poolSha256: a.poolSha256,
    inspectorsSha256: a.inspectorsSha256,
    poolCount: a.poolCount,
    inspectorsCount: p.inspectors.length,
    countsByClass: a.countsByClass,
    quotas: a.quotas,
    drawCount: p.drawCount,
    rule: a.rule,
    ruleLines: ruleLines(p.task.rule, a.quotas),
    exclusions,
    exclusionSummary: [...summary].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count),
    planned,
    sourceSpec: a.sourceSpec ?? null,
    files: poolFileNames(a.poolSha256, a.inspectorsSha256),
    periodEnd: task.periodEnd,
    materialHeader: a.materialHeader,
    seedFormation: a.sourceSpec ? a.seedFormation : a.seedFormation.map(plainWords),
    problems: p.problems,
    drawId: currentDrawRow(ctx, taskId)?.drawId ?? null
  }
}
