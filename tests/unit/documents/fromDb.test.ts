import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { createTask } from '../../../electron/services/tasks/service'
import { publishTask } from '../../../electron/services/tasks/lifecycle'
import { getSettings, updateSettings } from '../../../electron/services/settings/service'
import { listAudit } from '../../../electron/services/audit/log'
import { createPlanEntry } from '../../../electron/services/plans/service'
import { formInputs, generateDocument, noticeInputs, officeInfo, prepareDocument, taskDocs, type DrawView } from '../../../electron/services/documents/fromDb'
import { findDraw, performDraw, publishWithAnnouncement } from '../../../electron/services/draws/records'
import { todayText } from '../../../electron/services/time'
import { scopeWords } from '../../../electron/services/documents/fromDb/scopeWords'
import type { TaskInput } from '@contract'
import { tempDir } from '../../helpers/tmp'
import { parts, text } from './helpers'

const t = tempDir('suiji-docs-fromdb-')
let wb: Workbench
let ctx: Ctx
let taskId: number
let draw: DrawView
let undrawnId: number
let taskInput: TaskInput
const dept: Record<string, number> = {}
const out = (name: string) => join(t.dir, 'out', name)
const inDays = (n: number) => todayText(new Date(Date.now() + n * 86400000))
const docText = (file: string) => text(parts(readFileSync(file))['word/document.xml'])

beforeAll(() => {
  wb = new Workbench(join(t.dir, 'county.db'))
  ctx = wb.ctx()
  generateDemoCounty(ctx, { objects: 3000 })
  for (const r of ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]) dept[r.name] = r.id
  updateSettings(ctx, { docPrefix: '泗双随机办发', docNextNumber: 7, contactPerson: '王丽', contactPhone: '0527-85211234' })
  const scjgItems = (ctx.sqlite.prepare('SELECT uid FROM items WHERE dept_id = ? ORDER BY sort_order LIMIT 2').all(dept['县市场监管局']) as { uid: string }[]).map((r) => r.uid)
  const wjItems = (ctx.sqlite.prepare('SELECT uid FROM items WHERE dept_id = ? ORDER BY sort_order LIMIT 1').all(dept['县卫健局']) as { uid: string }[]).map((r) => r.uid)
  taskInput = {
    name: '2026年餐饮服务单位部门联合抽查',
    adhocReason: '专项整治',
    initiatorDeptId: dept['县市场监管局'],
    departments: [
      { deptId: dept['县市场监管局'], itemUids: scjgItems, inspectorsPerObject: 2 },
      { deptId: dept['县卫健局'], itemUids: wjItems, inspectorsPerObject: 1 }
    ],
    scope: { kinds: ['market'], townships: ['众兴街道'] },
    rule: { A: { mode: 'ratio', value: 30 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 30 }, D: { mode: 'ratio', value: 30 } },
    // the inspection period runs from today, so the notices below announce dates still ahead
    periodStart: todayText(),
    periodEnd: inDays(60)
  }
  const task = createTask(ctx, taskInput)
  taskId = task.id
  // A real draw: publish with the announcement, then two witnesses' digits.
  publishWithAnnouncement(ctx, taskId, { drawDate: todayText() })
  performDraw(ctx, taskId, { sources: [{ kind: 'witness', label: '张三', value: '314159' }, { kind: 'witness', label: '李四', value: '271829' }, { kind: 'witness', label: '王见证', value: '271828' }], operator: '王丽' })
  draw = findDraw(ctx, taskId)!
  undrawnId = publishTask(ctx, createTask(ctx, { ...taskInput, name: '2026年尚未抽取的联合抽查' }).id).id
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

describe('documents mapped from a demo county', () => {
  it('事项清单 of a department lists exactly its items from the registry', async () => {
    const expected = ctx.sqlite.prepare('SELECT name, basis FROM items WHERE dept_id = ? ORDER BY sort_order').all(dept['县卫健局']) as { name: string; basis: string }[]
    const r = await generateDocument(ctx, { kind: 'itemList', deptId: dept['县卫健局'], path: out('卫健清单.docx') }, t.dir)
    const body = docText(r.files[0])
    expect(expected.length).toBeGreaterThan(2)
    for (const it of expected) expect(body).toContain(it.name)
    expect(body).toContain('县卫健局')
    const other = ctx.sqlite.prepare('SELECT name FROM items WHERE dept_id = ? LIMIT 1').get(dept['县市场监管局']) as { name: string }
    expect(body).not.toContain(other.name)
  })

  it('名录库 filtered by township holds that township’s market entities only', async () => {
    const inTown = ctx.sqlite.prepare(`SELECT code FROM objects WHERE kind = 'market' AND township = '三庄镇'`).all() as { code: string }[]
    const elsewhere = ctx.sqlite.prepare(`SELECT code FROM objects WHERE kind = 'market' AND township <> '三庄镇' LIMIT 5`).all() as { code: string }[]
    const r = await generateDocument(ctx, { kind: 'registryMarket', filter: { township: '三庄镇' }, path: out('三庄镇.docx') }, t.dir)
    const body = docText(r.files[0])
    expect(inTown.length).toBeGreaterThan(20)
    for (const o of inTown) expect(body).toContain(o.code)
    for (const o of elsewhere) expect(body).not.toContain(o.code)
    expect(body).toContain('三庄镇')
  })

  it('执法人员名录库 of a department carries its people and their 执法证号', async () => {
    const people = ctx.sqlite.prepare('SELECT name, cert_no AS certNo FROM inspectors WHERE dept_id = ? AND active = 1').all(dept['县卫健局']) as { name: string; certNo: string }[]
    const r = await generateDocument(ctx, { kind: 'registryInspectors', deptId: dept['县卫健局'], path: out('卫健人员.docx') }, t.dir)
    const body = docText(r.files[0])
    for (const p of people) expect(body).toContain(p.name), p.certNo && expect(body).toContain(p.certNo)
  })

  it('年度计划表: a department’s own entries, and the county table with every department’s', async () => {
    const entry = (name: string, d: number, joint: number[]) =>
      createPlanEntry(ctx, { year: 2026, planName: '2026年度双随机抽查计划', taskName: name, initiatorDeptId: d, jointDeptIds: joint, ratioText: '3%', drawDate: '2026-04', scope: { kinds: ['market'], townships: ['三庄镇'] } })
    entry('餐饮服务食品安全联合检查', dept['县市场监管局'], [dept['县卫健局']])
    entry('公共场所卫生监督检查', dept['县卫健局'], [])
    const own = docText((await generateDocument(ctx, { kind: 'annualPlan', year: 2026, deptId: dept['县卫健局'], path: out('卫健计划.docx') }, t.dir)).files[0])
    expect(own).toContain('公共场所卫生监督检查')
    expect(own).not.toContain('餐饮服务食品安全联合检查')
    const county = docText((await generateDocument(ctx, { kind: 'annualPlan', year: 2026, path: out('全县计划.docx') }, t.dir)).files[0])
    expect(county).toContain('公共场所卫生监督检查')
    expect(county).toContain('餐饮服务食品安全联合检查')
    expect(county).toContain('2026年4月')
    expect(county).toContain('县卫健局') // 联合机关
  })

  it('工作方案 takes the next 发文字号, one more each time, each use audited', async () => {
    const before = getSettings(ctx).docNextNumber
    const a = await generateDocument(ctx, { kind: 'workPlan', taskId, path: out('方案1.docx') }, t.dir)
    const b = await generateDocument(ctx, { kind: 'workPlan', taskId, path: out('方案2.docx') }, t.dir)
    expect(a.docNumber).toBe(`泗双随机办发〔${new Date().getFullYear()}〕${before}号`)
    expect(b.docNumber).toBe(`泗双随机办发〔${new Date().getFullYear()}〕${before + 1}号`)
    expect(getSettings(ctx).docNextNumber).toBe(before + 2)
    expect(docText(a.files[0])).toContain(a.docNumber)
    expect(docText(b.files[0])).toContain(b.docNumber)
    const used = listAudit(ctx, { entity: 'settings', limit: 10 }).filter((e) => e.action === '使用发文字号')
    expect(used.map((e) => JSON.parse(e.detail).docNumber)).toEqual(expect.arrayContaining([a.docNumber, b.docNumber]))
    const body = docText(a.files[0])
    expect(body).toContain('2026年餐饮服务单位部门联合抽查')
    for (const it of taskDocs(ctx, taskId, officeInfo(ctx)).items) expect(body).toContain(it.name)
    // the scope reads as a sentence, not as the spreadsheet's “对象类别：…；乡镇：…”
    expect(body).toMatch(/抽查对象范围为众兴街道登记状态为存续的市场主体，共\d+户。/)
    expect(body).not.toContain('对象类别：')
  })

  it('the 工作方案 words every kind of scope as a phrase', () => {
    const name = (id: number) => (id === 7 ? '县卫健局' : `部门${id}`)
    const base = { kinds: [], townships: [], industries: [], tags: [], ownerDeptIds: [], regStatus: [], include: [], exclude: [], codesOnly: false, note: '' }
    expect(scopeWords({ ...base }, name)).toBe('全县登记状态为存续的检查对象')
    expect(scopeWords({ ...base, kinds: ['market', 'social'], townships: ['三庄镇', '众兴街道'], industries: ['餐饮业', '食品零售'], tags: ['学校周边'], ownerDeptIds: [7], exclude: ['91321323MA1ALB5K89'] }, name)).toBe(
      '三庄镇、众兴街道列入县卫健局名录库、餐饮业、食品零售行业、标注为“学校周边”、登记状态为存续的市场主体、社会团体（排除指定对象1户）'
    )
    expect(scopeWords({ ...base, kinds: ['market'], include: ['91321323MA1ALB5K89', '92321323MA1T0WC1U3'], codesOnly: true }, name)).toBe('指定的2户市场主体')
  })

  it('an existing file is refused before any number is taken', async () => {
    const n = getSettings(ctx).docNextNumber
    expect(() => prepareDocument(ctx, { kind: 'workPlan', taskId, path: out('方案1.docx') }, t.dir)).toThrow(/已经存在/)
    expect(getSettings(ctx).docNextNumber).toBe(n)
  })

  it('notices and forms carry each drawn object, the items, the team’s 执法证号 and the contact', async () => {
    const docs = taskDocs(ctx, taskId, officeInfo(ctx))
    const forms = formInputs(ctx, docs, draw)
    expect(forms).toHaveLength(draw.objects.length)
    expect(forms[0].inspectors[0].leader).toBe(true)
    const notices = noticeInputs(ctx, docs, draw)
    expect(notices[3].contact).toEqual({ person: '王丽', phone: '0527-85211234' })
    const r = await generateDocument(ctx, { kind: 'forms', taskId, mode: 'separate', path: out('检查表') }, t.dir)
    expect(r.files).toHaveLength(draw.objects.length)
    for (const k of [0, 17, draw.objects.length - 1]) {
      const o = draw.objects[k]
      const body = docText(r.files[k])
      const reg = ctx.sqlite.prepare('SELECT address, legal_rep AS legalRep FROM objects WHERE code = ?').get(o.code) as { address: string; legalRep: string }
      expect(body).toContain(o.name)
      expect(body).toContain(o.code)
      expect(body).toContain(reg.address)
      expect(body).toContain(reg.legalRep)
      for (const m of o.team) expect(body).toContain(m.certNo), expect(body).toContain(m.name)
      for (const it of docs.items) expect(body).toContain(it.name)
      // another object's team is not on this form
      const other = draw.objects[(k + 1) % draw.objects.length].team[0]
      if (!o.team.some((m) => m.certNo === other.certNo)) expect(body).not.toContain(other.certNo)
    }
    const combined = await generateDocument(ctx, { kind: 'notices', taskId, mode: 'combined', path: out('通知书合订.docx') }, t.dir)
    const all = docText(combined.files[0])
    for (const o of draw.objects) expect(all).toContain(`${o.name}：`)
    expect(all).toContain('0527-85211234')
    expect(all).toContain('实地检查') // the demo lists say 现场检查
  })

  it('a batch cancelled halfway leaves only complete files', async () => {
    const ctl = new AbortController()
    const p = prepareDocument(ctx, { kind: 'forms', taskId, mode: 'separate', path: out('取消') }, t.dir)
    const half = Math.floor(p.targets.length / 2)
    const r = await p.run(ctl.signal, (_phase, done) => done === half && ctl.abort())
    expect(r.cancelled).toBe(true)
    const left = readdirSync(out('取消'))
    expect(left).toHaveLength(half)
    expect(left.every((n) => n.endsWith('.docx'))).toBe(true)
    for (const n of left) expect(readFileSync(join(out('取消'), n)).subarray(0, 2).toString()).toBe('PK')
    expect(existsSync(p.targets[half])).toBe(false)
  })

  it('notices are refused while nobody is named as contact', () => {
    updateSettings(ctx, { contactPerson: '' })
    try {
      expect(() => prepareDocument(ctx, { kind: 'notices', taskId, path: out('无联系人.docx') }, t.dir)).toThrow(/联系人/)
    } finally {
      updateSettings(ctx, { contactPerson: '王丽' })
    }
  })

  it('a notice issued after the period began announces the days still ahead, never a date in the past', () => {
    const docs = taskDocs(ctx, taskId, officeInfo(ctx))
    const onTime = noticeInputs(ctx, docs, draw)
    expect([onTime[0].periodStart, onTime[0].periodEnd]).toEqual([todayText(), inDays(60)])
    const late = noticeInputs(ctx, docs, draw, { issueDate: inDays(20) })
    expect([late[0].periodStart, late[0].periodEnd]).toEqual([inDays(20), inDays(60)])
    expect(() => noticeInputs(ctx, docs, draw, { issueDate: inDays(61) })).toThrow(`检查期限已于 ${inDays(60)} 结束`)
  })

  it('notices of a task drawn after its period ended are refused before any file is written', () => {
    const late = createTask(ctx, { ...taskInput, name: '2026年逾期抽取的联合抽查', periodStart: '2026-01-05', periodEnd: '2026-02-27' })
    publishWithAnnouncement(ctx, late.id, { drawDate: todayText() })
    const sources = [{ kind: 'witness' as const, label: '张三', value: '314159' }, { kind: 'witness' as const, label: '李四', value: '271829' }, { kind: 'witness' as const, label: '王见证', value: '271828' }]
    expect(() => performDraw(ctx, late.id, { sources, operator: '王丽' })).toThrow('检查期限 2026-02-27 已过')
    performDraw(ctx, late.id, { sources, operator: '王丽', lateReason: '补录期限内已完成的检查' })
    expect(() => prepareDocument(ctx, { kind: 'notices', taskId: late.id, path: out('逾期通知书.docx') }, t.dir)).toThrow(/检查期限已于 2026-02-27 结束.*不能告知已经过去的检查时间/)
    expect(existsSync(out('逾期通知书.docx'))).toBe(false)
  })

  it('with default settings the notices name and sign with the county’s full office names, not the short ones', async () => {
    expect(getSettings(ctx).officeName).toBe('泗阳县“双随机、一公开”监管联席会议办公室')
    const docs = taskDocs(ctx, taskId, officeInfo(ctx))
    expect([docs.lead, ...docs.partners]).toEqual(['泗阳县市场监督管理局', '泗阳县卫生健康局'])
    const r = await generateDocument(ctx, { kind: 'notices', taskId, mode: 'combined', path: out('署名.docx') }, t.dir)
    const body = docText(r.files[0])
    expect(body).toContain('泗阳县市场监督管理局会同泗阳县卫生健康局组成联合检查组')
    // the 署名 is the last line before the date, once per notice
    expect(body.match(/泗阳县市场监督管理局\s*\d{4}年\d{1,2}月\d{1,2}日/g)).toHaveLength(draw.objects.length)
    expect(body).not.toMatch(/县市场监管局\s*\d{4}年/)
  })

  it('a task without a draw is refused with a plain sentence', () => {
    expect(() => prepareDocument(ctx, { kind: 'notices', taskId: undrawnId, path: out('x.docx') }, t.dir)).toThrow(/尚未完成随机抽取/)
  })
})
