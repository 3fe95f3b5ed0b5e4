/**
 * One cell as a sheet reader meets it: the type and style its tag names and
 * the texts inside it, turned into a value in one place so that a cell reads
 * the same whether the byte reader (UTF-8 parts) or the text reader (UTF-16
 * parts) saw it.
 */
import { serialToDate, type RawCell } from './cell'
import { decodeCellText } from './xmlText'
import type { SheetContext } from './sheetRows'

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
