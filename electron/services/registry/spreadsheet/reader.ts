import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import { UserError } from '../../errors'
import { cellText, plainCell, type RawCell } from './normalize'
import { findHeader, isNoteText, type FieldSpec, type HeaderMatch } from './headers'

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
  const name = basename(file)
  if (!existsSync(file)) throw new UserError(`找不到文件“${file}”，请检查路径后重试。`, 'unreadable')
  if (!statSync(file).isFile()) throw new UserError(`“${file}”不是文件，请选择一个 .xlsx 表格文件。`, 'unreadable')
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(8)
  let n = 0
  try {
    n = readSync(fd, head, 0, 8, 0)
  } finally {
    closeSync(fd)
  }
  if (n >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new UserError(`“${name}”是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为”.xlsx 格式后再导入。`, 'unreadable')
  }
  if (n < 4 || head.readUInt32BE(0) !== 0x504b0304) {
    throw new UserError(`“${name}”不是 Excel 表格（.xlsx）文件，无法读取。请选择 .xlsx 格式的文件。`, 'unreadable')
  }
}

function rowCells(values: unknown, width?: number): RawCell[] {
  const arr = Array.isArray(values) ? values : []
  const n = width ?? Math.max(0, arr.length - 1)
  const out: RawCell[] = new Array(n)
  for (let i = 0; i < n; i++) out[i] = plainCell(arr[i + 1])
  return out
}

/**
 * Streams every sheet of an .xlsx file: finds each sheet's header among its
 * first rows, then hands over the data rows (blank rows, rows holding only a
 * 序号, and notes under the table are left out). Sheets without a recognisable
 * header (instructions, lookups) are skipped; a workbook with none is refused.
 */
export async function readTable(file: string, opts: ReadOptions): Promise<ReadSummary> {
  assertXlsxFile(file)
  const scan = opts.scanRows ?? 15
  const onRow = guarded(opts.onRow)
  const onSheet = guarded(opts.onSheet)
  const sheets: SheetHeader[] = []
  let rowsRead = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore'
  })
  let sheetIndex = 0
  try {
    for await (const ws of reader) {
      sheetIndex++
      const sheetName = (ws as unknown as { name?: string }).name ?? `Sheet${sheetIndex}`
      const top: { row: number; cells: RawCell[] }[] = []
      let header: SheetHeader | null = null
      let decided = false
      let inNotes = false
      const seqCol = () => (header?.columns.seq ?? 0) - 1

      const decide = () => {
        decided = true
        const m = findHeader(top, opts.fields, opts.required)
        if (!m) return
        const first = m.headerRows[0]!
        const last = m.headerRows[m.headerRows.length - 1]!
        let width = 0
        m.captions.forEach((c, i) => {
          if (c) width = i + 1
        })
        header = {
          ...m,
          sheetName,
          sheetIndex,
          width,
          titleLines: top
            .filter((r) => r.row < first)
            .map((r) => r.cells.map((c) => cellText(c)).filter(Boolean).join(' '))
            .filter(Boolean)
        }
        sheets.push(header)
        onSheet(header)
        for (const r of top) if (r.row > last) handle(r.row, r.cells)
      }

      const handle = (row: number, all: RawCell[]) => {
        const h = header!
        const cells = all.slice(0, h.width)
        while (cells.length < h.width) cells.push(null)
        // Cheap emptiness test first: this runs for every cell of every row.
        let count = 0
        let first = ''
        let onlySeq = true
        const seq = seqCol()
        for (let i = 0; i < cells.length; i++) {
          const c = cells[i]!
          if (c === null || (typeof c === 'string' && !c.trim())) continue
          if (count === 0) first = cellText(c)
          count++
          if (i !== seq) onlySeq = false
        }
        if (count === 0 || onlySeq) return
        if (isNoteText(first) || (inNotes && count <= 1)) {
          inNotes = true
          return
        }
        rowsRead++
        onRow({ sheet: h, row, cells })
        if (rowsRead % 2000 === 0) opts.onProgress?.(rowsRead)
      }

      for await (const row of ws) {
        checkAborted(opts.signal)
        if (!decided) {
          top.push({ row: row.number, cells: rowCells(row.values) })
          if (row.number >= scan) decide()
          continue
        }
        if (header) handle(row.number, rowCells(row.values, (header as SheetHeader).width))
      }
      if (!decided) decide()
    }
  } catch (e) {
    if (e instanceof CallbackFailure) throw e.error
    if (e instanceof UserError) throw e
    throw new UserError(`无法读取“${basename(file)}”：文件已损坏或不是有效的 .xlsx 表格（${(e as Error).message}）。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`, 'unreadable')
  }
  if (sheets.length === 0) {
    const expected = opts.fields.slice(0, 6).map((f) => f.label).join('、')
    throw new UserError(`在“${basename(file)}”的前 ${scan} 行中没有找到表头，请确认表格含有“${expected}”等列名（可参照空白模板）。`, 'unreadable')
  }
  opts.onProgress?.(rowsRead)
  return { sheets, rows: rowsRead }
}
