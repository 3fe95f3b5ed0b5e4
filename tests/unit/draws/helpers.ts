import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildEvidence, buildSeed, executeDraw, normaliseSpec, prepareDraw, seedHeader, type DrawEvidence, type DrawTask, type Exclusion, type Inspector, type PoolEntry, type SeedSource, type SourceSpec, type Supersedes } from '../../../electron/services/draws'

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'suiji-draws-'))
}

/** Run a full draw the way the task service will, and build its evidence. */
export function drawEvidence(task: DrawTask, drawDate: string, pool: PoolEntry[], inspectors: Inspector[], sources: SeedSource[], exclusions: Exclusion[] = []): DrawEvidence {
  const p = prepareDraw(task, drawDate, pool, inspectors)
  const outcome = executeDraw(p, buildSeed(seedHeader(p), sources))
  return buildEvidence(p, outcome, {
    drawId: `D-${task.id}`,
    exclusions,
    people: { operator: '王经办', witnesses: sources.filter((s) => s.kind === 'witness').map((s) => s.label), supervisor: '刘监督' },
    times: { publishedAt: '2026-03-10 09:00:00', drawnAt: `${drawDate} 10:00:00` }
  })
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T
}

/** A suiji-draw/2 draw: the announced spec in the material, 任务编号, optionally a re-draw's link. */
export function drawEvidenceV2(task: DrawTask, drawDate: string, pool: PoolEntry[], inspectors: Inspector[], sources: SeedSource[], spec: SourceSpec, supersedes?: Supersedes, drawId = `${task.number}-D1`): DrawEvidence {
  const p = prepareDraw(task, drawDate, pool, inspectors)
  const s = normaliseSpec(spec, !!supersedes)
  const outcome = executeDraw(p, buildSeed(seedHeader(p, { spec: s, supersedes }), sources))
  return buildEvidence(p, outcome, {
    drawId,
    exclusions: [],
    people: { operator: '王经办', witnesses: sources.filter((x) => x.kind === 'witness').map((x) => x.label) },
    times: { publishedAt: '2026-03-10 09:00:00', drawnAt: `${drawDate} 10:00:00` },
    spec: s,
    ...(supersedes ? { supersedes } : {})
  })
}
