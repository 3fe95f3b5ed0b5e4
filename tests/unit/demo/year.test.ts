import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TASK_STATUSES } from '@contract'
import { openDatabase } from '../../../electron/services/db/open'
import type { Ctx } from '../../../electron/services/context'
import { loadDemo, loadDemoInSteps } from '../../../electron/services/demo/load'
import { r12Report } from '../../../electron/services/plans/county'
import { listPlanEntries } from '../../../electron/services/plans/service'
import { homeDeadlines, listFollowUps } from '../../../electron/services/results'
import { exportEvidence, verifyFile } from '../../../electron/services/draws/records/files'
import { verifyAuditChain } from '../../../electron/services/audit/log'
import { getIdentity, listPeers } from '../../../electron/services/exchange/identity'
import { listExchangeLog } from '../../../electron/services/exchange/log'

const TODAY = '2026-12-04'
let dir: string
const open: Ctx[] = []
let a: Ctx
let aHash: string
/** The trail as the demo left it, before the tests below act (their own entries carry the real clock). */
let demoTrail: string[]

function fresh(name: string): Ctx {
  const { db, sqlite, file } = openDatabase(join(dir, name))
  const ctx = { db, sqlite, file, actor: '王丽' }
  open.push(ctx)
  return ctx
}

type Row = Record<string, unknown>
const all = (ctx: Ctx, q: string, ...p: unknown[]) => ctx.sqlite.prepare(q).all(...p) as Row[]

/** Everything the year wrote; the exchange keys and package ids are random by design and left out. */
function yearHash(ctx: Ctx): string {
  const h = createHash('sha256')
  for (const t of ['plan_entries', 'tasks', 'task_pool', 'draw_plans', 'draws', 'draw_replacements', 'inspection_results', 'result_corrections', 'result_reviews', 'result_public_stops', 'result_revisits', 'task_outcomes']) {
    for (const row of ctx.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).iterate()) h.update(JSON.stringify(row)).update('\n')
  }
  const trail = ctx.sqlite.prepare(`SELECT at, actor, action, entity, entity_id, detail FROM audit_log WHERE entity NOT IN ('agency', 'exchange') AND action NOT LIKE '%交换%' ORDER BY id`)
  for (const row of trail.iterate()) h.update(JSON.stringify(row)).update('\n')
  return h.digest('hex')
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-year-'))
  a = fresh('a.db')
  loadDemo(a, { objects: 3000, seed: 'year', today: TODAY })
  aHash = yearHash(a)
  demoTrail = all(a, `SELECT at FROM audit_log ORDER BY id`).map((r) => String(r.at))
}, 240_000)
afterAll(() => {
  for (const c of open) c.sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the demo year', () => {
  it('has plan entries initiated by at least 20 departments, one merge, and departments R12 names', () => {
    const entries = listPlanEntries(a, { year: 2026, includeMerged: true })
    expect(new Set(entries.map((e) => e.initiatorDeptId)).size).toBeGreaterThanOrEqual(20)
    const merged = entries.filter((e) => e.status === '已合并')
    expect(merged.length).toBeGreaterThanOrEqual(1)
    expect(entries.find((e) => e.uid === merged[0]!.mergedInto)!.mergedFrom).toContain(merged[0]!.uid)
    const r12 = r12Report(a, 2026)
    expect(r12.missing.length).toBeGreaterThan(0)
    expect(r12.covered.length).toBeGreaterThanOrEqual(20)
  })

  it('has at least 12 joint tasks covering every state, each joint, the drawn ones with draws that verify', () => {
    const tasks = all(a, `SELECT id, task_no AS no, status, departments FROM tasks ORDER BY task_no`)
    expect(tasks.length).toBeGreaterThanOrEqual(12)
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(TASK_STATUSES))
    for (const t of tasks) expect((JSON.parse(String(t.departments)) as unknown[]).length).toBeGreaterThanOrEqual(2)
    const draws = all(a, `SELECT draw_id AS id, supersedes_draw_id AS old FROM draws`)
    expect(draws.filter((d) => d.old).length).toBe(1)
    expect(all(a, `SELECT 1 FROM draw_replacements`).length).toBeGreaterThanOrEqual(1)
    for (const d of draws) {
      const file = join(dir, `${d.id}.json`)
      exportEvidence(a, String(d.id), file)
      expect(verifyFile(file).code, String(d.id)).toBe(0)
    }
    const cancelled = all(a, `SELECT cancel_reason AS why FROM tasks WHERE status = '已取消'`)
    expect(String(cancelled[0]!.why).length).toBeGreaterThan(4)
  })

  it('has results with corrections, referrals with case numbers, and follow-ups both closed and open', () => {
    expect(all(a, `SELECT 1 FROM result_corrections`).length).toBeGreaterThanOrEqual(1)
    const referred = all(a, `SELECT case_no AS ref FROM inspection_results WHERE disposal = '移送办案机构'`)
    expect(referred.length).toBeGreaterThan(0)
    for (const r of referred) expect(String(r.ref)).toMatch(/^泗市监立〔2026〕\d+号$/)
    const fu = listFollowUps(a, { open: false })
    expect(fu.some((f) => f.doneOn)).toBe(true)
    expect(fu.some((f) => !f.doneOn)).toBe(true)
  })

  it('has results in every review state, a stopped publication and revisits', () => {
    const states = all(a, `SELECT DISTINCT review_status AS s FROM inspection_results`).map((r) => r.s)
    expect(new Set(states)).toEqual(new Set(['录入', '待审核', '退回', '已通过']))
    const published = all(a, `SELECT DISTINCT r.review_status AS s FROM inspection_results r JOIN tasks t ON t.id = r.task_id WHERE t.status = '已公示'`)
    expect(published.map((r) => r.s)).toEqual(['已通过'])
    expect(all(a, `SELECT 1 FROM result_public_stops`).length).toBe(1)
    expect(all(a, `SELECT 1 FROM result_revisits`).length).toBe(3)
  })

  it('has one task overdue for publication and one due within days of the day it was loaded', () => {
    const d = homeDeadlines(a, TODAY)
    expect(d.overdue.length).toBe(1)
    expect(d.dueSoon.length).toBeGreaterThanOrEqual(1)
    const late = all(a, `SELECT 1 FROM task_outcomes WHERE published_on > due_on`)
    expect(late.length).toBe(1)
  })

  it('has an exchange identity, three departments as peers and packages both ways in the log', () => {
    expect(getIdentity(a)?.code).toBe('OFFICE')
    expect(listPeers(a).map((p) => p.code).sort()).toEqual(['SCJG', 'WJJ', 'YJGL'])
    const log = listExchangeLog(a)
    expect(log.filter((l) => l.direction === 'sent').length).toBe(3)
    expect(log.filter((l) => l.direction !== 'sent').length).toBe(1)
    expect(listPlanEntries(a, { year: 2026 }).some((e) => e.taskName === '用人单位职业病防治专项检查')).toBe(true)
  })

  it('keeps the audit chain intact and in calendar order', () => {
    expect(verifyAuditChain(a).ok).toBe(true)
    const at = demoTrail
    const outOfOrder = at.filter((t, k) => k > 0 && t < at[k - 1]!)
    expect(outOfOrder).toEqual([])
    expect(at.at(-1)! <= `${TODAY} 23:59:59`).toBe(true)
  })

  it('is the same for the same seed and date, and differs for another date', () => {
    const b = fresh('b.db')
    loadDemo(b, { objects: 3000, seed: 'year', today: TODAY })
    expect(yearHash(b)).toBe(aHash)
    const c = fresh('c.db')
    loadDemo(c, { objects: 3000, seed: 'year', today: '2026-11-20' })
    expect(yearHash(c)).not.toBe(aHash)
    expect(homeDeadlines(c, '2026-11-20').overdue.length).toBe(1)
  }, 240_000)

  it('loaded step by step (as 载入演示数据 runs it, with progress) gives the same year, and says what it is doing', async () => {
    const d = fresh('d.db')
    const seen: { phase: string; done: number; total: number }[] = []
    await loadDemoInSteps(d, { objects: 3000, seed: 'year', today: TODAY }, (phase, done, total) => seen.push({ phase, done, total }))
    expect(yearHash(d)).toBe(aHash)
    expect(seen[0]!.phase).toBe('生成演示县的检查对象、执法人员和抽查事项')
    expect(seen.some((s) => /^办理演示年度的工作：\d+月\d+日 随机抽取/.test(s.phase))).toBe(true)
    expect(seen.length).toBeGreaterThan(50)
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total)
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(s.total)
  }, 240_000)
})
