import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { generateBatch, type InspectionFormInput } from '../../electron/services/documents'
import * as f from '../unit/documents/fixtures'
import { Workbench } from '../../electron/services/workbench'
import { generateDocument } from '../../electron/services/documents/fromDb'
import { makeObjects } from './registry.bench'

/**
 * Issue 6 goal: 1 000 检查表 as separate files ≤ 10 s, and as one combined
 * file ≤ 10 s. Every form has its own object, address and team, as in a
 * real draw. Returns printable lines; `npm run bench` prints them.
 */
function forms(n: number): InspectionFormInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = f.form(i + 1)
    return {
      ...base,
      object: { ...base.object, code: `91321323MA${String(1_000_000 + i).padStart(8, '0')}`, address: `泗阳县众兴街道人民路${i + 1}号` },
      inspectors: base.inspectors.map((p, k) => ({ ...p, name: `${p.name}${(i + k) % 97}`, certificateNo: `32132301${String((i * 3 + k) % 100_000).padStart(5, '0')}` }))
    }
  })
}

async function time(n: number, mode: 'separate' | 'combined'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-docbench-'))
  try {
    const t0 = performance.now()
    const r = await generateBatch({ kind: 'inspectionForm', inputs: forms(n) }, { office: f.office, mode, out: mode === 'separate' ? join(dir, 'forms') : join(dir, '检查表合订.docx') })
    const ms = performance.now() - t0
    if (r.cancelled || r.files.length !== (mode === 'separate' ? n : 1)) throw new Error('batch did not complete')
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Issue 14 goal: the 名录库 (市场主体) of a whole county, 150 000 objects,
 * ≤ 90 s and ≤ 800 MB peak RSS, written by the streaming writer. Peak RSS is
 * sampled every 50 ms while it runs (the process's own, database included).
 */
async function registry150k(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-regbench-'))
  const wb = new Workbench(join(dir, 'county.db'))
  try {
    const ctx = wb.ctx()
    const now = '2026-01-01 00:00:00'
    const ins = ctx.sqlite.prepare(
      `INSERT INTO objects (code, kind, name, entity_type, reg_authority, legal_rep, address, reg_status, business_scope, township, established_on, created_at, updated_at)
       VALUES (?, 'market', ?, ?, '泗阳县市场监督管理局', ?, ?, '存续', ?, ?, ?, ?, ?)`
    )
    ctx.sqlite.transaction(() => {
      for (const o of makeObjects())
        ins.run(o.code, o.name, o.entityType, o.legalRep, o.address, `${o.businessScope}；餐饮服务；食品经营（销售散装食品）；烟草制品零售；五金产品零售；日用杂品销售`, o.township, o.establishedOn, now, now)
    })()
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const t0 = performance.now()
    const r = await generateDocument(ctx, { kind: 'registryMarket', path: join(dir, '名录库.docx') }, dir)
    const ms = performance.now() - t0
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    if (r.cancelled || r.files.length !== 1) throw new Error('registry did not complete')
    const mb = peak / 1024 / 1024
    return `名录库（市场主体）150 000 户 .docx：${(ms / 1000).toFixed(1)} s（目标 ≤ 90 s：${(ms / 90_000).toFixed(2)} × 目标），峰值内存 ${mb.toFixed(0)} MB（目标 ≤ 800 MB：${(mb / 800).toFixed(2)} × 目标），文件 ${(statSync(r.files[0]!).size / 1024 / 1024).toFixed(1)} MB`
  } finally {
    wb.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchDocuments(): Promise<string[]> {
  const lines: string[] = [await registry150k()]
  for (const n of [300, 1000])
    for (const mode of ['separate', 'combined'] as const) {
      const ms = await time(n, mode)
      const goal = n === 1000 ? `（目标 ≤ 10 s：${(ms / 10_000).toFixed(2)} × 目标）` : ''
      lines.push(`检查表 ${n} 份，${mode === 'separate' ? '每户一个文件' : '合订一个文件'}：${(ms / 1000).toFixed(2)} s，${(ms / n).toFixed(2)} ms/份${goal}`)
    }
  return lines
}
