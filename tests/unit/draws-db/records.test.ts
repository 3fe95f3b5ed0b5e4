import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { tempDir, openCtx } from '../../helpers/tmp'
import { verifyAuditChain } from '../../../electron/services/audit/log'
import { chainHead, verifyEvidenceFile, type DrawEvidence } from '../../../electron/services/draws'
import {
  announcement,
  drawRecordDocx,
  exportEvidence,
  exportPoolFile,
  findPlan,
  getDraw,
  listDraws,
  performDraw,
  publishWithAnnouncement,
  replaceInspector,
  replacementCandidates
} from '../../../electron/services/draws/records'
import { getFrozenPool } from '../../../electron/services/tasks/lifecycle'
import { getTask } from '../../../electron/services/tasks/service'
import { previewEligibility } from '../../../electron/services/tasks/preview'
import { updateSettings } from '../../../electron/services/settings/service'
import { demoCounty, deptId, poolHashFromTable, restaurantTask, SOURCES, today } from './fixture'

const t = tempDir('suiji-draws-db-')
const file = join(t.dir, 'county.db')
let ctx: ReturnType<typeof openCtx>
let taskId: number

beforeAll(() => {
  ctx = openCtx(file)
  demoCounty(ctx)
  taskId = restaurantTask(ctx).id
})
afterAll(() => {
  ctx.close()
  t.cleanup()
})

const count = (sql: string, ...args: unknown[]) => (ctx.sqlite.prepare(sql).get(...args) as { n: number }).n

describe('publishing the 抽取方案', () => {
  it('freezes the pool, the rule and the roster; later registry changes do not move the announced hashes', () => {
    const plan = publishWithAnnouncement(ctx, taskId, { drawDate: today(), planned: { witnessCount: 3, publicLabels: ['福彩3D 第2026300期开奖号码'] } })
    expect(getTask(ctx, taskId).status).toBe('方案已公布')
    expect(plan.poolSha256).toBe(poolHashFromTable(ctx, taskId))
    // the roster holds exactly the two departments' people, in 身份证号 order
    const ids = ctx.sqlite
      .prepare(`SELECT id_number AS id FROM inspectors WHERE dept_id IN (?, ?) ORDER BY id_number`)
      .all(deptId(ctx, 'SCJG'), deptId(ctx, 'WJJ'))
      .map((r) => (r as { id: string }).id)
    expect(plan.roster.map((p) => p.idNumber)).toEqual(ids)

    const before = announcement(ctx, taskId)
    expect(before.frozen).toBe(true)
    expect(before.poolCount).toBe(count(`SELECT COUNT(*) AS n FROM task_pool WHERE task_id = ? AND excluded_reason IS NULL`, taskId))
    expect(before.exclusions.length).toBe(count(`SELECT COUNT(*) AS n FROM task_pool WHERE task_id = ? AND excluded_reason IS NOT NULL`, taskId))
    expect(before.seedFormation.join('')).toContain('福彩3D 第2026300期开奖号码')
    expect(before.materialHeader[3]).toBe(`pool=${plan.poolSha256}`)
    // the announced sources are committed in the material (spec §4.2)
    expect(before.materialHeader[0]).toBe('suiji-draw/2')
    expect(before.materialHeader[1]).toBe(`task=${before.taskNo}`)
    expect(before.materialHeader.slice(6)).toEqual(['witnesses=3', 'digits=6', 'public=福彩3D 第2026300期开奖号码'])
    expect(before.sourceSpec).toEqual({ witnesses: 3, minDigits: 6, publics: ['福彩3D 第2026300期开奖号码'] })
    // clerk-facing sentences name no library, file path or internal id
    expect(before.seedFormation.join('')).not.toMatch(/pure-rand|xoroshiro|docs\/|\.md|[0-9a-f]{8}-[0-9a-f]{4}-/)
    expect(before.seedFormation.join('')).toContain(before.taskNo)

    // a registry edit after publication: one inspector leaves, another changes name
    ctx.sqlite.prepare(`UPDATE inspectors SET active = 0 WHERE id_number = ?`).run(ids[0])
    ctx.sqlite.prepare(`UPDATE inspectors SET name = '改名' WHERE id_number = ?`).run(ids[1])
    const after = announcement(ctx, taskId)
    expect(after.inspectorsSha256).toBe(before.inspectorsSha256)
    expect(findPlan(ctx, taskId)!.roster[1].name).not.toBe('改名')
    expect(() => publishWithAnnouncement(ctx, taskId, { drawDate: today() })).toThrow(/已经公布并冻结/)
  })

  it('refuses sources other than the announced ones, and weak digits, before anything is stored', () => {
    const lotto = { kind: 'public' as const, label: '福彩3D 第2026300期开奖号码', value: '5 1 8' }
    expect(() => performDraw(ctx, taskId, { sources: [SOURCES[0], lotto], operator: '王五' })).toThrow('抽取方案公告规定由 3 名见证人输入数字，现在录入了 1 名')
    expect(() => performDraw(ctx, taskId, { sources: [...SOURCES, { ...SOURCES[0], label: '孙九' }, lotto], operator: '王五' })).toThrow('现在录入了 4 名')
    expect(() => performDraw(ctx, taskId, { sources: [...SOURCES, { ...lotto, label: '福彩3D 第2026301期开奖号码' }], operator: '王五' })).toThrow(
      '公开数值与抽取方案公告不符：缺少公告指定的“福彩3D 第2026300期开奖号码”；“福彩3D 第2026301期开奖号码”不是公告指定的公开数值'
    )
    expect(() => performDraw(ctx, taskId, { sources: SOURCES, operator: '王五' })).toThrow('缺少公告指定的“福彩3D 第2026300期开奖号码”')
    expect(() => performDraw(ctx, taskId, { sources: [SOURCES[0], SOURCES[1], { ...SOURCES[2], value: '1' }, lotto], operator: '王五' })).toThrow('见证人“钱七”只输入了 1 位数字，公告规定每人至少 6 位')
    expect(count(`SELECT COUNT(*) AS n FROM draws`)).toBe(0)
    expect(getTask(ctx, taskId).status).toBe('方案已公布')
  })
})

describe('the draw', () => {
  let evidenceFile: string
  it('stores the draw, fills the inspection history and marks the task 已抽取, with audit', () => {
    const v = performDraw(ctx, taskId, { sources: [...SOURCES, { kind: 'public', label: '福彩3D 第2026300期开奖号码', value: '5 1 8' }], operator: '王五', supervisor: '赵六' })
    const a = announcement(ctx, taskId)
    expect(v.objects.length).toBe(a.drawCount)
    expect(v.witnesses).toEqual(['张三', '李四', '钱七'])
    expect(getTask(ctx, taskId).status).toBe('已抽取')
    const codes = ctx.sqlite.prepare(`SELECT object_code AS c FROM object_inspections WHERE task_uid = ? ORDER BY object_code`).all(v.taskUid).map((r) => (r as { c: string }).c)
    expect(codes).toEqual(v.objects.map((o) => o.code).sort())
    // every team: ≥ 2 members, leader from 市场监管局, each member from the task's departments
    for (const o of v.objects) {
      expect(o.team.length).toBe(3)
      expect(o.team.find((m) => m.role === '组长')!.deptName).toBe('县市场监管局')
      expect(o.team.every((m) => m.certNo !== '')).toBe(true)
    }
    expect(verifyAuditChain(ctx).ok).toBe(true)
    const actions = ctx.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'draw' AND entity_id = ?`).all(v.drawId).map((r) => (r as { action: string }).action)
    expect(actions).toContain('随机抽取')
  })

  it('exports evidence that verifies with nothing but the file, after the database is gone', () => {
    const v = getDraw(ctx, taskId)
    evidenceFile = join(t.dir, 'evidence.json')
    const r = exportEvidence(ctx, v.drawId, evidenceFile)
    expect(r.shortHash).toBe(v.shortHash)
    const elsewhere = tempDir('suiji-verify-')
    try {
      const copy = join(elsewhere.dir, 'copy.json')
      copyFileSync(evidenceFile, copy)
      const check = verifyEvidenceFile(copy)
      expect(check.code).toBe(0)
      expect(check.message).toContain(v.shortHash)
      const e = JSON.parse(readFileSync(copy, 'utf8')) as DrawEvidence
      expect(e.pool.sha256).toBe(poolHashFromTable(ctx, taskId))
      expect(e.seed.sources.map((s) => s.label).sort()).toEqual(['张三', '李四', '钱七', '福彩3D 第2026300期开奖号码'].sort())
      expect(e.algorithm).toBe('suiji-draw/2')
      expect(e.sourceSpec).toEqual({ witnesses: 3, minDigits: 6, publics: ['福彩3D 第2026300期开奖号码'] })
      // one changed seed digit is caught
      const text = readFileSync(copy, 'utf8').replace('"483920"', '"483921"')
      writeFileSync(copy, text)
      expect(verifyEvidenceFile(copy).code).toBe(1)
    } finally {
      elsewhere.cleanup()
    }
  })

  it('cannot be run again silently; the stored rows refuse UPDATE and DELETE', () => {
    expect(() => performDraw(ctx, taskId, { sources: SOURCES, operator: '王五' })).toThrow(/已经抽取过.*不能重做/)
    expect(() => ctx.sqlite.prepare(`UPDATE draws SET operator = 'x'`).run()).toThrow('抽取记录只能追加，不能修改')
    expect(() => ctx.sqlite.prepare(`DELETE FROM draws`).run()).toThrow('抽取记录只能追加，不能删除')
    expect(() => ctx.sqlite.prepare(`UPDATE draw_plans SET draw_date = '2099-01-01'`).run()).toThrow('抽取方案公布后已冻结，不能修改')
    expect(() => ctx.sqlite.prepare(`DELETE FROM draw_plans`).run()).toThrow('抽取方案公布后已冻结，不能删除')
    expect(count(`SELECT COUNT(*) AS n FROM draws`)).toBe(1)
  })

  it('a manual replacement is its own record: the original stays verifiable, the evidence shows the replacement', () => {
    const v = getDraw(ctx, taskId)
    const out = v.objects[0].team.find((m) => m.role === '组员')!
    const cands = replacementCandidates(ctx, v.drawId, 1, out.idNumber)
    expect(cands.policy).toBe('manual')
    const pick = cands.candidates.find((c) => c.drawable)!
    expect(() => replaceInspector(ctx, v.drawId, { order: 1, outIdNumber: out.idNumber, reason: '健康状况', approver: '分管副局长 陈某', policy: 'redraw', source: { kind: 'witness', label: '张三', value: '1' } })).toThrow(/人工指定/)
    const after = replaceInspector(ctx, v.drawId, { order: 1, outIdNumber: out.idNumber, reason: '健康状况', approver: '分管副局长 陈某', policy: 'manual', manualIdNumber: pick.idNumber })
    expect(after.objects[0].team.map((m) => m.idNumber)).toContain(pick.idNumber)
    expect(after.objects[0].team.map((m) => m.idNumber)).not.toContain(out.idNumber)
    expect(after.replacements).toHaveLength(1)
    expect(() => ctx.sqlite.prepare(`UPDATE draw_replacements SET approver = 'x'`).run()).toThrow('人员替换记录只能追加，不能修改')
    expect(() => ctx.sqlite.prepare(`DELETE FROM draw_replacements`).run()).toThrow('人员替换记录只能追加，不能删除')

    const f = join(t.dir, 'evidence-2.json')
    exportEvidence(ctx, v.drawId, f)
    const e = JSON.parse(readFileSync(f, 'utf8')) as DrawEvidence
    expect(e.replacements).toHaveLength(1)
    expect(e.replacements[0]).toMatchObject({ outIdNumber: out.idNumber, inIdNumber: pick.idNumber, reason: '健康状况', approver: '分管副局长 陈某', policy: 'manual' })
    // the draw's own result is untouched: the person replaced is still in the drawn team
    expect(e.result[0].team.map((m) => m.idNumber)).toContain(out.idNumber)
    expect(e.drawSha256).toBe(v.drawSha256)
    expect(verifyEvidenceFile(f).code).toBe(0)
    expect(verifyEvidenceFile(evidenceFile).code).toBe(0) // the file exported before the replacement still verifies

    // random re-draw when the county chooses it
    updateSettings(ctx, { replacementPolicy: 'redraw' })
    const out2 = after.objects[1].team.find((m) => m.role === '组员')!
    const redraw2 = { order: 2, outIdNumber: out2.idNumber, reason: '工作冲突' as const, approver: '分管副局长 陈某', policy: 'redraw' as const }
    expect(() => replaceInspector(ctx, v.drawId, { ...redraw2, source: { kind: 'witness', label: '李四', value: '2718' } })).toThrow('见证人“李四”只输入了 4 位数字，至少需要 6 位')
    const r2 = replaceInspector(ctx, v.drawId, { ...redraw2, source: { kind: 'witness', label: '李四', value: '271828' } })
    expect(r2.replacements).toHaveLength(2)
    expect(r2.replacements[1].policy).toBe('redraw')
    exportEvidence(ctx, v.drawId, f)
    expect(verifyEvidenceFile(f).code).toBe(0)
    updateSettings(ctx, { replacementPolicy: 'manual' })
  })

  it('prints the 抽取记录 (.docx) with the seed, the teams, the replacements, signature lines, QR code and 第x页 共y页', async () => {
    const v = getDraw(ctx, taskId)
    const f = join(t.dir, '抽取记录.docx')
    await drawRecordDocx(ctx, v.drawId, f)
    const zip = unzipSync(new Uint8Array(readFileSync(f)))
    const xml = strFromU8(zip['word/document.xml'])
    const body = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    expect(body).toContain('随机抽取记录')
    expect(body).toContain(v.drawId)
    // the check code exactly as the draw screen shows it
    expect(body).toContain(v.shortHash)
    expect(body).toContain(v.seed.derived)
    expect(body).toContain(v.objects[0].name)
    expect(body).toContain('人员调整（2次）')
    // the chain's count and head code, the announced sources and the published files
    expect(v.chain.adjustments).toBe(2)
    expect(body).toContain(`调整次数：2　链头校验码：${v.chain.headCode}`)
    expect(body).toContain('3 名见证人各输入至少 6 位数字；公开数值“福彩3D 第2026300期开奖号码”')
    expect(body).toContain(`对象池-${v.poolSha256.slice(0, 16)}.txt（SHA-256 ${v.poolSha256}）`)
    expect(body).not.toMatch(/pure-rand|xoroshiro/)
    for (const r of v.replacements) expect(body).toContain(r.inName)
    for (const w of ['张三', '李四', '王五', '赵六']) expect(body).toContain(w)
    expect(Object.keys(zip).some((k) => k.startsWith('word/media/') && k.endsWith('.png'))).toBe(true)
    const footers = Object.keys(zip).filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => strFromU8(zip[k])).join('')
    expect(footers).toContain('NUMPAGES')
  })

  it('a re-draw is a new record naming the old one and why; the history follows the new draw', () => {
    const old = getDraw(ctx, taskId)
    const lotto = { kind: 'public' as const, label: '福彩3D 第2026300期开奖号码', value: '5 1 8' }
    const fresh = [{ kind: 'witness' as const, label: '周七', value: '990417' }, { kind: 'witness' as const, label: '吴八', value: '123456' }, { kind: 'witness' as const, label: '郑九', value: '314159' }, lotto]
    const v = performDraw(ctx, taskId, { sources: fresh, operator: '王五', supersede: { reason: '抽取现场停电，见证人未能核对结果' } })
    expect(v.drawId).toBe(`${old.taskNo}-D2`)
    expect(v.supersedes).toEqual({ drawId: old.drawId, reason: '抽取现场停电，见证人未能核对结果' })
    // the re-draw's material names the superseded chain's head and the reason (spec §8.4)
    const oldFile = join(t.dir, 'old.json')
    exportEvidence(ctx, old.drawId, oldFile)
    const oldChain = chainHead(JSON.parse(readFileSync(oldFile, 'utf8')))
    expect(oldChain.adjustments).toBe(2)
    expect(v.seed.material).toContain(`\nsupersedes=${oldChain.headSha256}\nredraw-reason=抽取现场停电，见证人未能核对结果\n`)
    const newFile = join(t.dir, 'new.json')
    exportEvidence(ctx, v.drawId, newFile)
    const e = JSON.parse(readFileSync(newFile, 'utf8')) as DrawEvidence
    expect(e.supersedes).toMatchObject({ drawId: old.drawId, drawSha256: old.drawSha256, headSha256: oldChain.headSha256, adjustments: 2 })
    expect(chainHead(e).adjustments).toBe(3)
    expect(verifyEvidenceFile(newFile, { adjustments: 3, headCode: chainHead(e).headCode }).code).toBe(0)
    const list = listDraws(ctx, taskId)
    expect(list.map((d) => [d.drawId, d.superseded])).toEqual([
      [old.drawId, true],
      [v.drawId, false]
    ])
    const codes = ctx.sqlite.prepare(`SELECT object_code AS c FROM object_inspections WHERE task_uid = ? ORDER BY object_code`).all(v.taskUid).map((r) => (r as { c: string }).c)
    expect(codes).toEqual(v.objects.map((o) => o.code).sort())
    expect(getDraw(ctx, taskId).drawId).toBe(v.drawId)
    expect(() => replaceInspector(ctx, old.drawId, { order: 1, outIdNumber: old.objects[0].team[0].idNumber, reason: '健康状况', approver: '陈某', policy: 'manual', manualIdNumber: 'x' })).toThrow(/已被重新抽取/)
  })

  it('objects drawn by this task count for R2 in a second task over the same scope', () => {
    const first = getDraw(ctx, taskId)
    const drawnA = first.objects.filter((o) => o.creditClass === 'A').map((o) => o.code)
    expect(drawnA.length).toBeGreaterThan(0)
    const second = restaurantTask(ctx, { name: '餐饮服务单位第二次联合抽查' })
    const preview = previewEligibility(ctx, getTask(ctx, second.id))
    expect(preview.total.excluded.classACap).toBeGreaterThanOrEqual(drawnA.length)
    publishWithAnnouncement(ctx, second.id, { drawDate: today() })
    const frozen = getFrozenPool(ctx, second.id)
    const excluded = new Map(frozen.exclusions.map((x) => [x.code, x.reason]))
    for (const c of drawnA) {
      expect(excluded.has(c)).toBe(true)
      expect(frozen.pool.some((p) => p.code === c)).toBe(false)
    }
  })
})

describe('a task whose inspection period has ended', () => {
  it('is drawn only with a stated reason, which the evidence and the record carry', async () => {
    const late = restaurantTask(ctx, { name: '餐饮服务单位逾期联合抽查', periodStart: '2026-01-05', periodEnd: '2026-02-27' })
    publishWithAnnouncement(ctx, late.id, { drawDate: today() })
    expect(() => performDraw(ctx, late.id, { sources: SOURCES, operator: '王五' })).toThrow('检查期限 2026-02-27 已过')
    expect(getTask(ctx, late.id).status).toBe('方案已公布')
    const v = performDraw(ctx, late.id, { sources: SOURCES, operator: '王五', lateReason: '上级督办，期限顺延至月底' })
    const f = join(t.dir, 'late.json')
    exportEvidence(ctx, v.drawId, f)
    expect((JSON.parse(readFileSync(f, 'utf8')) as DrawEvidence).late).toEqual({ periodEnd: '2026-02-27', reason: '上级督办，期限顺延至月底' })
    expect(verifyEvidenceFile(f).code).toBe(0)
    const doc = join(t.dir, 'late.docx')
    await drawRecordDocx(ctx, v.drawId, doc)
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(doc)))['word/document.xml'])
    expect([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toContain('检查期限 2026-02-27 已过，上级督办，期限顺延至月底')
  })
})

describe('the published pool files', () => {
  it('are the exact bytes the announced hashes cover, plus a readable workbook', async () => {
    const a = announcement(ctx, taskId)
    const pool = join(t.dir, a.files.pool)
    const roster = join(t.dir, a.files.roster)
    const book = join(t.dir, a.files.workbook)
    expect((await exportPoolFile(ctx, taskId, 'pool', pool)).sha256).toBe(a.poolSha256)
    expect(createHash('sha256').update(readFileSync(pool)).digest('hex')).toBe(a.poolSha256)
    await exportPoolFile(ctx, taskId, 'roster', roster)
    expect(createHash('sha256').update(readFileSync(roster)).digest('hex')).toBe(a.inspectorsSha256)
    await exportPoolFile(ctx, taskId, 'workbook', book)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(book)
    expect(wb.getWorksheet('对象池')!.rowCount).toBe(a.poolCount + 1)
    expect(wb.getWorksheet('说明')!.getCell('B3').value).toBe(a.poolSha256)
  })
})

describe('an infeasible task', () => {
  it('is refused at publication with the constraint and the shortfall; nothing is stored', () => {
    const wjj = deptId(ctx, 'WJJ')
    const have = count(
      `SELECT COUNT(*) AS n FROM inspectors WHERE dept_id = ? AND active = 1 AND is_expert = 0 AND cert_no <> '' AND cert_valid_until >= ? AND specialties LIKE '%职业卫生%' AND specialties LIKE '%公共卫生%'`,
      wjj,
      today()
    )
    expect(have).toBeLessThan(8)
    const task = restaurantTask(ctx, {
      name: '餐饮服务单位职业卫生联合抽查',
      departments: [
        { deptId: deptId(ctx, 'SCJG'), itemUids: ['SCJG-07'], inspectorsPerObject: 1 },
        { deptId: wjj, itemUids: ['WJJ-01'], inspectorsPerObject: have + 2, requiredSpecialties: ['职业卫生'] }
      ]
    })
    const draws = count(`SELECT COUNT(*) AS n FROM draws`)
    let message = ''
    try {
      publishWithAnnouncement(ctx, task.id, { drawDate: today() })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message.startsWith('无法开始抽取：\n')).toBe(true)
    // WJJ-01 itself needs 公共卫生, so the department needs both specialities
    // the task names 职业卫生; its item WJJ-01 needs 公共卫生 (R7)
    expect(message.split('\n')).toContain(`县卫健局 具备‘职业卫生’、‘公共卫生’专长的持证执法人员只有 ${have} 人，每个对象需要 ${have + 2} 人，还差 2 人。`)
    expect(getTask(ctx, task.id).status).toBe('草稿')
    expect(findPlan(ctx, task.id)).toBeNull()
    expect(count(`SELECT COUNT(*) AS n FROM task_pool WHERE task_id = ?`, task.id)).toBe(0)
    expect(count(`SELECT COUNT(*) AS n FROM draws`)).toBe(draws)
  })
})

