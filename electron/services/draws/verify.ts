import { UserError } from '../errors'
import { canonicalJson, countsByClass } from './canonical'
import { executeDraw, prepareDraw, seedHeader } from './draw'
import { computeDrawSha256 } from './evidence'
import { shapeProblems } from './evidenceSchema'
import { computeReplacement, requestOf } from './replacement'
import { buildSeed, normaliseSpec } from './seed'
import { ALGORITHM_V1, ALGORITHM_V2, EVIDENCE_FORMAT, EVIDENCE_FORMAT_V1, CREDIT_CLASSES, type SourceSpec, PURE_RAND_VERSION, type DrawEvidence, type DrawnObject, type ReplacementRecord, type TeamMember, type VerifyResult } from './types'

/**
 * Recompute the draw from nothing but the evidence (spec §10) and say
 * plainly, in Chinese, every place where the file and the recomputation
 * disagree. Hash mismatches catch edits to fields the algorithm does not
 * recompute (names of witnesses, times, exclusion reasons…).
 */

const MAX_LINES = 60

function who(m: TeamMember | undefined): string {
  return m ? `${m.name}（${m.idNumber}，${m.role}${m.overCap ? '，超出上限' : ''}）` : '（无）'
}

function objText(o: DrawnObject | undefined): string {
  return o ? `${o.code}（${o.name}，${o.creditClass} 类，${o.township || '无乡镇'}）` : '（无）'
}

function compareResults(expected: DrawnObject[], actual: DrawnObject[], out: string[]): void {
  if (expected.length !== actual.length) out.push(`抽中对象数量：按算法应为 ${expected.length} 个，证据文件记为 ${actual.length} 个。`)
  const n = Math.max(expected.length, actual.length)
  for (let i = 0; i < n; i++) {
    const e = expected[i]
    const a = actual[i]
    if (a && a.order !== i + 1) out.push(`第 ${i + 1} 个抽中对象的序号被记为 ${a.order}。`)
    if (!e || !a || e.code !== a.code || e.name !== a.name || e.township !== a.township || e.creditClass !== a.creditClass) {
      out.push(`第 ${i + 1} 个抽中对象：按算法应为 ${objText(e)}，证据文件记为 ${objText(a)}。`)
      continue
    }
    const m = Math.max(e.team.length, a.team.length)
    for (let k = 0; k < m; k++) {
      const x = e.team[k]
      const y = a.team[k]
      if (!x || !y || x.idNumber !== y.idNumber || x.name !== y.name || x.deptId !== y.deptId || x.role !== y.role || !!x.overCap !== !!y.overCap) {
        out.push(`第 ${i + 1} 个对象 ${e.code} 的检查组第 ${k + 1} 人：按算法应为 ${who(x)}，证据文件记为 ${who(y)}。`)
      }
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

function verifyReplacements(e: DrawEvidence, out: string[]): void {
  const done: ReplacementRecord[] = []
  for (const rec of e.replacements) {
    const label = `第 ${rec.seq} 条替换记录（第 ${rec.order} 个对象，${rec.outName} → ${rec.inName}）`
    if (rec.seq !== done.length + 1) out.push(`${label}：序号应为 ${done.length + 1}。`)
    try {
      const expected = computeReplacement(e, done, requestOf(rec))
      const fields: (keyof ReplacementRecord)[] = ['objectCode', 'outName', 'inIdNumber', 'inName', 'deptId', 'role', 'candidates', 'prevSha256']
      for (const f of fields) {
        if (!same(expected[f], rec[f])) out.push(`${label}：${f} 按规则应为 ${JSON.stringify(expected[f])}，证据文件记为 ${JSON.stringify(rec[f])}。`)
      }
      if (rec.seed && !same(expected.seed, rec.seed)) out.push(`${label}：重抽的种子材料或派生种子与随机数来源不符。`)
      if (expected.sha256 !== rec.sha256) out.push(`${label}：记录的哈希不符（应为 ${expected.sha256}，记为 ${rec.sha256}），该记录被改动过。`)
      done.push(expected)
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      out.push(`${label}：不成立——${err.message}`)
      done.push(rec)
    }
  }
}

function firstUnsorted(keys: readonly string[]): string | null {
  // ASCII keys (spec §2, §3): UTF-16 order is byte order
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return keys[i]
  return null
}

/** Verify an already-parsed evidence object. */
export function verifyEvidence(value: unknown): VerifyResult {
  const shape = shapeProblems(value)
  if (shape.length > 0) return { ok: false, differences: ['证据文件结构不完整或被改动：', ...shape] }
  const e = value as DrawEvidence
  const out: string[] = []
  const v2 = e.algorithm === ALGORITHM_V2
  if (e.algorithm !== ALGORITHM_V1 && !v2) return { ok: false, differences: [`算法标识为“${e.algorithm}”，本程序只能复核“${ALGORITHM_V1}”和“${ALGORITHM_V2}”。`] }
  if (e.format !== (v2 ? EVIDENCE_FORMAT : EVIDENCE_FORMAT_V1)) out.push(`文件格式“${e.format}”与算法“${e.algorithm}”不配套。`)
  let spec: SourceSpec | undefined
  if (v2) {
    if (!e.sourceSpec) return { ok: false, differences: [...out, '证据文件缺少抽取方案公告规定的随机数来源（sourceSpec），无法确认抽取用的正是公告的来源。'] }
    try {
      spec = normaliseSpec(e.sourceSpec, !!e.supersedes)
      if (!same(spec, e.sourceSpec)) out.push('公告规定的随机数来源写法不规范，被改动过。')
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      out.push(`公告规定的随机数来源本身不合规定：${err.message}`)
    }
    if (!e.task.number) out.push('证据文件缺少任务编号（task.number）。')
    if (e.late && (typeof e.late.reason !== 'string' || e.late.reason.trim().length < 4)) out.push('检查期限已过仍然抽取，但没有写明原因。')
  } else if (e.sourceSpec || e.supersedes || e.late) out.push(`“${ALGORITHM_V1}”的证据文件不应含有 sourceSpec、supersedes 或 late。`)
  const unsorted = firstUnsorted(e.pool.entries.map((x) => x.code)) ?? firstUnsorted(e.inspectors.entries.map((x) => x.idNumber))
  if (unsorted) out.push(`对象池或执法人员名单没有按规定顺序排列（${unsorted} 处），规范要求按代码/身份证号升序且不重复。`)
  if (e.prng.library !== 'pure-rand' || e.prng.version !== PURE_RAND_VERSION || e.prng.generator !== 'xoroshiro128plus' || e.prng.distribution !== 'uniformInt') {
    out.push(`随机数生成器记为 ${e.prng.library} ${e.prng.version} ${e.prng.generator}/${e.prng.distribution}，本算法规定为 pure-rand ${PURE_RAND_VERSION} xoroshiro128plus/uniformInt。`)
  }
  let prepared
  try {
    prepared = prepareDraw(e.task, e.drawDate, e.pool.entries, e.inspectors.entries)
  } catch (err) {
    if (!(err instanceof UserError)) throw err
    return { ok: false, differences: [...out, `证据中的任务、对象池或人员名单本身无效：${err.message}`] }
  }
  if (prepared.poolSha256 !== e.pool.sha256) out.push(`对象池哈希：按文件中的对象池重算为 ${prepared.poolSha256}，记录为 ${e.pool.sha256}，对象池条目被改动过。`)
  if (prepared.pool.length !== e.pool.count) out.push(`对象池数量：实际 ${prepared.pool.length} 个，记录为 ${e.pool.count} 个。`)
  const counts = countsByClass(prepared.pool)
  for (const c of CREDIT_CLASSES) {
    if (counts[c] !== e.pool.countsByClass[c]) out.push(`${c} 类对象数：实际 ${counts[c]} 个，记录为 ${e.pool.countsByClass[c]} 个。`)
    const q = prepared.quotas[c]
    const r = e.quotas[c]
    if (q.size !== r.size || q.quota !== r.quota) out.push(`${c} 类抽取数：按规则应为 ${q.size} 个中抽 ${q.quota} 个，记录为 ${r.size} 个中抽 ${r.quota} 个。`)
  }
  if (prepared.inspectorsSha256 !== e.inspectors.sha256) out.push(`执法人员名单哈希：重算为 ${prepared.inspectorsSha256}，记录为 ${e.inspectors.sha256}，名单被改动过。`)
  if (prepared.inspectors.length !== e.inspectors.count) out.push(`执法人员数量：实际 ${prepared.inspectors.length} 人，记录为 ${e.inspectors.count} 人。`)
  const listed = new Set(e.people.witnesses)
  for (const s of e.seed.sources) {
    if (s.kind === 'witness' && !listed.has(s.label)) out.push(`输入数字的见证人“${s.label}”不在见证人名单（${e.people.witnesses.join('、') || '空'}）中。`)
  }
  const poolCodes = new Set(prepared.pool.map((p) => p.code))
  for (const x of e.exclusions) if (poolCodes.has(x.code)) out.push(`已排除的对象 ${x.code}（${x.name}）却在对象池中。`)
  if (prepared.problems.length > 0) out.push(`按证据中的条件本不能开始抽取：${prepared.problems.join(' ')}`)
  else {
    let seed
    try {
      if (v2 && !spec) throw new UserError('公告规定的随机数来源无效，无法重建种子材料。', 'invalid_seed')
      seed = buildSeed(seedHeader(prepared, spec ? { spec, supersedes: e.supersedes } : undefined), e.seed.sources)
    } catch (err) {
      if (!(err instanceof UserError)) throw err
      out.push(`随机数来源无效：${err.message}`)
    }
    if (seed) {
      if (!same(seed.sources, e.seed.sources)) out.push('随机数来源的写法与规范化结果不一致，来源被改动过。')
      if (seed.material !== e.seed.material) out.push(`种子材料：按来源和对象池应为\n${seed.material}证据文件记为\n${e.seed.material}`)
      if (seed.materialSha256 !== e.seed.materialSha256) out.push(`种子材料哈希：应为 ${seed.materialSha256}，记录为 ${e.seed.materialSha256}。`)
      if (seed.derived !== e.seed.derived) out.push(`派生种子：应为 ${seed.derived}，记录为 ${e.seed.derived}。`)
      const outcome = executeDraw(prepared, seed)
      if (!same(outcome.caps, e.caps)) out.push(`每人检查上限：按规则应为 ${JSON.stringify(outcome.caps)}，记录为 ${JSON.stringify(e.caps)}。`)
      compareResults(outcome.result, e.result, out)
    }
  }
  const drawSha = computeDrawSha256(e)
  if (drawSha !== e.drawSha256) out.push(`证据文件哈希：按内容重算为 ${drawSha}，记录为 ${e.drawSha256}，文件在抽取后被改动过。`)
  verifyReplacements(e, out)
  if (out.length === 0) return { ok: true }
  return { ok: false, differences: out.length > MAX_LINES ? [...out.slice(0, MAX_LINES), `另有 ${out.length - MAX_LINES} 处不同未列出。`] : out }
}
