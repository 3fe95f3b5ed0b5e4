import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../electron/services/errors'
import { generateBatch, safeFileName, type BatchProgress } from '../../../electron/services/documents'
import * as f from './fixtures'
import { parts, text, tmp } from './helpers'

const forms = (n: number) => Array.from({ length: n }, (_, i) => f.form(i + 1))

describe('batch generation', () => {
  it('writes one numbered file per object and reports progress to the end', async () => {
    const out = join(tmp('batch-'), 'forms')
    const seen: BatchProgress[] = []
    const r = await generateBatch({ kind: 'inspectionForm', inputs: forms(5) }, { office: f.office, mode: 'separate', out, onProgress: (p) => seen.push(p) })
    expect(r.cancelled).toBe(false)
    expect(readdirSync(out).sort()).toEqual(r.files.map((x) => x.split('/').pop()).sort())
    expect(readdirSync(out)).toHaveLength(5)
    expect(readdirSync(out)[0]).toBe('001-临县鑫源商贸有限公司1-随机抽查检查表.docx')
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5])
    expect(text(parts(readFileSync(r.files[2]))['word/document.xml'])).toContain('临县鑫源商贸有限公司3')
  })

  it('never overwrites an existing file unless told to', async () => {
    const out = tmp('batch-')
    writeFileSync(join(out, '002-临县鑫源商贸有限公司2-随机抽查通知书.docx'), 'mine')
    const job = { kind: 'notice' as const, inputs: [1, 2, 3].map((i) => f.notice(i)) }
    await expect(generateBatch(job, { office: f.office, mode: 'separate', out })).rejects.toThrow(UserError)
    expect(readFileSync(join(out, '002-临县鑫源商贸有限公司2-随机抽查通知书.docx'), 'utf8')).toBe('mine')
    expect(readdirSync(out)).toHaveLength(1)
    await generateBatch(job, { office: f.office, mode: 'separate', out, overwrite: true })
    expect(readFileSync(join(out, '002-临县鑫源商贸有限公司2-随机抽查通知书.docx')).subarray(0, 2).toString()).toBe('PK')
  })

  it('stops when cancelled and keeps only complete files', async () => {
    const out = tmp('batch-')
    const ctl = new AbortController()
    const r = await generateBatch(
      { kind: 'inspectionForm', inputs: forms(20) },
      { office: f.office, mode: 'separate', out, signal: ctl.signal, onProgress: (p) => p.done === 3 && ctl.abort() }
    )
    expect(r.cancelled).toBe(true)
    expect(r.files).toHaveLength(3)
    expect(readdirSync(out)).toHaveLength(3)
    expect(readdirSync(out).some((n) => n.endsWith('.part'))).toBe(false)
  })

  it('combines objects into one file, each on a new page with its own page numbers', async () => {
    const file = join(tmp('batch-'), '通知书合订.docx')
    const r = await generateBatch({ kind: 'notice', inputs: [1, 2, 3].map((i) => f.notice(i)) }, { office: f.office, mode: 'combined', out: file })
    expect(r.files).toEqual([file])
    const doc = parts(readFileSync(file))['word/document.xml']
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(3)
    expect(doc.match(/<w:type w:val="nextPage"\/>/g)).toHaveLength(3)
    expect(doc.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(3)
    for (const i of [1, 2, 3]) expect(text(doc)).toContain(`临县鑫源商贸有限公司${i}：`)
    await expect(generateBatch({ kind: 'notice', inputs: [f.notice()] }, { office: f.office, mode: 'combined', out: file })).rejects.toThrow(/已经存在/)
    expect(existsSync(`${file}.part`)).toBe(false)
  })

  it('makes file names every desktop accepts', () => {
    expect(safeFileName('a/b\\c:d*e?"f<g>h|')).toBe('a_b_c_d_e__f_g_h_')
    expect(safeFileName('  ')).toBe('未命名')
  })
})
