import { basename, extname } from 'node:path'
import { UserError } from '../../errors'
import { cellText, type RawCell } from './normalize'
import { findHeader, isNoteText, type FieldSpec, type HeaderMatch } from './headers'
import { sheetFileKind } from '../../spreadsheet/fileKind'
import { openXlsx, readSheet } from '../../spreadsheet/workbook'
import { detectCsvEncoding, readCsv, type CsvEncoding } from '../../spreadsheet/csv'
import { unguardCsvText } from '../../spreadsheet/csvSafe'
import { MAX_IMPORT_ROWS, tooManyRows } from './limits'

export interface SheetHeader extends HeaderMatch {
  sheetName: string
  sheetIndex: number
  /** Non-empty texts of the rows above the header (the title, e.g. “（某局）检查对象名录库（市场主体）”). */
  titleLines: string[]
  /** Width of the header (number of columns with a caption). */
  width: number
}

export interface SheetRow {
  sheet: SheetHeader
  /** Row number exactly as Excel shows it. */
  row: number
  /** Raw values, index 0 = column A, as wide as the header. */
  cells: RawCell[]
}

export interface ReadOptions {
  fields: FieldSpec[]
  /** Groups of field keys; each group needs at least one of its fields in the header. */
  required: string[][]
  signal?: AbortSignal
  /** How many rows at the top of a sheet may hold titles and the header. */
  scanRows?: number
  onSheet?: (h: SheetHeader) => void
  onRow: (r: SheetRow) => void
  /** Called every few thousand rows with the count of data rows so far. */
  onProgress?: (rowsRead: number) => void
}

export interface ReadSummary {
  sheets: SheetHeader[]
  rows: number
  /** The encoding a CSV file was read in; absent for .xlsx. */
  encoding?: CsvEncoding
}

export const CANCELLED = 'cancelled'

/** Carries an error thrown by our own callbacks past the “file is damaged” wrapping meant for exceljs errors. */
class CallbackFailure {
  constructor(readonly error: unknown) {}
}

function guarded<A extends unknown[]>(fn: ((...a: A) => void) | undefined): (...a: A) => void {
  return (...a) => {
    try {
      fn?.(...a)
    } catch (e) {
      throw new CallbackFailure(e)
    }
  }
}

export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('导入已取消，数据库未作任何改动。', CANCELLED)
}

/** Refuses, with a sentence the user can act on, files that are not .xlsx workbooks. */
export function assertXlsxFile(file: string): void {
  sheetFileKind(file, false)
}

/**
 * One sheet of the table being read: finds its header among the first rows,
 * then hands over the data rows (blank rows, rows holding only a 序号, and
 * notes under the table are left out).
 */
class TableSheet {
  private readonly top: { row: number; cells: RawCell[] }[] = []
  private header: SheetHeader | null = null
  private decided = false
  private inNotes = false

  constructor(
    private readonly sheetName: string,
    private readonly sheetIndex: number,
    private readonly opts: ReadOptions,
    private readonly found: SheetHeader[],
    private readonly counter: { rows: number },
    private readonly onRow: (r: SheetRow) => void,
    private readonly onSheet: (h: SheetHeader) => void
  ) {}

  row(row: number, cells: RawCell[]): void {
    if (!this.decided) {
      this.top.push({ row, cells })
      if (row >= (this.opts.scanRows ?? 15)) this.decide()
      return
    }
    if (this.header) this.handle(row, cells)
  }

  finish(): void {
    if (!this.decided) this.decide()
  }

  private decide(): void {
    this.decided = true
    const top = this.top
    const m = findHeader(top, this.opts.fields, this.opts.required)
    if (!m) return
    const first = m.headerRows[0]!
    const last = m.headerRows[m.headerRows.length - 1]!
    let width = 0
    m.captions.forEach((c, i) => {
      if (c) width = i + 1
    })
    const header: SheetHeader = {
      ...m,
      sheetName: this.sheetName,
      sheetIndex: this.sheetIndex,
      width,
      titleLines: top
        .filter((r) => r.row < first)
        .map((r) => r.cells.map((c) => cellText(c)).filter(Boolean).join(' '))
        .filter(Boolean)
    }
    this.header = header
    this.found.push(header)
    this.onSheet(header)
    for (const r of top) if (r.row > last) this.handle(r.row, r.cells)
    this.top.length = 0
  }

  private handle(row: number, all: RawCell[]): void {
    const h = this.header!
    const cells = all.length > h.width ? all.slice(0, h.width) : all
    while (cells.length < h.width) cells.push(null)
    // Cheap emptiness test first: this runs for every cell of every row.
    let count = 0
    let first = ''
    let onlySeq = true
    const seq = (h.columns.seq ?? 0) - 1
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!
      if (c === null || (typeof c === 'string' && !c.trim())) continue
      if (count === 0) first = cellText(c)
      count++
      if (i !== seq) onlySeq = false
    }
    if (count === 0 || onlySeq) return
    if (isNoteText(first) || (this.inNotes && count <= 1)) {
      this.inNotes = true
      return
    }
    if (++this.counter.rows > MAX_IMPORT_ROWS) throw tooManyRows()
    this.onRow({ sheet: h, row, cells })
    if (this.counter.rows % 2000 === 0) this.opts.onProgress?.(this.counter.rows)
  }
}

function damaged(file: string): UserError {
  return new UserError(`无法读取“${basename(file)}”：文件已损坏或不是有效的 .xlsx 表格。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`, 'unreadable')
}

/**
 * Streams every sheet of an .xlsx file (or the one table of a .csv): finds
 * each sheet's header among its first rows, then hands over the data rows.
 * Sheets without a recognisable header (instructions, lookups) are skipped;
 * a workbook with none is refused. More than MAX_IMPORT_ROWS data rows are
 * refused (at once when the sheet states its size).
 */
export async function readTable(file: string, opts: ReadOptions): Promise<ReadSummary> {
  const kind = sheetFileKind(file, true)
  const scan = opts.scanRows ?? 15
  const onRow = guarded(opts.onRow)
  const onSheet = guarded(opts.onSheet)
  const sheets: SheetHeader[] = []
  const counter = { rows: 0 }
  const check = () => checkAborted(opts.signal)
  let encoding: CsvEncoding | undefined
  try {
    if (kind === 'csv') {
      encoding = await detectCsvEncoding(file)
      const t = new TableSheet(basename(file, extname(file)), 1, opts, sheets, counter, onRow, onSheet)
      await readCsv(file, encoding, {
        check,
        onRow: (row, cells) => {
          for (let i = 0; i < cells.length; i++) if (typeof cells[i] === 'string') cells[i] = unguardCsvText(cells[i] as string)
          t.row(row, cells)
        }
      })
      t.finish()
    } else {
      const book = openXlsx(file)
      for (const ref of book.sheets) {
        check()
        const t = new TableSheet(ref.name, ref.index, opts, sheets, counter, onRow, onSheet)
        await readSheet(book, ref, {
          check,
          // A sheet that says it is too big is refused before its rows are read.
          onDimension: (lastRow) => {
            if (lastRow - scan > MAX_IMPORT_ROWS) throw tooManyRows()
          },
          onRow: (row, cells) => t.row(row, cells)
        })
        t.finish()
      }
    }
  } catch (e) {
    if (e instanceof CallbackFailure) throw e.error
    if (e instanceof UserError) throw e
    if (kind === 'csv') throw new UserError(`无法读取“${basename(file)}”：文件内容不是可识别的文字表格。请用 Excel 或 WPS 打开后另存为 .xlsx 或 .csv 再导入。`, 'unreadable')
    throw damaged(file)
  }
  if (sheets.length === 0) {
    const expected = opts.fields.slice(0, 6).map((f) => f.label).join('、')
    throw new UserError(`在“${basename(file)}”的前 ${scan} 行中没有找到表头，请确认表格含有“${expected}”等列名（可参照空白模板）。`, 'unreadable')
  }
  opts.onProgress?.(counter.rows)
  return { sheets, rows: counter.rows, encoding }
}
