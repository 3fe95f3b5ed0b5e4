import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { generateBatch, type InspectionFormInput } from '../../electron/services/documents'
import * as f from '../unit/documents/fixtures'

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

export async function benchDocuments(): Promise<string[]> {
  const lines: string[] = []
  for (const n of [300, 1000])
    for (const mode of ['separate', 'combined'] as const) {
      const ms = await time(n, mode)
      const goal = n === 1000 ? `（目标 ≤ 10 s：${(ms / 10_000).toFixed(2)} × 目标）` : ''
      lines.push(`检查表 ${n} 份，${mode === 'separate' ? '每户一个文件' : '合订一个文件'}：${(ms / 1000).toFixed(2)} s，${(ms / n).toFixed(2)} ms/份${goal}`)
    }
  return lines
}
