import { describe, expect, it } from 'vitest'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { exportPackage } from '../../../electron/services/exchange/export'
import { applyPackage, previewPackage } from '../../../electron/services/exchange/merge'
import { readFrame, writeFrame } from '../../../electron/services/exchange/container'
import { requireIdentity } from '../../../electron/services/exchange/identity'
import { ourSchemaVersion, type Manifest } from '../../../electron/services/exchange/manifest'
import { defaultMigrationsDir } from '../../../electron/services/db/open'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { createPlanEntry, updatePlanEntry } from '../../../electron/services/plans/service'
import { createTask, findTaskByNo } from '../../../electron/services/tasks/service'
import { findDraw, performDraw, publishWithAnnouncement } from '../../../electron/services/draws/records'
import { addRevisit, correctResult, listPublicStops, listRevisits, publishResults, resultsOfTask, saveResults, stopPublication, taskProgress } from '../../../electron/services/results'
import { craft, idNumber, uscc, closedAfterEach, dumpHash, pair, refused, resign, site, tempDir, type Site } from './helpers'
import { approveAll } from '../../helpers/review'

const open = closedAfterEach()

const today = () => {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
const YEAR = Number(today().slice(0, 4))
const deptId = (ctx: Ctx, code: string) => (ctx.sqlite.prepare('SELECT id FROM departments WHERE code = ?').get(code) as { id: number }).id
const T0 = '2026-01-05 08:00:00'

/** What a department maintains: restaurants it supervises, certified inspectors, one item on its list. */
function departmentRegistry(ctx: Ctx, code: string, prefix: string, objects: number, inspectors: number, item: string) {
  const dept = deptId(ctx, code)
  const obj = ctx.sqlite.prepare(
    `INSERT INTO objects (code, kind, name, industry, township, credit_class, owner_dept_id, created_at, updated_at) VALUES (?, 'market', ?, '餐饮服务', '城关镇', ?, ?, ?, ?)`
  )
  for (let i = 1; i <= objects; i++) obj.run(uscc(`${prefix}${String(i).padStart(5, '0')}`), `${code}餐馆${i}`, i % 2 ? 'B' : 'C', dept, T0, T0)
  const ins = ctx.sqlite.prepare(
    `INSERT INTO inspectors (id_number, name, dept_id, cert_no, cert_valid_until, specialties, created_at, updated_at) VALUES (?, ?, ?, ?, '2030-12-31', '食品安全', ?, ?)`
  )
  for (let i = 1; i <= inspectors; i++) ins.run(idNumber(`34132419800101${String(dept % 100).padStart(2, '0')}${i}`), `${code}检查员${i}`, dept, `${code}-${i}`, T0, T0)
  ctx.sqlite
    .prepare(`INSERT INTO items (uid, dept_id, category, name, level, created_at, updated_at) VALUES (?, ?, '食品安全', ?, '重点', ?, ?)`)
    .run(item, dept, `${code}餐饮检查`, T0, T0)
}

/**
 * Every shared record of one database, written from the schema rather than
 * from the exchange's adapters: local ids (row ids, department ids, task ids,
 * result ids) replaced by natural keys, local times left out, rows sorted.
 */
function canonical(sqlite: Database.Database): Record<string, string[]> {
  const dept = new Map((sqlite.prepare('SELECT id, code FROM departments').all() as { id: number; code: string }[]).map((r) => [r.id, r.code]))
  const task = new Map((sqlite.prepare('SELECT id, uid FROM tasks').all() as { id: number; uid: string }[]).map((r) => [r.id, r.uid]))
  const result = new Map((sqlite.prepare('SELECT id, uid FROM inspection_results').all() as { id: number; uid: string }[]).map((r) => [r.id, r.uid]))
  const d = (id: unknown) => dept.get(id as number) ?? `?${id}`
  const scope = (s: string) => {
    const v = JSON.parse(s)
    if (Array.isArray(v.ownerDeptIds)) v.ownerDeptIds = v.ownerDeptIds.map(d)
    return v
  }
  const fix: Record<string, Record<string, (v: unknown) => unknown>> = {
    objects: { owner_dept_id: d },
    inspectors: { dept_id: d },
    items: { dept_id: d },
    plan_entries: { initiator_dept_id: d, joint_dept_ids: (v) => JSON.parse(v as string).map(d), scope: (v) => scope(v as string) },
    tasks: {
      initiator_dept_id: d,
      departments: (v) => JSON.parse(v as string).map((p: { deptId: number }) => ({ ...p, deptId: d(p.deptId) })),
      scope: (v) => scope(v as string)
    },
    task_pool: { task_id: (v) => task.get(v as number) },
    draw_plans: { task_id: (v) => task.get(v as number) },
    draws: { task_id: (v) => task.get(v as number) },
    object_inspections: { depts: (v) => JSON.parse(v as string).map(d) },
    inspection_results: { task_id: (v) => task.get(v as number), dept_id: d },
    result_corrections: {
      result_id: (v) => result.get(v as number),
      before: (v) => ({ ...JSON.parse(v as string), deptId: d(JSON.parse(v as string).deptId) }),
      after: (v) => ({ ...JSON.parse(v as string), deptId: d(JSON.parse(v as string).deptId) })
    },
    task_outcomes: { task_id: (v) => task.get(v as number) }
  }
  const out: Record<string, string[]> = {}
  for (const table of ['departments', ...Object.keys(fix), 'draw_replacements']) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
    out[table] = rows
      .map((r) => {
        const o: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(r)) {
          if (k === 'id' || k === 'created_at' || k === 'updated_at' || (table === 'departments' && k === 'sort_order')) continue
          o[k] = fix[table]?.[k] ? fix[table]![k]!(v) : v
        }
        return JSON.stringify(o)
      })
      .sort()
  }
  return out
}

const only = (rows: string[], test: (r: Record<string, unknown>) => boolean) => rows.filter((r) => test(JSON.parse(r)))

function county() {
  const dir = tempDir()
  const office = site(dir, 'office', { name: '县双随机办' })
  const scjg = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
  const wjj = site(dir, 'wjj', { name: '县卫健局', deptCode: 'WJJ' })
  open.push(office, scjg, wjj)
  // Installations number their departments differently (one added, one removed …): ids never travel.
  wjj.ctx.sqlite.exec('UPDATE departments SET id = id + 100')
  pair(dir, office, scjg)
  pair(dir, office, wjj)
  departmentRegistry(scjg.ctx, 'SCJG', '91341324MA2C', 30, 6, 'item-scjg-food')
  departmentRegistry(wjj.ctx, 'WJJ', '52341324MJ2W', 20, 4, 'item-wjj-hygiene')
  let n = 0
  const packages: { file: string; to: Site }[] = []
  /** Export, apply, then apply the same package again: the second time changes nothing at all. */
  const send = (from: Site, to: Site, toCode: string, opts: { full?: boolean; withRegistry?: boolean } = {}) => {
    const file = join(dir, `${++n}-${requireIdentity(from.ctx).code}-to-${toCode}.sjbx`)
    const r = exportPackage(from.ctx, { to: toCode, out: file, ...opts })
    const applied = applyPackage(to.ctx, file, {})
    const before = dumpHash(to.ctx.sqlite)
    const again = applyPackage(to.ctx, file, {})
    expect(again.applied).toBe(false)
    expect(again.alreadyImported).toBe(true)
    expect(dumpHash(to.ctx.sqlite)).toBe(before)
    packages.push({ file, to })
    return { file, manifest: r.manifest, applied }
  }
  return { dir, office, scjg, wjj, send, packages }
}

/** Departments send registries and plans, the office builds a joint task over both lists, publishes and draws. */
function throughTheDraw(c: ReturnType<typeof county>) {
  const { office, scjg, wjj, send } = c
  for (const [s, code, other, item] of [
    [scjg, 'SCJG', 'WJJ', 'item-scjg-food'],
    [wjj, 'WJJ', 'SCJG', 'item-wjj-hygiene']
  ] as const) {
    createPlanEntry(s.ctx, {
      year: YEAR,
      planName: `${YEAR}年度${code}双随机抽查计划`,
      taskName: `${code}餐饮服务单位检查`,
      itemUids: [item],
      scope: { industries: ['餐饮服务'] },
      initiatorDeptId: deptId(s.ctx, code),
      jointDeptIds: [deptId(s.ctx, other)],
      ratioText: '5%',
      status: '已报送'
    })
  }
  const fromScjg = send(scjg, office, 'OFFICE')
  expect(fromScjg.manifest.contents).toMatchObject({ objects: 30, inspectors: 6, items: 1, plan_entries: 1 })
  send(wjj, office, 'OFFICE')

  // The office publishes the county plan and builds one joint task over both departments' items.
  for (const id of office.ctx.sqlite.prepare('SELECT id FROM plan_entries').pluck().all() as number[]) updatePlanEntry(office.ctx, { id, status: '已发布' })
  const planUid = office.ctx.sqlite.prepare(`SELECT uid FROM plan_entries WHERE task_name LIKE 'SCJG%'`).pluck().get() as string
  const task = createTask(office.ctx, {
    taskNo: `${YEAR}-001`,
    name: '餐饮服务单位食品安全联合抽查',
    planEntryUid: planUid,
    initiatorDeptId: deptId(office.ctx, 'SCJG'),
    departments: [
      { deptId: deptId(office.ctx, 'SCJG'), itemUids: ['item-scjg-food'], inspectorsPerObject: 2 },
      { deptId: deptId(office.ctx, 'WJJ'), itemUids: ['item-wjj-hygiene'], inspectorsPerObject: 1 }
    ],
    scope: { industries: ['餐饮服务'] },
    rule: { A: { mode: 'count', value: 0 }, B: { mode: 'count', value: 3 }, C: { mode: 'count', value: 2 }, D: { mode: 'count', value: 0 } },
    periodStart: today(),
    periodEnd: `${YEAR}-12-31`
  })
  publishWithAnnouncement(office.ctx, task.id, { drawDate: today(), planned: { witnessCount: 3 } })
  const draw = performDraw(office.ctx, task.id, {
    sources: [
      { kind: 'witness', label: '张三', value: '483920' },
      { kind: 'witness', label: '李四', value: '105577' },
      { kind: 'witness', label: '王见证', value: '271828' }
    ],
    operator: '王五'
  })
  return { task, draw }
}


/** The office sends the drawn task down; each department enters 未发现问题 for every object, approves and sends its results up. */
function resultsUp(c: ReturnType<typeof county>): void {
  const { office, scjg, wjj, send } = c
  send(office, scjg, 'SCJG')
  send(office, wjj, 'WJJ')
  for (const [s, code, item] of [
    [scjg, 'SCJG', 'item-scjg-food'],
    [wjj, 'WJJ', 'item-wjj-hygiene']
  ] as const) {
    const local = findTaskByNo(s.ctx, `${YEAR}-001`)!
    const codes = s.ctx.sqlite.prepare('SELECT object_code FROM object_inspections WHERE task_uid = ? ORDER BY id').pluck().all(local.uid) as string[]
    saveResults(s.ctx, local.id, codes.map((objectCode) => ({ objectCode, deptId: deptId(s.ctx, code), itemUid: item, category: '未发现问题' as const, methods: ['实地检查' as const], checkDate: today() })))
    approveAll(s.ctx, local.id)
    send(s, office, 'OFFICE')
  }
}

describe('the full round with three databases: office, 市场监管局, 卫健局', () => {
  it('registries and plans up, the task and its draw down, results up, publication down: every side ends with the same records', () => {
    const c = county()
    const { office, scjg, wjj, send } = c
    const { task } = throughTheDraw(c)

    // Office → departments: the county plan, the task, its pool, draw plan, draw and who was drawn; no registry unless asked.
    const down = send(office, scjg, 'SCJG')
    expect(down.manifest.contents).toMatchObject({ plan_entries: 2, tasks: 1, draw_plans: 1, draws: 1, object_inspections: 5 })
    expect(down.manifest.contents.task_pool).toBe(50)
    expect(down.manifest.contents.objects ?? 0).toBe(0)
    expect(down.manifest.contents.inspectors ?? 0).toBe(0)
    send(office, wjj, 'WJJ')
    for (const s of [scjg, wjj]) expect(findTaskByNo(s.ctx, `${YEAR}-001`)!.status).toBe('已抽取')
    // 县卫健局 numbers its departments its own way: the teams it sees name its own department ids.
    for (const s of [scjg, wjj]) {
      const local = findTaskByNo(s.ctx, `${YEAR}-001`)!
      const localIds = new Set(local.departments.map((d) => d.deptId))
      const members = findDraw(s.ctx, local.id)!.objects.flatMap((o) => o.team)
      expect(members.length).toBeGreaterThan(0)
      for (const m of members) expect(localIds.has(m.deptId)).toBe(true)
      expect(members.some((m) => m.deptId === deptId(s.ctx, 'WJJ'))).toBe(true)
    }

    // Each department enters the results of its own items on its own copy of the task.
    for (const [s, code, item] of [
      [scjg, 'SCJG', 'item-scjg-food'],
      [wjj, 'WJJ', 'item-wjj-hygiene']
    ] as const) {
      const local = findTaskByNo(s.ctx, `${YEAR}-001`)!
      const codes = s.ctx.sqlite.prepare('SELECT object_code FROM object_inspections WHERE task_uid = ? ORDER BY id').pluck().all(local.uid) as string[]
      expect(codes).toHaveLength(5)
      const r = saveResults(
        s.ctx,
        local.id,
        codes.map((objectCode, i) => ({
          objectCode,
          deptId: deptId(s.ctx, code),
          itemUid: item,
          category: i === 0 && code === 'SCJG' ? ('发现问题已责令改正' as const) : ('未发现问题' as const),
          methods: ['实地检查' as const],
          checkDate: today(),
          ...(i === 0 && code === 'SCJG' ? { findings: '后厨卫生不达标', disposal: '责令改正' as const } : {})
        }))
      )
      expect(r.saved).toBe(5)
      expect(r.progress.complete).toBe(false) // the other department's results are not here
      // 谁录入、谁负责: the department reviews its own results before they go up
      approveAll(s.ctx, local.id)
    }
    const upScjg = send(scjg, office, 'OFFICE')
    expect(upScjg.manifest.contents).toMatchObject({ inspection_results: 5, result_reviews: 2 })
    expect(taskProgress(office.ctx, task.id)).toMatchObject({ entered: 5, expected: 10, complete: false })
    send(wjj, office, 'OFFICE')
    // The office's copy of the task follows the results that came in.
    expect(taskProgress(office.ctx, task.id)).toMatchObject({ entered: 10, expected: 10, complete: true, status: '已完成' })

    expect(taskProgress(office.ctx, task.id).review['已通过']).toBe(10)
    const log = office.ctx.sqlite.prepare(`SELECT action, person FROM result_reviews WHERE task_id = ? ORDER BY id`).all(task.id)
    expect(log).toEqual([
      { action: '提交审核', person: '钱录入' },
      { action: '通过', person: '赵审核' },
      { action: '提交审核', person: '钱录入' },
      { action: '通过', person: '赵审核' }
    ])
    publishResults(office.ctx, task.id, today())
    send(office, scjg, 'SCJG')
    send(office, wjj, 'WJJ')
    for (const s of [scjg, wjj]) expect(findTaskByNo(s.ctx, `${YEAR}-001`)!.status).toBe('已公示')

    // After publication a result changes only by a correction; the correction travels too.
    const scjgTask = findTaskByNo(scjg.ctx, `${YEAR}-001`)!
    const first = resultsOfTask(scjg.ctx, scjgTask.id).find((r) => r.category === '发现问题已责令改正')!
    correctResult(scjg.ctx, { resultId: first.id, changes: { findings: '后厨卫生不达标，已当场整改' }, reason: '检查情况记录不完整', approvedBy: '赵局长' })
    const corr = send(scjg, office, 'OFFICE')
    expect(corr.manifest.contents).toMatchObject({ inspection_results: 1, result_corrections: 1 })
    expect(corr.applied.totals).toMatchObject({ updated: 1, new: 1, conflicts: 0 })

    // Identical shared records on all sides.
    const o = canonical(office.ctx.sqlite)
    for (const [s, code] of [
      [scjg, 'SCJG'],
      [wjj, 'WJJ']
    ] as const) {
      const d = canonical(s.ctx.sqlite)
      for (const t of ['departments', 'plan_entries', 'tasks', 'task_pool', 'draw_plans', 'draws', 'draw_replacements', 'object_inspections', 'task_outcomes']) {
        expect(d[t], `${code} ${t}`).toEqual(o[t])
      }
      expect(d.inspection_results).toEqual(only(o.inspection_results!, (r) => r.dept_id === code))
      expect(d.result_corrections).toEqual(only(o.result_corrections!, (r) => (r.after as { deptId: string }).deptId === code))
      for (const t of ['objects', 'inspectors']) {
        const key = t === 'objects' ? 'owner_dept_id' : 'dept_id'
        expect(d[t], `${code} ${t}`).toEqual(only(o[t]!, (r) => r[key] === code))
      }
      expect(d.items!.length).toBeGreaterThan(0)
    }
    expect(o.tasks!.map((r) => JSON.parse(r).status)).toEqual(['已公示'])
    expect(o.inspection_results).toHaveLength(10)
    expect(o.task_outcomes!.map((r) => JSON.parse(r).published_on)).toEqual([today()])

    // Every package, imported a second time at the end of the round, still changes nothing.
    for (const p of c.packages) {
      const before = dumpHash(p.to.ctx.sqlite)
      expect(applyPackage(p.to.ctx, p.file, {}).applied).toBe(false)
      expect(dumpHash(p.to.ctx.sqlite)).toBe(before)
    }
  })

  it('a re-draw reaches the departments: the superseded draw’s objects leave their inspection history too (R2)', () => {
    const c = county()
    const { office, scjg, send } = c
    const { task } = throughTheDraw(c)
    send(office, scjg, 'SCJG')
    performDraw(office.ctx, task.id, {
      sources: [
        { kind: 'witness', label: '周七', value: '991209' },
        { kind: 'witness', label: '郑九', value: '304179' },
        { kind: 'witness', label: '王见证', value: '271828' }
      ],
      operator: '王五',
      supersede: { reason: '见证人不符合要求，依规重新抽取' }
    })
    const codes = (s: Site, uid: string) => (s.ctx.sqlite.prepare('SELECT object_code FROM object_inspections WHERE task_uid = ? ORDER BY object_code').pluck().all(uid) as string[])
    const atOffice = codes(office, task.uid)
    const before = codes(scjg, task.uid)
    expect(before).not.toEqual(atOffice) // the seeds differ, so (with 50 in the pool) the drawn sets do
    const down = send(office, scjg, 'SCJG')
    expect(down.manifest.contents).toMatchObject({ draws: 1 })
    expect(codes(scjg, task.uid)).toEqual(atOffice)
    const local = findTaskByNo(scjg.ctx, `${YEAR}-001`)!
    expect(findDraw(scjg.ctx, local.id)!.drawId).toBe(`${YEAR}-001-D2`)
  })

  it('every kind of bad package carrying a draw is refused and the department database is left exactly as it was', () => {
    const c = county()
    const { dir, office, scjg, wjj } = c
    throughTheDraw(c)
    const good = join(dir, 'down.sjbx')
    exportPackage(office.ctx, { to: 'SCJG', full: true, out: good })
    const buf = readFileSync(good)

    writeFileSync(join(dir, 'x.sjbx'), '这不是交换包')
    expect(refused(scjg, join(dir, 'x.sjbx')).code).toBe('not-a-package')
    writeFileSync(join(dir, 't.sjbx'), buf.subarray(0, buf.length - 1))
    expect(refused(scjg, join(dir, 't.sjbx')).code).toBe('truncated')
    const altered = Buffer.from(buf)
    altered[altered.length - 300]! ^= 0xff
    writeFileSync(join(dir, 'c.sjbx'), altered)
    expect(refused(scjg, join(dir, 'c.sjbx')).code).toBe('content-altered')
    const f = readFrame(buf, good)
    const m = JSON.parse(f.manifestBytes.toString()) as Manifest
    m.to = 'any'
    writeFileSync(join(dir, 'm.sjbx'), writeFrame(Buffer.from(JSON.stringify(m)), f.signature, f.content))
    expect(refused(scjg, join(dir, 'm.sjbx')).code).toBe('manifest-altered')
    // 卫健局 forging the office's package with its own key.
    resign(wjj, good, join(dir, 'f.sjbx'), (mm) => {
      mm.from = { ...mm.from, publicKey: requireIdentity(wjj.ctx).publicKey, fingerprint: requireIdentity(wjj.ctx).fingerprint }
    })
    expect(refused(scjg, join(dir, 'f.sjbx')).code).toBe('wrong-signer')
    // Signed by an agency 市场监管局 never registered.
    const stranger = site(dir, 'stranger', { name: '县公安局', deptCode: 'GAJ' })
    open.push(stranger)
    exportPackage(stranger.ctx, { to: 'any', full: true, out: join(dir, 'u.sjbx') })
    expect(refused(scjg, join(dir, 'u.sjbx')).code).toBe('unregistered')
    // 市场监管局's package taken to 卫健局.
    expect(refused(wjj, good).code).toBe('wrong-recipient')
    resign(office, good, join(dir, 'n.sjbx'), (mm) => {
      mm.schemaVersion = ourSchemaVersion() + 1
      mm.appVersion = '9.1.0'
    })
    expect(refused(scjg, join(dir, 'n.sjbx')).message).toMatch(/请升级到 9\.1\.0 或更高版本/)

    // The good package goes in; then a draw under the same number with other content (the office
    // restored an old backup and drew again) is refused: a draw is never overwritten.
    const stale = join(dir, 'office-restored.db')
    applyPackage(scjg.ctx, good, {})
    const taskId = office.ctx.sqlite.prepare('SELECT id FROM tasks').pluck().get() as number
    office.ctx.sqlite.exec(`VACUUM INTO '${join(dir, 'office-before-draw.db')}'`)
    // the copy above already holds the draw: remove it there, as if the backup predated it
    const copy = new Workbench(join(dir, 'office-before-draw.db'))
    const cctx = { ...copy.ctx(), actor: '测试' }
    cctx.sqlite.exec(`DROP TRIGGER IF EXISTS draws_no_delete; DROP TRIGGER IF EXISTS draws_no_update`)
    for (const t of (cctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'draws'`).pluck().all() as string[])) cctx.sqlite.exec(`DROP TRIGGER "${t}"`)
    cctx.sqlite.exec(`DELETE FROM object_inspections; DELETE FROM draws; UPDATE tasks SET status = '方案已公布'`)
    performDraw(cctx, taskId, {
      sources: [
        { kind: 'witness', label: '张三', value: '111111' },
        { kind: 'witness', label: '李四', value: '222222' },
        { kind: 'witness', label: '王见证', value: '271828' }
      ],
      operator: '王五'
    })
    exportPackage(cctx, { to: 'SCJG', full: true, out: stale })
    copy.close()
    const e = refused(scjg, stale)
    expect(e.code).toBe('append-only-conflict')
    expect(e.message).toMatch(/抽取记录“抽取编号 \d{4}-001-D1.*只能追加、不能改写/)
    // the fields that differ are named in Chinese, as the exchange page names them
    expect(e.message).not.toMatch(/[a-z]{3,}/)
  })

  it('a department package cannot rewrite the office’s frozen task, its draw or a published result; its legitimate part still applies', () => {
    const c = county()
    const { dir, office, scjg, wjj, send } = c
    const { task } = throughTheDraw(c)
    resultsUp(c)
    publishResults(office.ctx, task.id, today())
    const protectedRows = () =>
      JSON.stringify([
        office.ctx.sqlite.prepare('SELECT * FROM tasks').all(),
        office.ctx.sqlite.prepare('SELECT * FROM draws').all(),
        office.ctx.sqlite.prepare('SELECT * FROM inspection_results ORDER BY id').all()
      ])
    const before = protectedRows()
    scjg.ctx.sqlite.prepare(`UPDATE objects SET address = '泗县新址' WHERE rowid = 1`).run()
    const pkg = exportPackage(scjg.ctx, { to: 'OFFICE', full: true, out: join(dir, 'scjg-full.sjbx') }).file
    const forged = craft(scjg, pkg, join(dir, 'forged.sjbx'), {
      sql: `
        UPDATE tasks SET status = '已取消', rule = '{"A":{"mode":"ratio","value":1000},"B":{"mode":"ratio","value":1000},"C":{"mode":"ratio","value":1000},"D":{"mode":"ratio","value":1000}}';
        DROP TRIGGER IF EXISTS draws_no_update;
        UPDATE draws SET object_count = object_count + 1;
        UPDATE inspection_results SET findings = '伪造的检查情况' WHERE id = (SELECT min(id) FROM inspection_results);`
    })
    const r = applyPackage(office.ctx, forged, {})
    const sentences = r.refusals.map((x) => x.sentence)
    expect(sentences).toContain('县市场监管局无权修改县双随机办维护的抽查任务 1 个')
    expect(sentences.some((x) => /改动了已公示的结果却没有附带经批准的更正记录/.test(x))).toBe(true)
    expect(protectedRows()).toBe(before)
    const shop = scjg.ctx.sqlite.prepare('SELECT code FROM objects WHERE rowid = 1').pluck().get() as string
    expect(office.ctx.sqlite.prepare('SELECT address FROM objects WHERE code = ?').pluck().get(shop)).toBe('泗县新址')
  })

  it('停止公示 and 回访 travel: a department’s on its own results up to the office, the office’s and theirs down to every department of the task; a round trip changes nothing; a package may add only its sender’s', () => {
    const c = county()
    const { dir, office, scjg, wjj, send } = c
    const { task } = throughTheDraw(c)
    resultsUp(c)
    // Public until tomorrow: 停止公示 is recorded “tomorrow”, once the period has ended.
    const tomorrow = new Date(Date.now() + 86_400_000)
    const p2 = (n: number) => String(n).padStart(2, '0')
    const later = `${tomorrow.getFullYear()}-${p2(tomorrow.getMonth() + 1)}-${p2(tomorrow.getDate())}`
    publishResults(office.ctx, task.id, today(), '', today(), later)
    send(office, scjg, 'SCJG')
    send(office, wjj, 'WJJ')
    const codes = office.ctx.sqlite.prepare('SELECT object_code FROM object_inspections WHERE task_uid = ? ORDER BY object_code').pluck().all(task.uid) as string[]
    const taskOf = (s: Site) => findTaskByNo(s.ctx, `${YEAR}-001`)!.id
    const stop = (s: Site, code: string, reason: string) => stopPublication(s.ctx, { taskId: taskOf(s), objectCode: code, date: later, reason, approvedBy: '张局长' }, later)
    const revisit = (s: Site, code: string, way: string) => addRevisit(s.ctx, { taskId: taskOf(s), objectCode: code, date: today(), way, satisfaction: '满意', note: '' })
    stop(scjg, codes[0]!, '当事人申请信用修复（市场监管局受理）')
    revisit(scjg, codes[1]!, '电话回访')
    revisit(wjj, codes[2]!, '实地回访')
    stop(office, codes[3]!, '当事人申请信用修复（联席办受理）')
    revisit(office, codes[4]!, '问卷回访')

    const up = send(scjg, office, 'OFFICE')
    expect(up.manifest.contents).toMatchObject({ result_public_stops: 1, result_revisits: 1 })
    expect(up.applied.totals.refused).toBe(0)
    send(wjj, office, 'OFFICE')
    expect(listPublicStops(office.ctx, task.id).map((x) => x.objectCode).sort()).toEqual([codes[0], codes[3]])
    expect(listRevisits(office.ctx, task.id).map((x) => x.way).sort()).toEqual(['实地回访', '电话回访', '问卷回访'].sort())
    // Who recorded it is the verified sender of the package that brought it.
    const origin = (entity: string, code: string) =>
      office.ctx.sqlite.prepare(`SELECT agency_code FROM record_origin WHERE entity = ? AND key LIKE ?`).pluck().get(entity, `${task.uid}|${code}%`)
    expect(origin('result_public_stops', codes[0]!)).toBe('SCJG')
    expect(origin('result_revisits', codes[2]!)).toBe('WJJ')
    send(office, scjg, 'SCJG')
    send(office, wjj, 'WJJ')

    /** The two tables as records about a task uid and an object, without local ids. */
    const stopsAndRevisits = (s: Site) => {
      const uid = new Map((s.ctx.sqlite.prepare('SELECT id, uid FROM tasks').all() as { id: number; uid: string }[]).map((r) => [r.id, r.uid]))
      const rows = (table: string) =>
        (s.ctx.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).map(({ id: _id, task_id, ...r }) => JSON.stringify({ task: uid.get(task_id as number), ...r })).sort()
      return { stops: rows('result_public_stops'), revisits: rows('result_revisits') }
    }
    const atOffice = stopsAndRevisits(office)
    expect(atOffice.stops).toHaveLength(2)
    expect(atOffice.revisits).toHaveLength(3)
    expect(stopsAndRevisits(scjg)).toEqual(atOffice)
    expect(stopsAndRevisits(wjj)).toEqual(atOffice)
    // The departments leave the stopped objects out of what is public, as the office does.
    expect(listPublicStops(wjj.ctx, taskOf(wjj)).map((x) => x.objectCode).sort()).toEqual([codes[0], codes[3]])

    // A full round trip back and forth changes none of them anywhere.
    for (const [from, to, code] of [
      [scjg, office, 'OFFICE'],
      [office, wjj, 'WJJ'],
      [wjj, office, 'OFFICE']
    ] as const) {
      const r = send(from, to, code, { full: true })
      expect(r.applied.totals).toMatchObject({ new: 0, updated: 0, conflicts: 0, refused: 0 })
      expect(stopsAndRevisits(to)).toEqual(atOffice)
    }

    // 市场监管局's key, used in bad faith: it rewrites the office's 停止公示, stops an object it never inspected in this task
    // and slips in a 回访 with an impossible date. None of it is applied; its own new 回访 still is.
    revisit(scjg, codes[0]!, '上门回访')
    const pkg = exportPackage(scjg.ctx, { to: 'OFFICE', full: true, out: join(dir, 'scjg-stops.sjbx') }).file
    const stranger = uscc('91341324MA2X00001')
    const scjgTask = taskOf(scjg)
    const forged = craft(scjg, pkg, join(dir, 'forged-stops.sjbx'), {
      sql: `
        UPDATE result_public_stops SET reason = '撤回信用修复' WHERE object_code = '${codes[3]}';
        INSERT INTO result_public_stops (task_id, object_code, stopped_on, reason, approved_by, actor, at) VALUES (${scjgTask}, '${stranger}', '${later}', '伪造', '某人', '某人', '2026-01-01 00:00:00');
        INSERT INTO result_revisits (task_id, object_code, visited_on, way, satisfaction, note, actor, at) VALUES (${scjgTask}, '${codes[1]}', '2026-02-30', '电话回访', '', '', '某人', '2026-01-01 00:00:00');`
    })
    const before = stopsAndRevisits(office)
    const r = applyPackage(office.ctx, forged, {})
    const sentences = r.refusals.map((x) => x.sentence)
    expect(sentences).toContain('县市场监管局未检查该对象（或不在该任务中），无权新增其停止公示记录 1 条')
    expect(sentences.some((x) => /停止公示记录“.*”与本机先登记的同一记录不同.*以先登记的为准/.test(x))).toBe(true)
    expect(sentences.some((x) => /回访记录“.*”不合规：回访日期“2026-02-30”不是有效日期/.test(x))).toBe(true)
    expect(r.totals.refused).toBe(3)
    const after = stopsAndRevisits(office)
    expect(after.stops).toEqual(before.stops)
    expect(after.revisits).toHaveLength(before.revisits.length + 1)
    expect(after.revisits.filter((x) => x.includes('上门回访'))).toHaveLength(1)
  })

  it('a package made by the previous program version (before 检查结果 existed) is upgraded and imported', () => {
    const c = county()
    const { dir, office, scjg } = c
    const { task } = throughTheDraw(c)
    const old = join(dir, 'old-migrations')
    mkdirSync(join(old, 'meta'), { recursive: true })
    cpSync(defaultMigrationsDir, old, { recursive: true })
    const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta', '_journal.json'), 'utf8'))
    const results = journal.entries.findIndex((e: { tag: string }) => e.tag.includes('results'))
    expect(results).toBeGreaterThan(0)
    journal.entries = journal.entries.slice(0, results)
    writeFileSync(join(old, 'meta', '_journal.json'), JSON.stringify(journal))
    const p = join(dir, 'old.sjbx')
    const r = exportPackage(office.ctx, { to: 'SCJG', full: true, out: p, migrationsDir: old })
    expect(r.manifest.schemaVersion).toBe(results)
    expect(r.manifest.schemaVersion).toBeLessThan(ourSchemaVersion())
    const pv = previewPackage(scjg.ctx, p)
    expect(pv.upgradedFrom).toBe(results)
    applyPackage(scjg.ctx, p, {})
    const o = canonical(office.ctx.sqlite)
    const d = canonical(scjg.ctx.sqlite)
    for (const t of ['tasks', 'task_pool', 'draw_plans', 'draws', 'object_inspections', 'plan_entries']) expect(d[t], t).toEqual(o[t])
    expect(findTaskByNo(scjg.ctx, task.taskNo)!.status).toBe('已抽取')
  })
})
