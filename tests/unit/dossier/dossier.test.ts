import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import ExcelJS from 'exceljs'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import { exportDossier, dossierRoot, INDEX_NAME } from '../../../electron/services/dossier'
import { dossierCli } from '../../../electron/cli/commands/dossier'
import { verifyEvidenceFile } from '../../../electron/services/draws/verifyFile'
import { createTask } from '../../../electron/services/tasks/service'
import { publishTask } from '../../../electron/services/tasks/lifecycle'
import { getSettings } from '../../../electron/services/settings/service'
import { listAudit } from '../../../electron/services/audit/log'
import type { DossierResult, JobStatus } from '@contract'
import { tempDir } from '../../helpers/tmp'
import { runCli } from '../../helpers/cli'
import { CORRECTION_REASON, scenario, taskInput, WORK_PLAN_NUMBER, type Scenario } from './fixture'

const { dir, cleanup } = tempDir('suiji-dossier-')
let s: Scenario
let zipFile: string
let result: DossierResult
let files: Record<string, Uint8Array>
let root: string
let index: string

const sha = (d: Uint8Array) => createHash('sha256').update(d).digest('hex')
const text = (d: Uint8Array) => strFromU8(d).replace(/^\uFEFF/, '')
/** `hash  path` lines of 目录.txt's last section, as sha256sum -c reads them. */
const sums = (idx: string) => new Map(idx.split(/\r\n/).flatMap((l) => { const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l); return m ? [[m[2]!, m[1]!] as const] : [] }))

beforeAll(async () => {
  s = await scenario(dir)
  zipFile = join(dir, '卷宗.zip')
  const phases: string[] = []
  result = await exportDossier(s.ctx, s.task.id, zipFile, { onProgress: (p) => phases.push(p) })
  expect(phases).toContain('打包')
  files = unzipSync(readFileSync(zipFile))
  root = dossierRoot(s.task)
  index = text(files[`${root}/${INDEX_NAME}`]!)
}, 120_000)
afterAll(() => {
  s?.wb.close()
  cleanup()
})

describe('归档卷宗 of a task that went through everything', () => {
  it('has every expected file in its folder, all under one root folder', () => {
    const [d1, d2] = s.drawIds
    const expected = [
      INDEX_NAME,
      '01-任务方案/任务信息.json',
      '01-任务方案/任务概要.txt',
      '01-任务方案/冻结对象池-可抽对象.csv',
      '01-任务方案/冻结对象池-排除对象.csv',
      '02-抽取/抽取方案公告.json',
      '02-抽取/抽取方案公告.txt',
      `02-抽取/抽取证据-${d1}.json`,
      `02-抽取/抽取记录-${d1}.docx`,
      `02-抽取/排除对象名单-${d1}.csv`,
      `02-抽取/抽取证据-${d2}.json`,
      `02-抽取/抽取记录-${d2}.docx`,
      `02-抽取/排除对象名单-${d2}.csv`,
      '02-抽取/抽取情况.txt',
      '02-抽取/人员替换记录.csv',
      `03-文书/联合抽查工作方案（存档副本 ${WORK_PLAN_NUMBER}）.docx`,
      '03-文书/随机抽查通知书（合订）.docx',
      '03-文书/随机抽查检查表（合订）.docx',
      '03-文书/抽查结果汇总表.docx',
      '03-文书/抽查结果公示表.docx',
      '04-检查结果/检查结果.xlsx',
      '05-操作日志/本任务操作日志.csv',
      '05-操作日志/操作日志完整性校验.txt'
    ].map((f) => `${root}/${f}`)
    expect(Object.keys(files).sort()).toEqual(expected.sort())
    expect(result).toMatchObject({ file: zipFile, taskNo: s.task.taskNo, files: expected.length, cancelled: false, gaps: [] })
    expect(result.sha256).toBe(sha(readFileSync(zipFile)))
    // central directory: UTF-8 names (flag bit 11) made on Unix with mode 644, so Info-ZIP unzip on 麒麟/统信 keeps the Chinese names
    const zip = readFileSync(zipFile)
    const eocd = zip.length - 22 // no archive comment
    expect(zip.readUInt32LE(eocd)).toBe(0x06054b50)
    const entries = zip.readUInt16LE(eocd + 10)
    for (let i = 0, at = zip.readUInt32LE(eocd + 16); i < entries; i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50)
      expect(zip[at + 5]).toBe(3)
      expect(zip.readUInt16LE(at + 8) & 0x800).toBe(0x800)
      expect(zip.readUInt32LE(at + 38) >>> 16).toBe(0o100644)
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    }
    expect(entries).toBe(expected.length)
    // Word and Excel open what is inside: every .docx/.xlsx is itself a zip with its main part
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('.docx')) expect(Object.keys(unzipSync(data))).toContain('word/document.xml')
      if (name.endsWith('.xlsx')) expect(Object.keys(unzipSync(data))).toContain('xl/workbook.xml')
    }
  })

  it('目录.txt names the task, time, operator and version, and lists every file with a SHA-256 that matches', () => {
    expect(index).toContain(`任务编号：${s.task.taskNo}`)
    expect(index).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
    expect(index).toContain('导出人（操作人员）：测试')
    expect(index).toMatch(/程序版本：双随机联合抽查工作台 \d+\.\d+\.\d+/)
    const listed = sums(index)
    const inZip = Object.keys(files).filter((f) => f !== `${root}/${INDEX_NAME}`)
    expect([...listed.keys()].map((p) => `${root}/${p}`).sort()).toEqual(inZip.sort())
    for (const [path, hash] of listed) {
      expect(sha(files[`${root}/${path}`]!), path).toBe(hash)
      // and in the human-readable section, under its folder, with the same hash
      const [folder, name] = [path.split('/')[0]!, path.split('/').slice(1).join('/')]
      const block = index.slice(index.indexOf(`【${folder}】`))
      expect(block).toContain(`  ${name}（${files[`${root}/${path}`]!.length} 字节）`)
      expect(block).toContain(`SHA-256：${hash}`)
    }
  })

  it('each draw evidence file, the superseded one too, re-verifies on its own (code 0)', () => {
    for (const id of s.drawIds) {
      const f = join(dir, `check-${id}.json`)
      writeFileSync(f, files[`${root}/02-抽取/抽取证据-${id}.json`]!)
      const v = verifyEvidenceFile(f)
      expect(v.message).toContain('一致')
      expect(v.code).toBe(0)
    }
    const current = JSON.parse(text(files[`${root}/02-抽取/抽取证据-${s.drawIds[1]}.json`]!)) as { replacements: { outName: string; inName: string }[] }
    expect(current.replacements).toEqual([expect.objectContaining(s.replaced)])
    const replacements = text(files[`${root}/02-抽取/人员替换记录.csv`]!)
    expect(replacements).toContain(s.replaced.outName)
    expect(replacements).toContain('分管副局长 陈某')
    expect(text(files[`${root}/02-抽取/抽取情况.txt`]!)).toContain(`替代 ${s.drawIds[0]}，原因：见证人到场前误点了抽取`)
  })

  it('the frozen pool csv has every pool entry and matches the pool hash the draws were made on', () => {
    const evidence = JSON.parse(text(files[`${root}/02-抽取/抽取证据-${s.drawIds[1]}.json`]!)) as { pool: { sha256: string; count: number } }
    const rows = text(files[`${root}/01-任务方案/冻结对象池-可抽对象.csv`]!).trim().split('\r\n')
    expect(rows.length - 1).toBe(evidence.pool.count)
    expect(text(files[`${root}/01-任务方案/任务概要.txt`]!)).toContain(evidence.pool.sha256)
    expect(index).toContain(`对象池 SHA-256 ${evidence.pool.sha256}`)
  })

  it('the audit csv has the draws, the replacement, the results and the correction; the chain check says 完整', () => {
    const log = text(files[`${root}/05-操作日志/本任务操作日志.csv`]!)
    for (const action of ['新建抽查任务', '公布抽查方案', '公布抽取方案', '随机抽取', '重新随机抽取', '替换检查人员', '使用发文字号', '录入检查结果', '登记结果公示', '更正已公示的检查结果'])
      expect(log, action).toContain(`,${action},`)
    expect(log).toContain(CORRECTION_REASON)
    // nothing about the demo county's registry import
    expect(log).not.toContain('载入演示数据')
    expect(log).not.toContain('修改设置')
    expect(text(files[`${root}/05-操作日志/操作日志完整性校验.txt`]!)).toContain('结论：完整')
    expect(text(files[`${root}/05-操作日志/操作日志完整性校验.txt`]!)).toMatch(/签名锚点：序号 \d+，哈希 [0-9a-f]{64}/)
  })

  it('the results workbook keeps the original value beside the corrected one', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(files[`${root}/04-检查结果/检查结果.xlsx`]!) as never)
    const corr = wb.getWorksheet('公示后更正记录')!
    const rows = corr.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).map((v) => String(v ?? '')))
    const category = rows.find((r) => r.includes('检查结果'))!
    expect(category).toEqual(expect.arrayContaining(['未发现问题', '发现问题已责令改正', CORRECTION_REASON, '张局长', s.corrected.objectCode]))
    const results = wb.getWorksheet('检查结果')!
    expect(results.rowCount - 1).toBe((s.ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM inspection_results WHERE task_id = ?').get(s.task.id) as { n: number }).n)
  })

  it('the 工作方案 is a copy under the number it was issued with: no new 发文字号 is taken', () => {
    expect(getSettings(s.ctx).docNextNumber).toBe(4)
    const doc = strFromU8(unzipSync(files[`${root}/03-文书/联合抽查工作方案（存档副本 ${WORK_PLAN_NUMBER}）.docx`]!)['word/document.xml']!)
    expect(doc).toContain(WORK_PLAN_NUMBER)
    expect(listAudit(s.ctx, { entity: 'settings', entityId: 'docNextNumber' })).toHaveLength(1)
  })

  it('the export itself is logged against the task with the zip’s hash', () => {
    const last = listAudit(s.ctx, { entity: 'task', entityId: s.task.uid, limit: 1 })[0]!
    expect(last.action).toBe('导出归档卷宗')
    expect(JSON.parse(last.detail)).toMatchObject({ file: zipFile, sha256: result.sha256 })
  })
})

describe('refusals and partial dossiers', () => {
  it('refuses a draft task with a Chinese message, and writes nothing', async () => {
    const draft = createTask(s.ctx, taskInput(s.ctx, { name: '尚未公布的联合抽查任务' }))
    const out = join(dir, 'draft.zip')
    await expect(exportDossier(s.ctx, draft.id, out)).rejects.toThrow(/草稿.*方案还没有公布/)
    expect(existsSync(out)).toBe(false)
  })

  it('never overwrites an existing file', async () => {
    const out = join(dir, 'existing.zip')
    writeFileSync(out, 'keep me')
    await expect(exportDossier(s.ctx, s.task.id, out)).rejects.toThrow(/已经存在.*不会覆盖/)
    expect(readFileSync(out, 'utf8')).toBe('keep me')
    // a name without .zip gets it, and is refused the same when that exists
    await expect(exportDossier(s.ctx, s.task.id, join(dir, 'existing'))).rejects.toThrow(/已经存在/)
  })

  it('a task only published lists the draw, documents and results as 尚无', async () => {
    const t = createTask(s.ctx, taskInput(s.ctx, { name: '只公布了方案的联合抽查任务', scope: { kinds: ['market'], townships: ['三庄镇'] } }))
    publishTask(s.ctx, t.id)
    const out = join(dir, 'published.zip')
    const r = await exportDossier(s.ctx, t.id, out)
    const z = unzipSync(readFileSync(out))
    const names = Object.keys(z).map((n) => n.split('/').slice(1).join('/'))
    expect(names.filter((n) => n.startsWith('02-') || n.startsWith('03-') || n.startsWith('04-'))).toEqual([])
    expect(names).toContain('01-任务方案/冻结对象池-可抽对象.csv')
    expect(names).toContain('05-操作日志/本任务操作日志.csv')
    const idx = text(z[Object.keys(z).find((n) => n.endsWith(INDEX_NAME))!]!)
    expect(idx).toContain('随机抽查通知书（合订）：尚无：任务还没有进行随机抽取')
    for (const why of ['尚无：任务还没有公布抽取方案', '尚无：任务还没有进行随机抽取', '尚无：工作方案还没有以发文字号生成过', '尚无：任务还没有录入检查结果'])
      expect(idx).toContain(why)
    expect(r.gaps.length).toBeGreaterThanOrEqual(4)
    const log = text(z[Object.keys(z).find((n) => n.endsWith('本任务操作日志.csv'))!]!)
    expect(log).toContain(',公布抽查方案,')
    expect(log).not.toContain('随机抽取')
  })
})

describe('channel and command line', () => {
  async function job(start: JobStatus): Promise<JobStatus> {
    let st = start
    while (st.state === 'running') {
      await new Promise((r) => setTimeout(r, 50))
      st = s.wb.jobs.get(st.id)
    }
    return st
  }

  it('dossier.export runs as a job and refuses an existing file before it starts', async () => {
    const out = join(dir, 'job.zip')
    const started = await dispatch(handlers, s.wb, 'dossier.export', { taskId: s.task.id, path: out })
    expect(started.ok).toBe(true)
    const done = await job((started as { data: JobStatus }).data)
    expect(done.state).toBe('done')
    expect((done.result as DossierResult).sha256).toBe(sha(readFileSync(out)))
    const again = await dispatch(handlers, s.wb, 'dossier.export', { taskId: s.task.id, path: out })
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } })
  })

  it('a cancelled job writes no file', async () => {
    const out = join(dir, 'cancelled.zip')
    const started = await dispatch(handlers, s.wb, 'dossier.export', { taskId: s.task.id, path: out })
    const id = (started as { data: JobStatus }).data.id
    s.wb.jobs.cancel(id)
    expect((await job(s.wb.jobs.get(id))).state).toBe('cancelled')
    expect(existsSync(out)).toBe(false)
  })

  it('suiji dossier TASK --db --out --json', async () => {
    const out = join(dir, 'cli.zip')
    const r = await runCli(dossierCli, [s.task.taskNo, '--db', s.ctx.file, '--out', out, '--json'])
    expect(r.code).toBe(0)
    const parsed = JSON.parse(r.out) as DossierResult
    expect(parsed).toMatchObject({ file: out, taskNo: s.task.taskNo, cancelled: false })
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain(`${root}/${INDEX_NAME}`)
  })
})
