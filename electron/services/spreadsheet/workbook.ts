/**
 * Opening an .xlsx for reading: the zip directory, the sheet list, and, when a
 * sheet needs them, the shared strings. Sheets are then streamed row by row
 * (sheetRows.ts). Works for Excel's and WPS's files alike (WPS leaves out
 * docProps/app.xml and may prefix every element, `x:row`).
 */
import { readZipDirectory, readZipEntry, streamZipEntry, type ZipEntry } from './zip'
import { parseDateStyles, parseRels, parseSharedStrings, parseWorkbook, type SheetRef } from './parts'
import { SheetStream, type SheetRowsHandler } from './sheetRows'

/** Parts read whole must stay small; a bigger one is refused before it is decompressed. */
const MAX_SMALL_PART = 64 * 1048576
/** Shared strings beyond this would not fit the memory the import may use. */
export const MAX_SHARED_STRINGS_BYTES = 400 * 1048576

export class WorkbookFormatError extends Error {}

export interface XlsxBook {
  file: string
  sheets: SheetRef[]
  date1904: boolean
  dateStyles: boolean[]
  sharedStrings: () => string[]
  entries: Map<string, ZipEntry>
}

function small(file: string, entries: Map<string, ZipEntry>, part: string): Buffer | null {
  const e = entries.get(part)
  if (!e) return null
  if (e.size > MAX_SMALL_PART) throw new WorkbookFormatError(`${part} 过大`)
  return readZipEntry(file, e)
}

export function openXlsx(file: string): XlsxBook {
  const entries = readZipDirectory(file)
  // The workbook part is named by the package's root relationships; xl/workbook.xml when they are missing.
  const rootRels = small(file, entries, '_rels/.rels')
  const wbPart = (rootRels && parseRels(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.part) || 'xl/workbook.xml'
  const wbBytes = small(file, entries, wbPart)
  if (!wbBytes) throw new WorkbookFormatError('没有工作簿')
  const info = parseWorkbook(wbBytes)
  const relsPart = wbPart.replace(/[^/]*$/, (n) => `_rels/${n}.rels`)
  const rels = parseRels(small(file, entries, relsPart) ?? new Uint8Array(), wbPart)
  const byId = new Map(rels.map((r) => [r.id, r]))
  const sheets: SheetRef[] = []
  info.sheets.forEach((s, i) => {
    const rel = byId.get(s.relId)
    // Chart sheets and dialog sheets have no cells.
    if (!rel || !/\/worksheet$/.test(rel.type) || !entries.has(rel.part)) return
    sheets.push({ name: s.name || `Sheet${i + 1}`, index: i + 1, hidden: s.hidden, part: rel.part })
  })
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.part ?? 'xl/styles.xml'
  const stylesBytes = small(file, entries, stylesPart)
  const sstPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.part ?? 'xl/sharedstrings.xml'
  let sst: string[] | null = null
  return {
    file,
    sheets,
    date1904: info.date1904,
    dateStyles: stylesBytes ? parseDateStyles(stylesBytes) : [],
    entries,
    sharedStrings: () => {
      if (sst) return sst
      const e = entries.get(sstPart)
      if (!e) return (sst = [])
      if (e.size > MAX_SHARED_STRINGS_BYTES) throw new WorkbookFormatError('共享字符串过大')
      return (sst = parseSharedStrings(readZipEntry(file, e)))
    }
  }
}

export interface ReadSheetOptions extends SheetRowsHandler {
  signal?: AbortSignal
  /** Checked between pieces: a thrown error stops the read (cancel, limits). */
  check?: () => void
  /** Size of the decompressed pieces (tests make it small to cut characters everywhere). */
  chunkSize?: number
}

/** Decompressed piece size for sheets: larger pieces cost less per byte (measured ~10% on a 120 MB sheet) and stay small. */
const SHEET_PIECE = 1 << 20

/** Streams the rows of one sheet. Stops at the end of sheetData. */
export async function readSheet(book: XlsxBook, sheet: SheetRef, opts: ReadSheetOptions): Promise<void> {
  const entry = book.entries.get(sheet.part)
  if (!entry) throw new WorkbookFormatError(`缺少工作表 ${sheet.name}`)
  const stream = new SheetStream({ sharedStrings: book.sharedStrings, dateStyles: book.dateStyles, date1904: book.date1904 }, opts)
  for await (const piece of streamZipEntry(book.file, entry, opts.chunkSize ?? SHEET_PIECE)) {
    opts.check?.()
    stream.push(piece)
    if (stream.done) return
  }
  stream.end()
}
