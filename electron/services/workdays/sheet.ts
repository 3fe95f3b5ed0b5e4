/**
 * Reads the State Council's yearly holiday notice as the office typed it:
 * an .xlsx sheet or a .csv with the columns 日期, 类型 (休/班) and 名称,
 * title rows and notes allowed. CSV from Excel on a Chinese PC is often
 * GB18030; UTF-8 (with or without BOM) is tried first.
 */
import { readFileSync, existsSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { UserError } from '../errors'
import { readTable } from '../registry/spreadsheet/reader'
import { findHeader, isNoteText, type FieldSpec } from '../registry/spreadsheet/headers'
import { cellText, parseDate, type RawCell } from '../registry/spreadsheet/normalize'

export interface HolidaySheetRow {
  row: number
  date: string
  kind: '休' | '班'
  name: string
}

export interface HolidaySheet {
  rows: HolidaySheetRow[]
  rejected: { row: number; reason: string }[]
}

export const HOLIDAY_FIELDS: FieldSpec[] = [
  { key: 'date', label: '日期', aliases: ['日期（年月日）', '放假日期', '时间'] },
  { key: 'kind', label: '类型', aliases: ['类型（休/班）', '休/班', '放假或上班', '安排'] },
  { key: 'name', label: '名称', aliases: ['节日', '节日名称', '节假日', '节假日名称', '备注'] }
]
const REQUIRED = [['date'], ['kind']]

const KIND_WORDS: Record<string, '休' | '班'> = { 休: '休', 放假: '休', 休息: '休', 假: '休', 班: '班', 上班: '班', 补班: '班', 调休上班: '班', 工作日: '班' }

/** One data row → a day of the arrangement, or the reason it cannot be one. */
function toRow(row: number, date: RawCell, kind: RawCell, name: RawCell): HolidaySheetRow | { row: number; reason: string } {
  const d = parseDate(date)
  if (!d.ok) return { row, reason: `日期“${d.raw}”无法识别，请写成 2027-01-01 这样的日期。` }
  if (!d.value) return { row, reason: '日期为空，请填写日期。' }
  const k = KIND_WORDS[cellText(kind).replace(/\s/g, '')]
  if (!k) return { row, reason: `类型“${cellText(kind)}”无法识别，放假的日期填“休”，调休上班的日期填“班”。` }
  return { row, date: d.value, kind: k, name: cellText(name) }
}

function collect(rows: { row: number; date: RawCell; kind: RawCell; name: RawCell }[]): HolidaySheet {
  const out: HolidaySheet = { rows: [], rejected: [] }
  for (const r of rows) {
    const texts = [r.date, r.kind, r.name].map((c) => cellText(c))
    if (texts.every((t) => !t)) continue
    if (!texts[1] && !texts[2] && isNoteText(texts[0]!)) continue
    const x = toRow(r.row, r.date, r.kind, r.name)
    if ('reason' in x) out.rejected.push(x)
    else out.rows.push(x)
  }
  return out
}

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let cell = ''
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === '\t') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

export function decodeCsv(buf: Buffer): string {
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return new TextDecoder('gb18030').decode(body)
  }
}

function readCsv(file: string): HolidaySheet {
  const lines = parseCsv(decodeCsv(readFileSync(file))).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() ? c.trim() : null)) as RawCell[] }))
  const header = findHeader(lines.slice(0, 15), HOLIDAY_FIELDS, REQUIRED)
  if (!header) throw new UserError(`“${basename(file)}”中找不到“日期”“类型”两列。请在第一行写上列名：日期、类型（休/班）、名称。`, 'no-header')
  const at = (cells: RawCell[], key: string) => (header.columns[key] ? (cells[header.columns[key]! - 1] ?? null) : null)
  const last = Math.max(...header.headerRows)
  return collect(lines.filter((l) => l.row > last).map((l) => ({ row: l.row, date: at(l.cells, 'date'), kind: at(l.cells, 'kind'), name: at(l.cells, 'name') })))
}

async function readXlsx(file: string): Promise<HolidaySheet> {
  const rows: { row: number; date: RawCell; kind: RawCell; name: RawCell }[] = []
  await readTable(file, {
    fields: HOLIDAY_FIELDS,
    required: REQUIRED,
    onRow: (r) => {
      const at = (key: string) => (r.sheet.columns[key] ? (r.cells[r.sheet.columns[key]! - 1] ?? null) : null)
      rows.push({ row: r.row, date: at('date'), kind: at('kind'), name: at('name') })
    }
  })
  return collect(rows)
}

export async function readHolidaySheet(file: string): Promise<HolidaySheet> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`找不到文件“${file}”，请检查路径后重试。`, 'unreadable')
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.txt') return readCsv(file)
  return readXlsx(file)
}
