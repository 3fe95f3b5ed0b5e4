/**
 * The small parts of an .xlsx that say how to read the sheets: the sheet list
 * (workbook.xml and its relationships), which styles are dates (styles.xml)
 * and the shared strings. Read whole; their sizes are checked first.
 */
import { attrOf, decodeCellText } from './xmlText'
import { scanXml } from './xmlScan'

export interface SheetRef {
  name: string
  /** 1-based position in the workbook. */
  index: number
  hidden: boolean
  /** Zip path of the sheet part, lower case. */
  part: string
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1).toLowerCase()
  const parts = base.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.' && seg) parts.push(seg)
  }
  return parts.join('/').toLowerCase()
}

export interface Relationship {
  id: string
  type: string
  part: string
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function parseRels(bytes: Uint8Array, ownerPart: string): Relationship[] {
  const out: Relationship[] = []
  scanXml(bytes, {
    open(local, tag) {
      if (local === 'Relationship') {
        const id = attrOf(tag, 'Id')
        const target = attrOf(tag, 'Target')
        if (id && target && attrOf(tag, 'TargetMode') !== 'External') out.push({ id, type: attrOf(tag, 'Type') ?? '', part: resolvePart(ownerPart, target) })
      }
      return false
    },
    text() {},
    close() {}
  })
  return out
}

export interface WorkbookInfo {
  sheets: { name: string; relId: string; hidden: boolean }[]
  date1904: boolean
}

export function parseWorkbook(bytes: Uint8Array): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false }
  scanXml(bytes, {
    open(local, tag) {
      if (local === 'sheet') {
        // The relationship id is `r:id` in Excel's files; the prefix is whatever the file binds.
        const relId = /\s[A-Za-z_][\w.-]*:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? ''
        const state = attrOf(tag, 'state')
        info.sheets.push({ name: attrOf(tag, 'name') ?? '', relId, hidden: state === 'hidden' || state === 'veryHidden' })
      } else if (local === 'workbookPr') {
        const v = attrOf(tag, 'date1904')
        info.date1904 = v === '1' || v === 'true'
      }
      return false
    },
    text() {},
    close() {}
  })
  return info
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** A custom number format shows a date when, outside quotes, brackets and escapes, it has y, m, d, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!
  return /[ymdhsYMDHS]/.test(bare) && !/^[#0.,%\sE+-]*$/.test(bare)
}

/** For each cell style index (the `s` of a cell), whether it shows a date. */
export function parseDateStyles(bytes: Uint8Array): boolean[] {
  const custom = new Map<number, string>()
  const xfFormats: number[] = []
  let inCellXfs = false
  scanXml(bytes, {
    open(local, tag, selfClosing) {
      if (local === 'numFmt') custom.set(Number(attrOf(tag, 'numFmtId')), attrOf(tag, 'formatCode') ?? '')
      else if (local === 'cellXfs') inCellXfs = !selfClosing
      else if (local === 'xf' && inCellXfs) xfFormats.push(Number(attrOf(tag, 'numFmtId') ?? 0))
      return false
    },
    text() {},
    close(local) {
      if (local === 'cellXfs') inCellXfs = false
    }
  })
  return xfFormats.map((id) => (custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)))
}

/** Shared strings: rich-text runs joined; phonetic guides (rPh) left out. */
export function parseSharedStrings(bytes: Uint8Array): string[] {
  const out: string[] = []
  let parts: string[] = []
  let inSi = false
  let rph = 0
  scanXml(
    bytes,
    {
      open(local, _tag, selfClosing) {
        if (local === 'si') {
          parts = []
          inSi = true
        } else if (local === 'rPh' && !selfClosing) rph++
        return false
      },
      text(s) {
        if (inSi && rph === 0) parts.push(s)
      },
      close(local) {
        if (local === 'si' && inSi) {
          out.push(decodeCellText(parts.length === 1 ? parts[0]! : parts.join('')))
          inSi = false
        } else if (local === 'rPh') rph--
      }
    },
    (local) => local === 't'
  )
  return out
}
