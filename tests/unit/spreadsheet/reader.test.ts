import { readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SheetStream } from '../../../electron/services/spreadsheet/sheetRows'
import { readZipDirectory, readZipEntry, streamZipEntry } from '../../../electron/services/spreadsheet/zip'
import { openXlsx } from '../../../electron/services/spreadsheet/workbook'
import type { RawCell } from '../../../electron/services/spreadsheet/cell'
import { writeCsv, writeXlsx } from '../../../electron/services/registry/spreadsheet/writer'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { exportRegistry } from '../../../electron/services/registry/export/export'
import { tempDb, type TestDb } from '../registry/fixtures/db'
import { uscc } from '../registry/fixtures/ids'
import { encodeGbk, writeWpsXlsx } from './fixtures'

let t: TestDb
beforeEach(() => (t = tempDb('sheet-reader-')))
afterEach(() => t.close())

/** Text with 1-, 2-, 3- and 4-byte UTF-8 characters, XML specials and an OOXML escape look-alike. */
function sample(i: number): string[] {
  return [`泗阳县城厢街道小方超市${i}`, `é±·𠀀𪚥食品 & <批发> "零售" ${'街'.repeat(i % 7)}`, `_x0041_ 第${i}号`, `经营范围：预包装食品销售；日用百货\n第二行${i}`]
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/_(?=x[0-9A-F]{4}_)/g, '_x005F_')

function sheetXml(rows: string[][]): string {
  return (
    SHEET_HEAD +
    rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${xmlEsc(v)}</t></is></c>`).join('')}</row>`).join('') +
    '</sheetData></worksheet>'
  )
}

function parsePieces(bytes: Uint8Array, pieceSize: number): RawCell[][] {
  const rows: RawCell[][] = []
  const s = new SheetStream({ sharedStrings: () => [], dateStyles: [], date1904: false }, { onRow: (_r, cells) => rows.push(cells) })
  for (let p = 0; p < bytes.length; p += pieceSize) s.push(bytes.subarray(p, p + pieceSize))
  s.end()
  return rows
}

describe('sheet reader: characters cut by piece boundaries', () => {
  it('reads the same rows whatever the piece size, down to one byte (every character split at every inner byte)', () => {
    const rows = Array.from({ length: 60 }, (_, i) => sample(i))
    const bytes = new TextEncoder().encode(sheetXml(rows))
    for (const size of [1, 2, 3, 4, 5, 7, 64, 4096]) expect(parsePieces(bytes, size)).toEqual(rows)
  })

  it('a sheet part saved as UTF-16 (with its byte-order mark) reads the same rows as the UTF-8 one, whatever the piece size', () => {
    const rows = Array.from({ length: 40 }, (_, i) => sample(i))
    const xml = sheetXml(rows).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const bytes of [le, be]) for (const size of [1, 3, 4, 7, 4096]) expect(parsePieces(bytes, size)).toEqual(rows)
  })

  it('a cell text longer than any piece (carried over several pieces) comes back whole', () => {
    const long = Array.from({ length: 12_000 }, (_, i) => '城厢街道𠀀é'[i % 6]).join('')
    const rows = [['甲', long, '乙'], sample(1), [long.slice(0, 5000), 'x', long]]
    const bytes = new TextEncoder().encode(sheetXml(rows))
    for (const size of [1000, 4095, 16_384, 20_001, 70_000]) expect(parsePieces(bytes, size)).toEqual(rows)
  })

  it('bytes that are not UTF-8 stop the read instead of turning into replacement characters', () => {
    const good = new TextEncoder().encode(sheetXml([['泗阳县']]))
    const at = good.indexOf(0xe6)
    const bad = new Uint8Array([...good.subarray(0, at + 1), 0x41, ...good.subarray(at + 1)])
    expect(() => parsePieces(bad, 5)).toThrow()
    const cut = good.subarray(0, at + 2) // ends inside a character
    expect(() => parsePieces(cut, 3)).toThrow()
  })

  it('a real .xlsx streamed in small pieces: multi-byte characters land on the boundaries and come back intact', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => sample(i))
    const file = t.path('boundaries.xlsx')
    await writeXlsx(file, [{ name: '表', header: [['名称', '说明', '编号', '经营范围']], rows }])
    const dir = readZipDirectory(file)
    const entry = dir.get('xl/worksheets/sheet1.xml')!
    const whole = readZipEntry(file, entry)
    expect(whole.length).toBeGreaterThan(1 << 18) // more than one default piece
    for (const size of [64, 65, 66, 67, 1 << 18]) {
      const got: RawCell[][] = []
      const s = new SheetStream({ sharedStrings: () => [], dateStyles: [], date1904: false }, { onRow: (_r, c) => got.push(c) })
      let offset = 0
      let cutInside = 0
      let pieces = 0
      for await (const piece of streamZipEntry(file, entry, size)) {
        offset += piece.length
        pieces++
        // A boundary inside a character: the next byte is a UTF-8 continuation byte.
        if (offset < whole.length && (whole[offset]! & 0xc0) === 0x80) cutInside++
        s.push(piece)
      }
      s.end()
      expect(pieces).toBeGreaterThan(1)
      expect(cutInside).toBeGreaterThan(0)
      expect(got.slice(1)).toEqual(rows)
      expect(JSON.stringify(got)).not.toContain('\ufffd')
    }
  })
})

describe('files from other programs', () => {
  it('reads a WPS .xlsx: x: prefixes, no docProps/app.xml, rich-text runs, phonetic guides, a date style', async () => {
    const file = t.path('wps.xlsx')
    writeWpsXlsx(
      file,
      [
        ['（泗阳县市场监管局）检查对象名录库（市场主体）'],
        ['序号', '统一社会信用代码', '市场主体名称', '住所', '成立日期'],
        [1, uscc(1), '泗阳县城厢街道小方超市', '城厢街道人民路1号', 43529],
        [2, uscc(2), '泗阳县众兴镇𠀀记餐馆 & 小吃', '众兴镇', null]
      ],
      { dateCell: [2, 4, 0] }
    )
    expect(readZipDirectory(file).has('docprops/app.xml')).toBe(false)
    expect(openXlsx(file).sheets.map((s) => s.name)).toEqual(['名录'])
    const r = await importObjects(t.ctx, file)
    expect(r.rejects).toEqual([])
    expect(r.imported).toBe(2)
    const rows = t.ctx.sqlite.prepare('SELECT code, name, address, established_on FROM objects ORDER BY code').all()
    expect(rows).toEqual([
      { code: uscc(1), name: '泗阳县城厢街道小方超市', address: '城厢街道人民路1号', established_on: '2019-03-05' },
      { code: uscc(2), name: '泗阳县众兴镇𠀀记餐馆 & 小吃', address: '众兴镇', established_on: null }
    ])
  })

  for (const [name, what] of [
    ['旧表.xls', '旧版 Excel'],
    ['名录.et', 'WPS 表格']
  ]) {
    it(`refuses ${name} with what to do`, async () => {
      const file = t.path(name)
      writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))
      await expect(importObjects(t.ctx, file)).rejects.toThrow(/请在 Excel\/WPS 中另存为 \.xlsx/)
      await expect(importObjects(t.ctx, file)).rejects.toThrow(what)
    })
  }

  it('a damaged .xlsx gets a Chinese sentence without English words', async () => {
    const file = t.path('坏.xlsx')
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]))
    const e = await importObjects(t.ctx, file).catch((x: Error) => x)
    expect((e as Error).message).toMatch(/文件已损坏/)
    // Product names and the extension are what the clerk sees in Excel/WPS; no library or parser wording.
    expect((e as Error).message.replace(/Excel|WPS|\.xlsx/g, '')).not.toMatch(/[A-Za-z]{3,}/)
  })
})

describe('CSV in', () => {
  const header = '序号,统一社会信用代码,市场主体名称,住所,经营范围\r\n'
  const body = () => `1,${uscc(1)},泗阳县城厢街道小方超市,"城厢街道人民路1号,东",食品销售\r\n2,${uscc(2)},泗阳县众兴镇老王餐馆,众兴镇,"餐饮服务""含凉菜"""\r\n`

  const stored = () => t.ctx.sqlite.prepare('SELECT code, name, address, business_scope AS scope FROM objects ORDER BY code').all()
  const expected = () => [
    { code: uscc(1), name: '泗阳县城厢街道小方超市', address: '城厢街道人民路1号,东', scope: '食品销售' },
    { code: uscc(2), name: '泗阳县众兴镇老王餐馆', address: '众兴镇', scope: '餐饮服务"含凉菜"' }
  ]

  it('GBK without a byte-order mark (what Chinese Excel saves) is read as GB18030 and says so', async () => {
    const file = t.path('名录-gbk.csv')
    writeFileSync(file, encodeGbk(header + body()))
    const r = await importObjects(t.ctx, file)
    expect(r.rejects).toEqual([])
    expect(r.encoding).toBe('GB18030')
    expect(stored()).toEqual(expected())
  })

  it('UTF-8 with and without a byte-order mark', async () => {
    const a = t.path('a.csv')
    writeFileSync(a, '\ufeff' + header + body())
    expect((await importObjects(t.ctx, a)).encoding).toBe('UTF-8（带 BOM）')
    expect(stored()).toEqual(expected())
    const b = t.path('b.csv')
    writeFileSync(b, header + body().replace(/\r\n/g, '\n'))
    const r = await importObjects(t.ctx, b)
    expect(r.encoding).toBe('UTF-8')
    expect(r.unchanged).toBe(2)
  })
})

describe('CSV out', () => {
  it('neutralises formulas in every cell and reads them back unchanged', async () => {
    const nasty = ['=HYPERLINK("http://x","点我")', '+1+2', '@SUM(1,2)', '-abc', '\t=1', '\r=1', "'=1"]
    const file = t.path('out.csv')
    await writeCsv(file, ['a', 'b'], nasty.map((v) => [v, -5]))
    const text = (await import('node:fs')).readFileSync(file, 'utf8')
    const lines = text.slice(1).split('\r\n')
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""点我"")",-5`)
    expect(lines[2]).toBe(`'+1+2,-5`)
    expect(lines[3]).toBe(`"'@SUM(1,2)",-5`)
    expect(lines[4]).toBe(`'-abc,-5`)
    expect(lines[5]).toBe(`'\t=1,-5`)
    expect(lines[7]).toBe(`''=1,-5`)

    // Through a registry: the values come back exactly as stored.
    const ins = t.ctx.sqlite.prepare(`INSERT INTO objects (code, kind, name, address, remark, created_at, updated_at) VALUES (?, 'market', ?, ?, ?, 'x', 'x')`)
    ins.run(uscc(1), '=HYPERLINK("http://x","点我")', '+1+2', "'=1")
    ins.run(uscc(2), '@SUM(1,2)', '-abc', '-5')
    const before = t.ctx.sqlite.prepare('SELECT * FROM objects ORDER BY id').all()
    const csv = t.path('objects.csv')
    await exportRegistry(t.ctx, 'objects', csv)
    expect((await import('node:fs')).readFileSync(csv, 'utf8')).toContain(`"'=HYPERLINK(`)
    const r = await importObjects(t.ctx, csv)
    expect({ imported: r.imported, updated: r.updated, unchanged: r.unchanged }).toEqual({ imported: 0, updated: 0, unchanged: 2 })
    expect(t.ctx.sqlite.prepare('SELECT * FROM objects ORDER BY id').all()).toEqual(before)

    // .xlsx keeps them as text, never formulas.
    const x = t.path('objects.xlsx')
    await exportRegistry(t.ctx, 'objects', x)
    const sheet = readZipEntry(x, readZipDirectory(x).get('xl/worksheets/sheet1.xml')!).toString('utf8')
    expect(sheet).not.toMatch(/<f>/)
  })
})

describe('resources', () => {
  it('leaves no temporary files behind', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i + 1, uscc(i + 1), `对象${i}`])
    const file = t.path('big.xlsx')
    await writeXlsx(file, [{ name: '市场主体', header: [['序号', '统一社会信用代码', '市场主体名称']], rows }])
    const before = new Set(readdirSync(tmpdir()))
    await importObjects(t.ctx, file)
    const added = readdirSync(tmpdir()).filter((n) => !before.has(n) && /^tmp-/.test(n))
    expect(added).toEqual([])
  })
})
