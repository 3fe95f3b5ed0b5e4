import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildEvidence, buildSeed, executeDraw, prepareDraw, seedHeader, type DrawEvidence, type DrawTask, type Exclusion, type Inspector, type PoolEntry, type SeedSource } from '../../../electron/services/draws'

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
