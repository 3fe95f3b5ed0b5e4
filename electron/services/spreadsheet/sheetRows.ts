/**
 * The rows of one worksheet part, streamed: decompressed in pieces, decoded
 * with ONE streaming TextDecoder per part (a character cut by a piece boundary
 * is completed by the next piece, never replaced) and scanned by XmlScanner.
 */
import { columnOfRef, rowOfRef, type RawCell } from './cell'
import { attrOf } from './xmlText'
import { XmlScanner, partDecoder, type PieceDecoder, type XmlHandler } from './xmlScan'
import { SheetBytes } from './sheetBytes'
import { CellReader, CellType as T } from './cellValue'

export interface SheetContext {
  sharedStrings: () => string[]
  dateStyles: boolean[]
  date1904: boolean
}

export interface SheetRowsHandler {
  /** The sheet's stated extent (`<dimension ref="A1:P1048576">`), before any row. */
  onDimension?(lastRow: number): void
  /** Row number as Excel shows it; cells index 0 = column A, holes are null. */
  onRow(row: number, cells: RawCell[]): void
}


function typeOf(t: string | null): T {
  switch (t) {
    case null:
    case 'n':
      return T.Number
    case 's':
      return T.Shared
    case 'inlineStr':
      return T.Inline
    case 'str':
      return T.Str
    case 'b':
      return T.Bool
    case 'e':
      return T.Err
    case 'd':
      return T.IsoDate
    default:
      return T.Str
  }
}

export class SheetXmlHandler implements XmlHandler {
  private row = 0
  private cells: RawCell[] = []
  private col = 0
  private readonly cell: CellReader
  private inIs = false
  private rph = 0
  private inSheetData = false
  done = false

  constructor(
    private readonly ctx: SheetContext,
    private readonly out: SheetRowsHandler
  ) {
    this.cell = new CellReader(ctx)
  }

  wantsText = (local: string): boolean => local === 'v' || local === 't'

  open(local: string, tag: string, selfClosing: boolean): boolean {
    switch (local) {
      case 'c': {
        const r = attrOf(tag, 'r')
        this.col = r ? columnOfRef(r) || this.col + 1 : this.col + 1
        this.cell.type = typeOf(attrOf(tag, 't'))
        const s = attrOf(tag, 's')
        this.cell.style = s ? Number(s) : 0
        this.cell.v = null
        this.cell.inline.length = 0
        return false
      }
      case 'v':
      case 't':
        // An empty <v/> must not take the text of the element before it.
        if (selfClosing) this.lastText = ''
        return true
      case 'is':
        this.inIs = !selfClosing
        return false
      case 'rPh':
        // Counted when self-closing too: the scanner closes it at once.
        this.rph++
        return false
      case 'row': {
        const r = attrOf(tag, 'r')
        this.row = r ? Number(r) : this.row + 1
        this.cells = []
        this.col = 0
        return false
      }
      case 'sheetData':
        this.inSheetData = !selfClosing
        return false
      case 'dimension': {
        const ref = attrOf(tag, 'ref') ?? ''
        const last = ref.includes(':') ? rowOfRef(ref.slice(ref.indexOf(':') + 1)) : rowOfRef(ref)
        if (last > 0) this.out.onDimension?.(last)
        return false
      }
      default:
        return false
    }
  }

  private lastText = ''

  text(s: string): void {
    this.lastText = s
  }

  close(local: string): void {
    switch (local) {
      case 'v':
        this.cell.v = this.lastText
        return
      case 't':
        if (this.inIs && this.rph === 0) this.cell.inline.push(this.lastText)
        return
      case 'is':
        this.inIs = false
        return
      case 'rPh':
        this.rph--
        return
      case 'c': {
        const value = this.cell.value()
        if (value !== null && this.col > 0) this.cells[this.col - 1] = value
        return
      }
      case 'row': {
        if (!this.inSheetData) return
        const cells = this.cells
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
        this.out.onRow(this.row, cells)
        return
      }
      case 'sheetData':
        this.inSheetData = false
        this.done = true
        return
    }
  }
}

/**
 * Feeds decompressed pieces of a sheet part to the reader: UTF-8 parts (all
 * that Excel and WPS write) to the byte reader, a part marked UTF-16 through
 * one streaming decoder into the text scanner.
 */
export class SheetStream {
  private impl: { push(b: Uint8Array): void; end(): void; readonly done: boolean } | null = null
  private head: Uint8Array | null = null

  constructor(
    private readonly ctx: SheetContext,
    private readonly out: SheetRowsHandler
  ) {}

  get done(): boolean {
    return this.impl?.done ?? false
  }

  push(bytes: Uint8Array): void {
    if (!this.impl) {
      // Two bytes tell a UTF-16 byte-order mark from anything else.
      const b = this.head ? Buffer.concat([this.head, bytes]) : bytes
      if (b.length < 2) {
        this.head = Buffer.from(b)
        return
      }
      this.head = null
      this.impl = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) ? new TextSheet(this.ctx, this.out) : new SheetBytes(this.ctx, this.out)
      bytes = b
    }
    this.impl.push(bytes)
  }

  end(): void {
    if (!this.impl && this.head) this.impl = new SheetBytes(this.ctx, this.out)
    this.impl?.end()
  }
}

/** A UTF-16 part: decoded as text, then scanned. */
class TextSheet {
  private decoder: PieceDecoder | null = null
  private readonly scanner: XmlScanner
  private readonly handler: SheetXmlHandler

  constructor(ctx: SheetContext, out: SheetRowsHandler) {
    this.handler = new SheetXmlHandler(ctx, out)
    this.scanner = new XmlScanner(this.handler)
    this.scanner.wantsText = this.handler.wantsText
  }

  get done(): boolean {
    return this.handler.done
  }

  push(bytes: Uint8Array): void {
    this.decoder ??= partDecoder(bytes)
    this.scanner.push(this.decoder.decode(bytes, { stream: true }))
  }

  end(): void {
    if (this.decoder) this.scanner.push(this.decoder.decode())
    this.scanner.end()
  }
}
