import { randomUUID } from 'node:crypto'
import { canonicalSha256, countsByClass } from './canonical'
import type { PreparedDraw } from './draw'
import { APP_VERSION } from '../version'
import {
  ALGORITHM_V1,
  ALGORITHM_V2,
  EVIDENCE_FORMAT,
  EVIDENCE_FORMAT_V1,
  type SourceSpec,
  type Supersedes,
  PURE_RAND_VERSION,
  type DrawEvidence,
  type DrawOutcome,
  type DrawTask,
  type EvidencePeople,
  type EvidenceTimes,
  type Exclusion,
  type Inspector,
  type PoolEntry
} from './types'

export interface EvidenceMeta {
  drawId: string
  exclusions: Exclusion[]
  people: EvidencePeople
  times: EvidenceTimes
  /** /2: the announced sources (without it the evidence is /1, kept for tests of old records) */
  spec?: SourceSpec
  supersedes?: Supersedes
  late?: { periodEnd: string; reason: string }
}

// Copies keep only the fields the algorithm defines, so a database row's
// extra columns never leak into (or silently change) the evidence.
function cleanPool(e: PoolEntry): PoolEntry {
  return { code: e.code, name: e.name, township: e.township, creditClass: e.creditClass }
}

function cleanInspector(p: Inspector): Inspector {
  return {
    idNumber: p.idNumber,
    name: p.name,
    deptId: p.deptId,
    certNo: p.certNo,
    certValidUntil: p.certValidUntil,
    active: p.active,
    isExpert: p.isExpert,
    specialties: [...p.specialties],
    avoidCodes: [...p.avoidCodes],
    avoidTownships: [...p.avoidTownships]
  }
}

function cleanTask(t: DrawTask, v2: boolean): DrawTask {
  const task: DrawTask = {
    id: t.id,
    ...(v2 ? { number: t.number } : {}),
    name: t.name,
    initiatingDeptId: t.initiatingDeptId,
    departments: t.departments.map((d) => ({
      deptId: d.deptId,
      deptName: d.deptName,
      itemIds: [...d.itemIds],
      requiredSpecialties: [...d.requiredSpecialties],
      inspectorsPerObject: d.inspectorsPerObject,
      expertsPerObject: d.expertsPerObject ?? 0
    })),
    rule: { A: { ...t.rule.A }, B: { ...t.rule.B }, C: { ...t.rule.C }, D: { ...t.rule.D } },
    leaderFromInitiator: t.leaderFromInitiator
  }
  if (t.workloadCap !== undefined) task.workloadCap = t.workloadCap
  return task
}

/**
 * spec §9: SHA-256 of the canonical JSON of the evidence without
 * `drawSha256`, `replacements`, `pool.entries` and `inspectors.entries`. The
 * entries are covered through `pool.sha256` / `inspectors.sha256`, which
 * verification recomputes from them; leaving them out keeps the hash of a
 * 150 000-object file fast.
 */
export function computeDrawSha256(e: Omit<DrawEvidence, 'drawSha256' | 'replacements'> & Partial<DrawEvidence>): string {
  const { drawSha256: _d, replacements: _r, ...core } = e
  const { entries: _p, ...pool } = core.pool
  const { entries: _i, ...inspectors } = core.inspectors
  return canonicalSha256({ ...core, pool, inspectors })
}

/** The short hash printed on the paper (and in the QR code): first 16 hex digits of drawSha256, in groups of 4. */
export function shortHash(e: Pick<DrawEvidence, 'drawSha256'>): string {
  return shortCode(e.drawSha256)
}

/** First 16 hex digits, upper case, in groups of four (spec §9). */
export function shortCode(sha256: string): string {
  return sha256.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-')
}

/**
 * spec §8.5: the chain from the draw through every replacement (and, for a
 * re-draw, from the superseded draw's chain). The paper prints both, so a
 * file with a record dropped no longer matches the paper.
 */
export function chainHead(e: Pick<DrawEvidence, 'drawSha256' | 'replacements' | 'supersedes'>): { adjustments: number; headSha256: string; headCode: string } {
  const adjustments = (e.supersedes ? e.supersedes.adjustments + 1 : 0) + e.replacements.length
  const headSha256 = e.replacements.length > 0 ? e.replacements[e.replacements.length - 1].sha256 : e.drawSha256
  return { adjustments, headSha256, headCode: shortCode(headSha256) }
}

export function buildEvidence(p: PreparedDraw, outcome: DrawOutcome, meta: EvidenceMeta): DrawEvidence {
  const v2 = !!meta.spec
  const core: Omit<DrawEvidence, 'drawSha256' | 'replacements'> = {
    format: v2 ? EVIDENCE_FORMAT : EVIDENCE_FORMAT_V1,
    algorithm: v2 ? ALGORITHM_V2 : ALGORITHM_V1,
    prng: { library: 'pure-rand', version: PURE_RAND_VERSION, generator: 'xoroshiro128plus', distribution: 'uniformInt' },
    appVersion: APP_VERSION,
    drawId: meta.drawId,
    task: cleanTask(p.task, v2),
    drawDate: p.drawDate,
    pool: { count: p.pool.length, countsByClass: countsByClass(p.pool), sha256: outcome.poolSha256, entries: p.pool.map(cleanPool) },
    exclusions: meta.exclusions.map((x) => ({ code: x.code, name: x.name, reason: x.reason })),
    inspectors: { count: p.inspectors.length, sha256: outcome.inspectorsSha256, entries: p.inspectors.map(cleanInspector) },
    quotas: outcome.quotas,
    caps: outcome.caps,
    seed: outcome.seed,
    result: outcome.result,
    people: { operator: meta.people.operator, witnesses: [...meta.people.witnesses], ...(meta.people.supervisor ? { supervisor: meta.people.supervisor } : {}) },
    times: { publishedAt: meta.times.publishedAt, drawnAt: meta.times.drawnAt },
    ...(meta.spec ? { sourceSpec: { ...meta.spec, publics: [...meta.spec.publics] } } : {}),
    ...(meta.supersedes ? { supersedes: { ...meta.supersedes } } : {}),
    ...(meta.late ? { late: { ...meta.late } } : {})
  }
  return { ...core, drawSha256: computeDrawSha256(core), replacements: [] }
}

/**
 * The bytes written to the .json file: indented, but one pool entry per line
 * so that a 150 000-object file stays small and quick to read. Layout is
 * cosmetic: hashes use canonical JSON.
 */
export function serialiseEvidence(e: DrawEvidence): string {
  // a random placeholder cannot collide with any name in the file
  const mark = `@@pool-entries-${randomUUID()}@@`
  const ENTRIES_MARK = JSON.stringify(mark)
  const text = JSON.stringify({ ...e, pool: { ...e.pool, entries: mark } }, null, 1)
  const entries = e.pool.entries.length === 0 ? '[]' : '[\n' + e.pool.entries.map((x) => '  ' + JSON.stringify(x)).join(',\n') + '\n ]'
  const at = text.indexOf(ENTRIES_MARK)
  return text.slice(0, at) + entries + text.slice(at + ENTRIES_MARK.length) + '\n'
}
