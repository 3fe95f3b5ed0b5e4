/** Hand-made spreadsheet files: a WPS-style .xlsx (prefixed XML, no docProps/app.xml) and GBK text. */
import { createWriteStream, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate'
import { TextDecoder } from 'node:util'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * An .xlsx as WPS writes it: every element prefixed `x:`, shared strings with
 * rich-text runs and a phonetic guide, no docProps/app.xml, one date cell.
 */
export function writeWpsXlsx(file: string, rows: (string | number | null)[][], opts: { dateCell?: [number, number, number] } = {}): void {
  const strings: string[] = []
  const idx = new Map<string, number>()
  const sheetRows = rows
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          if (v === null) return ''
          const ref = `${String.fromCharCode(65 + ci)}${ri + 1}`
          if (typeof v === 'number') {
            const s = opts.dateCell && opts.dateCell[0] === ri && opts.dateCell[1] === ci ? ' s="1"' : ''
            return `<x:c r="${ref}"${s}><x:v>${v}</x:v></x:c>`
          }
          if (!idx.has(v)) idx.set(v, strings.push(v) - 1)
          return `<x:c r="${ref}" t="s"><x:v>${idx.get(v)}</x:v></x:c>`
        })
        .join('')
      return `<x:row r="${ri + 1}">${cells}</x:row>`
    })
    .join('')
  const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  // The first string is split into two rich-text runs with a phonetic guide that must not be read as text.
  const sst = strings
    .map((s, i) =>
      i === 0 && s.length > 1
        ? `<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>${esc(s.slice(0, 1))}</x:t></x:r><x:r><x:t xml:space="preserve">${esc(s.slice(1))}</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PINYIN</x:t></x:rPh></x:si>`
        : `<x:si><x:t>${esc(s)}</x:t></x:si>`
    )
    .join('')
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><x:workbook ${NS}><x:sheets><x:sheet name="名录" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><x:styleSheet ${NS}><x:numFmts count="1"><x:numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="176" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><x:sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${sst}</x:sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><x:worksheet ${NS}><x:sheetData>${sheetRows}</x:sheetData></x:worksheet>`)
  }
  writeFileSync(file, zipSync(files))
}

let gbkTable: Map<string, number[]> | null = null

/** Encodes text as GB18030 two-byte codes (what Chinese Excel saves as “CSV”), built from the platform's decoder. */
export function encodeGbk(s: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const d = new TextDecoder('gb18030')
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue
        const ch = d.decode(new Uint8Array([a, b]))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b])
      }
  }
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else {
      const bytes = gbkTable.get(ch)
      if (!bytes) throw new Error(`no GBK code for ${ch}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}

/**
 * A minimal .xlsx with `rows` data rows under a header (序号, 统一社会信用代码,
 * 名称), written as a stream so that a 1,048,576-row sheet takes little memory
 * to make. With `dimension` the sheet states its size up front, as Excel does;
 * without, a reader only learns it by reading.
 */
export async function writeTallXlsx(file: string, rows: number, opts: { dimension: boolean; code: (i: number) => string; statedRows?: number }): Promise<void> {
  const out = createWriteStream(file)
  let pending: Promise<unknown> = Promise.resolve()
  let failed: unknown = null
  const zip = new Zip((err, chunk) => {
    if (err) failed = err
    else if (!out.write(chunk)) pending = once(out, 'drain')
  })
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 1 })
    zip.add(f)
    f.push(strToU8(text), true)
  }
  add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
  add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
  add('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="市场主体" sheetId="1" r:id="rId1"/></sheets></workbook>')
  add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 })
  zip.add(sheet)
  const total = rows + 1
  sheet.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.dimension ? `<dimension ref="A1:C${opts.statedRows ?? total}"/>` : ''}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>统一社会信用代码</t></is></c><c r="C1" t="inlineStr"><is><t>名称</t></is></c></row>`))
  let buf: string[] = []
  for (let i = 1; i <= rows; i++) {
    const r = i + 1
    buf.push(`<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="inlineStr"><is><t>${opts.code(i)}</t></is></c><c r="C${r}" t="inlineStr"><is><t>泗阳县测试商行${i}</t></is></c></row>`)
    if (buf.length === 5000) {
      sheet.push(strToU8(buf.join('')))
      buf = []
      await pending
      if (failed) throw failed
    }
  }
  sheet.push(strToU8(buf.join('') + '</sheetData></worksheet>'), true)
  zip.end()
  await pending
  out.end()
  await once(out, 'finish')
  if (failed) throw failed
}
