/**
 * What a sheet's elements mean, once: the byte reader (UTF-8 parts) and the
 * text reader (UTF-16 parts) only find the tags and texts and call the
 * builder, so a row reads the same whichever reader saw it.
 */
import { rowOfRef, serialToDate, type RawCell } from './cell'
import { decodeCellText } from './xmlText'
import type { SheetContext, SheetRowsHandler } from './sheetRows'

export const enum CellType {
  Number,
  Shared,
  Inline,
  Str,
  Bool,
  Err,
  IsoDate
}

export class CellReader {
  type = CellType.Number
  style = 0
  v: string | null = null
  inline: string[] = []
  private strings: string[] | null = null

  constructor(private readonly ctx: SheetContext) {}

  value(): RawCell {
    const v = this.v
    switch (this.type) {
      case CellType.Number: {
        if (v === null || v === '') return null
        const n = Number(v)
        if (!Number.isFinite(n)) return null
        return this.ctx.dateStyles[this.style] ? serialToDate(n, this.ctx.date1904) : n
      }
      case CellType.Shared: {
        if (v === null) return null
        this.strings ??= this.ctx.sharedStrings()
        return this.strings[Number(v)] ?? null
      }
      case CellType.Inline:
        return this.inline.length === 0 ? (v === null ? null : decodeCellText(v)) : decodeCellText(this.inline.length === 1 ? this.inline[0]! : this.inline.join(''))
      case CellType.Str:
        return v === null ? null : decodeCellText(v)
      case CellType.Bool:
        return v === null ? null : v.trim() === '1' || v.trim() === 'true'
      case CellType.Err:
        return null
      case CellType.IsoDate: {
        if (v === null) return null
        const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v)
        return Number.isNaN(d.getTime()) ? decodeCellText(v) : d
      }
    }
  }
}

/** Rows out of the elements the readers find: cells into their columns, holes as null, only inside sheetData. */
export class SheetRowBuilder {
  readonly cell: CellReader
  private row = 0
  private cells: RawCell[] = []
  private col = 0
  private inIs = false
  private rph = 0
  private inSheetData = false
  /** The text of the last v or t element. */
  lastText = ''
  done = false

  constructor(
    ctx: SheetContext,
    private readonly out: SheetRowsHandler
  ) {
    this.cell = new CellReader(ctx)
  }

  /** `col` from the cell's reference (1 = A), 0 when it has none: then the next column. */
  openCell(col: number, type: CellType, style: number): void {
    this.col = col || this.col + 1
    const c = this.cell
    c.type = type
    c.style = style
    c.v = null
    c.inline.length = 0
  }

  /** `r` as written in the row tag, or null: then the next row. */
  openRow(r: number | null): void {
    this.row = r === null ? this.row + 1 : r
    this.cells = []
    this.col = 0
  }

  openInline(selfClosing: boolean): void {
    this.inIs = !selfClosing
  }

  openPhonetic(): void {
    this.rph++
  }

  openSheetData(selfClosing: boolean): void {
    this.inSheetData = !selfClosing
  }

  dimension(ref: string): void {
    const last = ref.includes(':') ? rowOfRef(ref.slice(ref.indexOf(':') + 1)) : rowOfRef(ref)
    if (last > 0) this.out.onDimension?.(last)
  }

  closeValue(): void {
    this.cell.v = this.lastText
  }

  /** A t element: part of an inline string, unless it spells a phonetic guide. */
  closeText(): void {
    if (this.inIs && this.rph === 0) this.cell.inline.push(this.lastText)
  }

  closeInline(): void {
    this.inIs = false
  }

  closePhonetic(): void {
    if (this.rph > 0) this.rph--
  }

  closeCell(): void {
    const value = this.cell.value()
    if (value !== null && this.col > 0) this.cells[this.col - 1] = value
  }

  closeRow(): void {
    if (!this.inSheetData) return
    const cells = this.cells
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    this.out.onRow(this.row, cells)
  }

  closeSheetData(): void {
    this.inSheetData = false
    this.done = true
  }
}
