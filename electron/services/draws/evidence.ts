import { randomUUID } from 'node:crypto'
import { canonicalSha256, countsByClass } from './canonical'
import type { PreparedDraw } from './draw'
import { APP_VERSION } from '../version'
import {
  ALGORITHM_ID,
  EVIDENCE_FORMAT,
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

function cleanTask(t: DrawTask): DrawTask {
  const task: DrawTask = {
    id: t.id,
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
  return e.drawSha256.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-')
}

export function buildEvidence(p: PreparedDraw, outcome: DrawOutcome, meta: EvidenceMeta): DrawEvidence {
  const core: Omit<DrawEvidence, 'drawSha256' | 'replacements'> = {
    format: EVIDENCE_FORMAT,
    algorithm: ALGORITHM_ID,
    prng: { library: 'pure-rand', version: PURE_RAND_VERSION, generator: 'xoroshiro128plus', distribution: 'uniformInt' },
    appVersion: APP_VERSION,
    drawId: meta.drawId,
    task: cleanTask(p.task),
    drawDate: p.drawDate,
    pool: { count: p.pool.length, countsByClass: countsByClass(p.pool), sha256: outcome.poolSha256, entries: p.pool.map(cleanPool) },
    exclusions: meta.exclusions.map((x) => ({ code: x.code, name: x.name, reason: x.reason })),
    inspectors: { count: p.inspectors.length, sha256: outcome.inspectorsSha256, entries: p.inspectors.map(cleanInspector) },
    quotas: outcome.quotas,
    caps: outcome.caps,
    seed: outcome.seed,
    result: outcome.result,
    people: { operator: meta.people.operator, witnesses: [...meta.people.witnesses], ...(meta.people.supervisor ? { supervisor: meta.people.supervisor } : {}) },
    times: { publishedAt: meta.times.publishedAt, drawnAt: meta.times.drawnAt }
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
