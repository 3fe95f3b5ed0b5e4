import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import type { RawCell } from './normalize'
import { csvField } from '../../spreadsheet/csvSafe'
import { escapeOoxmlText } from '../../spreadsheet/xmlText'

export interface SheetOut {
  /** Sheet tab name (≤ 31 characters, no []:*?/\). */
  name: string
  /** Title row above the header, merged across the table; omitted when empty. */
  title?: string
  /** Header rows: usually one; 附件3 has two (抽查项目 over 抽查类别 / 检查事项). */
  header: string[][]
  /** Merges within the header, in A1 notation relative to the sheet (e.g. 'B2:C2'). */
  headerMerges?: string[]
  /** Column widths in characters. */
  widths?: number[]
  rows: Iterable<RawCell[]>
}

export function safeSheetName(s: string): string {
  return s.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1'
}

export function colLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

const BORDER = { style: 'thin' as const }
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER }

/** Writes sheets with the streaming writer: memory stays flat however many rows there are. */
export async function writeXlsx(file: string, sheets: SheetOut[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
  wb.creator = '双随机联合抽查工作台'
  for (const s of sheets) {
    const ws = wb.addWorksheet(safeSheetName(s.name), { views: [{ state: 'frozen', ySplit: (s.title ? 1 : 0) + s.header.length }] })
    const width = Math.max(...s.header.map((h) => h.length))
    ws.columns = Array.from({ length: width }, (_, i) => ({ width: s.widths?.[i] ?? 16 }))
    // Merges must be declared before the rows they touch are committed.
    const top: ExcelJS.Row[] = []
    if (s.title) {
      const r = ws.addRow([s.title])
      r.height = 30
      r.getCell(1).font = { bold: true, size: 16 }
      r.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
      top.push(r)
      ws.mergeCells(1, 1, 1, width)
    }
    for (const h of s.header) {
      const r = ws.addRow(h)
      for (let c = 1; c <= width; c++) {
        const cell = r.getCell(c)
        cell.font = { bold: true }
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
        cell.border = BORDERS
      }
      top.push(r)
    }
    for (const m of s.headerMerges ?? []) ws.mergeCells(m)
    for (const r of top) r.commit()
    let n = 0
    for (const row of s.rows) {
      // A literal “_x0041_” would be read back as an escape by Excel and by our reader: escape it.
      const r = ws.addRow(row.map((v) => (v === null ? null : typeof v === 'string' ? escapeOoxmlText(v) : v)))
      row.forEach((v, i) => {
        if (v instanceof Date) r.getCell(i + 1).numFmt = 'yyyy-mm-dd'
      })
      r.commit()
      // Let the zip stream drain now and then so a big export does not pile up in memory.
      if (++n % 5000 === 0) await new Promise((res) => setImmediate(res))
    }
    ws.commit()
  }
  await wb.commit()
}

/** CSV as Excel on Chinese Windows opens it correctly: UTF-8 with BOM, CRLF, quoted where needed, formulas neutralised. */
export async function writeCsv(file: string, header: string[], rows: Iterable<RawCell[]>): Promise<void> {
  const out = createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write('\ufeff' + header.map(csvField).join(',') + '\r\n')
  for (const row of rows) await write(row.map(csvField).join(',') + '\r\n')
  out.end()
  await once(out, 'finish')
}
