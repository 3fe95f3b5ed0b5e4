import { UserError } from '../errors'
import { canonicalJson, compareUtf8, sha256Hex, sortInspectors } from './canonical'
import { Avoidance, holdsAll, isCertifiedOn } from './eligibility'
import { createRng } from './rng'
import { deriveState, normaliseReplacementSources, normaliseSource, sourceLine } from './seed'
import {
  ALGORITHM_V1,
  MIN_WITNESS_DIGITS,
  REPLACEMENT_ALGORITHM_ID,
  REPLACEMENT_V1,
  REPLACEMENT_REASONS,
  type DrawEvidence,
  type Inspector,
  type ReplacementRecord,
  type ReplacementRequest,
  type SeedInfo,
  type SeedSource,
  type TeamMember
} from './types'

/**
 * R8 (spec §8): a replacement never edits the draw. It is a new record
 * appended to the evidence, chained by hash to the draw and to the record
 * before it, and the teams "as they stand" are the draw's teams with the
 * records applied in order.
 */

/** Teams after applying `records` (default: all) in seq order; the draw's own result is not touched. */
export function currentTeams(e: DrawEvidence, records: readonly ReplacementRecord[] = e.replacements): TeamMember[][] {
  const teams = e.result.map((r) => r.team.map((m) => ({ ...m })))
  for (const rec of records) {
    const team = teams[rec.order - 1]
    const i = team.findIndex((m) => m.idNumber === rec.outIdNumber)
    team[i] = { idNumber: rec.inIdNumber, name: rec.inName, deptId: rec.deptId, role: rec.role }
  }
  return teams
}

export interface ReplacementContext {
  member: TeamMember
  candidates: Inspector[]
  /** people the policy may choose from: candidates under the cap, else the least loaded */
  drawable: Inspector[]
  loads: Map<string, number>
  cap: number
}

/** spec §8.2: same department, same kind (certified/expert), valid on the replacement date, holding the specialities, not avoiding, not already in the team. */
export function replacementContext(e: DrawEvidence, records: readonly ReplacementRecord[], req: Pick<ReplacementRequest, 'order' | 'outIdNumber' | 'time'>): ReplacementContext {
  const teams = currentTeams(e, records)
  if (!Number.isSafeInteger(req.order) || req.order < 1 || req.order > teams.length) {
    throw new UserError(`抽取结果中没有第 ${req.order} 个对象（共 ${teams.length} 个）。`, 'invalid_input')
  }
  const team = teams[req.order - 1]
  const object = e.result[req.order - 1]
  const member = team.find((m) => m.idNumber === req.outIdNumber)
  if (!member) throw new UserError(`身份证号 ${req.outIdNumber} 的人员不在第 ${req.order} 个对象（${object.code} ${object.name}）当前的检查组中。`, 'invalid_input')
  const dept = e.task.departments.find((d) => d.deptId === member.deptId)
  if (!dept) throw new UserError(`${member.name} 所在部门不是本任务的参与部门，无法替换。`, 'invalid_input')
  const date = req.time.slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`替换时间“${req.time}”不是 YYYY-MM-DD HH:mm:ss 格式。`, 'invalid_input')
  const expert = member.role === '专家'
  const inTeam = new Set(team.map((m) => m.idNumber))
  const pos = { code: object.code, name: object.name, township: object.township, creditClass: object.creditClass }
  const candidates = sortInspectors(e.inspectors.entries).filter(
    (p) =>
      p.deptId === dept.deptId &&
      !inTeam.has(p.idNumber) &&
      (expert ? p.active && p.isExpert : isCertifiedOn(p, date) && holdsAll(p, dept.requiredSpecialties)) &&
      !new Avoidance(p).avoids(pos)
  )
  const loads = new Map<string, number>()
  for (const t of teams) for (const m of t) loads.set(m.idNumber, (loads.get(m.idNumber) ?? 0) + 1)
  const caps = e.caps[String(dept.deptId)]
  const cap = caps ? (expert ? caps.experts : caps.certified) : 0
  let drawable = candidates.filter((p) => (loads.get(p.idNumber) ?? 0) < cap)
  if (drawable.length === 0 && candidates.length > 0) {
    const min = Math.min(...candidates.map((p) => loads.get(p.idNumber) ?? 0))
    drawable = candidates.filter((p) => (loads.get(p.idNumber) ?? 0) === min)
  }
  return { member, candidates, drawable, loads, cap }
}

/** spec §8.3: the re-draw's own seed material; /2 also names the record it follows (`prev`). */
export function replacementMaterial(drawSha256: string, seq: number, order: number, outIdNumber: string, sources: readonly SeedSource[], prevSha256?: string): string {
  const lines =
    prevSha256 === undefined
      ? [REPLACEMENT_V1, `draw=${drawSha256}`, `seq=${seq}`, `order=${order}`, `out=${outIdNumber}`]
      : [REPLACEMENT_ALGORITHM_ID, `draw=${drawSha256}`, `prev=${prevSha256}`, `seq=${seq}`, `order=${order}`, `out=${outIdNumber}`]
  return [...lines, ...sources.map(sourceLine).sort(compareUtf8)].join('\n') + '\n'
}

export function recordSha256(rec: Omit<ReplacementRecord, 'sha256'> & { sha256?: string }): string {
  const { sha256: _s, ...rest } = rec
  return sha256Hex(canonicalJson(rest))
}

/** Computes the record a request produces (pure; used both to append and to verify). */
export function computeReplacement(e: DrawEvidence, records: readonly ReplacementRecord[], req: ReplacementRequest): ReplacementRecord {
  if (!REPLACEMENT_REASONS.includes(req.reason)) {
    throw new UserError(`替换理由“${req.reason}”不在规定范围内，只能是：${REPLACEMENT_REASONS.join('、')}。`, 'invalid_input')
  }
  if (!req.approver || !req.approver.trim()) throw new UserError('请填写批准替换的分管负责人姓名。', 'invalid_input')
  if (!req.operator || !req.operator.trim()) throw new UserError('请填写经办人（操作人）姓名。', 'invalid_input')
  if (e.algorithm !== ALGORITHM_V1 && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(req.time)) {
    throw new UserError(`替换时间“${req.time}”不是“年-月-日 时:分:秒”（北京时间）格式。`, 'invalid_input')
  }
  const ctx = replacementContext(e, records, req)
  const seq = records.length + 1
  const object = e.result[req.order - 1]
  const v1 = e.algorithm === ALGORITHM_V1
  const prevSha256 = records.length > 0 ? records[records.length - 1].sha256 : e.drawSha256
  let chosen: Inspector
  let seed: SeedInfo | undefined
  if (req.policy === 'manual') {
    const pick = ctx.candidates.find((p) => p.idNumber === req.inIdNumber)
    if (!pick) {
      const who = e.inspectors.entries.find((p) => p.idNumber === req.inIdNumber)
      throw new UserError(
        `${who ? who.name : `身份证号 ${req.inIdNumber ?? '（未填写）'} 的人员`}不能替换 ${ctx.member.name}：必须是同一部门、${ctx.member.role === '专家' ? '在职的专家/辅助人员' : '执法证有效且具备所需专长的在职执法人员'}，不在该检查组中，也不需要回避该对象。符合条件的有 ${ctx.candidates.length} 人。`,
        'invalid_input'
      )
    }
    chosen = pick
  } else if (req.policy === 'redraw') {
    if (ctx.drawable.length === 0) throw new UserError(`${ctx.member.name} 所在部门已没有符合条件的人员可以随机替换，请改为人工指定或调整名录库。`, 'infeasible')
    const sources = v1 ? (req.sources ?? []).map(normaliseSource) : normaliseReplacementSources(req.sources ?? [], e.sourceSpec?.minDigits ?? MIN_WITNESS_DIGITS)
    if (sources.length === 0) throw new UserError('随机重抽需要一个新的随机数来源（例如见证人现场输入的数字）。', 'invalid_seed')
    const material = replacementMaterial(e.drawSha256, seq, req.order, req.outIdNumber, sources, v1 ? undefined : prevSha256)
    seed = { sources, material, ...deriveState(material) }
    chosen = ctx.drawable[createRng(seed.derived).int(0, ctx.drawable.length - 1)]
  } else {
    throw new UserError(`替换方式“${String(req.policy)}”不对，只能是人工指定或随机重抽。`, 'invalid_input')
  }
  const rec: Omit<ReplacementRecord, 'sha256'> = {
    seq,
    order: req.order,
    objectCode: object.code,
    outIdNumber: ctx.member.idNumber,
    outName: ctx.member.name,
    inIdNumber: chosen.idNumber,
    inName: chosen.name,
    deptId: chosen.deptId,
    role: ctx.member.role,
    reason: req.reason,
    approver: req.approver.trim(),
    policy: req.policy,
    ...(seed ? { seed, candidates: ctx.drawable.length } : {}),
    operator: req.operator.trim(),
    time: req.time,
    ...(req.note ? { note: req.note } : {}),
    prevSha256
  }
  return { ...rec, sha256: recordSha256(rec) }
}

/** Returns a new evidence object with the replacement appended; the input object is not modified. */
export function appendReplacement(e: DrawEvidence, req: ReplacementRequest): DrawEvidence {
  const rec = computeReplacement(e, e.replacements, req)
  return { ...e, replacements: [...e.replacements, rec] }
}

/** The request a stored record came from, so verification can recompute it. */
export function requestOf(rec: ReplacementRecord): ReplacementRequest {
  return {
    order: rec.order,
    outIdNumber: rec.outIdNumber,
    reason: rec.reason,
    approver: rec.approver,
    policy: rec.policy,
    inIdNumber: rec.policy === 'manual' ? rec.inIdNumber : undefined,
    sources: rec.seed?.sources,
    operator: rec.operator,
    time: rec.time,
    note: rec.note
  }
}
