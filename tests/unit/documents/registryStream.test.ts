/** The streaming 名录库 writer: every row, rows to a page, progress, cancel. */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { prepareDocument } from '../../../electron/services/documents/fromDb'
import { tempDir } from '../../helpers/tmp'
import { SOFFICE, parts, pdfInfo, text } from './helpers'
import { afterAll, beforeAll } from 'vitest'
import type { Ctx } from '../../../electron/services/context'

const t = tempDir('suiji-regstream-')
let wb: Workbench
let ctx: Ctx
beforeAll(() => {
  wb = new Workbench(join(t.dir, 'county.db'))
  ctx = wb.ctx()
  generateDemoCounty(ctx, { objects: 600, seed: 'regstream' })
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

const market = () => ctx.sqlite.prepare(`SELECT code, name, business_scope AS scope FROM objects WHERE kind = 'market' ORDER BY code`).all() as { code: string; name: string; scope: string }[]

describe('名录库 by the streaming writer', () => {
  it('writes every object in code order across pages, reporting progress', async () => {
    const file = join(t.dir, 'out', 'market.docx')
    const seen: number[] = []
    const p = prepareDocument(ctx, { kind: 'registryMarket', path: file }, t.dir)
    const r = await p.run(new AbortController().signal, (_phase, done) => seen.push(done))
    expect(r.files).toEqual([file])
    const body = text(parts(readFileSync(file))['word/document.xml'])
    const rows = market()
    const at = rows.map((o) => body.indexOf(o.code))
    expect(at.every((x) => x > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    for (const o of rows) expect(body).toContain(o.name)
    expect(body).toContain(`${rows.length}${rows[rows.length - 1]!.code}`)
    expect(seen[seen.length - 1]).toBe(rows.length)
    expect(body).toContain('从略')
  })

  it('a cancel leaves neither the file nor a part of it', async () => {
    const dir = join(t.dir, 'cancel')
    const file = join(dir, 'market.docx')
    const ac = new AbortController()
    ac.abort()
    const r = await prepareDocument(ctx, { kind: 'registryMarket', path: file }, t.dir).run(ac.signal, () => {})
    expect(r.cancelled).toBe(true)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([])
  })

  it.skipIf(!SOFFICE)('prints at least 15 objects to a landscape page (LibreOffice)', async () => {
    const file = join(t.dir, 'out', 'market-pdf.docx')
    await prepareDocument(ctx, { kind: 'registryMarket', path: file }, t.dir).run(new AbortController().signal, () => {})
    const info = pdfInfo(file, join(t.dir, 'pdf'))
    expect(info.width).toBeGreaterThan(info.height)
    expect(market().length / info.pages).toBeGreaterThanOrEqual(15)
  }, 300_000)
})
