/**
 * The rows of one worksheet part, streamed: decompressed in pieces, decoded
 * with ONE streaming TextDecoder per part (a character cut by a piece boundary
 * is completed by the next piece, never replaced) and scanned by XmlScanner.
 */
import { columnOfRef, type RawCell } from './cell'
import { attrOf } from './xmlText'
import { XmlScanner, partDecoder, type PieceDecoder, type XmlHandler } from './xmlScan'
import { SheetBytes } from './sheetBytes'
import { CellType as T, SheetRowBuilder } from './cellValue'

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
  private readonly b: SheetRowBuilder

  constructor(ctx: SheetContext, out: SheetRowsHandler) {
    this.b = new SheetRowBuilder(ctx, out)
  }

  get done(): boolean {
    return this.b.done
  }

  wantsText = (local: string): boolean => local === 'v' || local === 't'

  open(local: string, tag: string, selfClosing: boolean): boolean {
    const b = this.b
    switch (local) {
      case 'c': {
        const r = attrOf(tag, 'r')
        const s = attrOf(tag, 's')
        b.openCell(r ? columnOfRef(r) : 0, typeOf(attrOf(tag, 't')), s ? Number(s) : 0)
        return false
      }
      case 'v':
      case 't':
        // An empty <v/> must not take the text of the element before it.
        if (selfClosing) b.lastText = ''
        return true
      case 'is':
        b.openInline(selfClosing)
        return false
      case 'rPh':
        // Counted when self-closing too: the scanner closes it at once.
        b.openPhonetic()
        return false
      case 'row': {
        const r = attrOf(tag, 'r')
        b.openRow(r ? Number(r) : null)
        return false
      }
      case 'sheetData':
        b.openSheetData(selfClosing)
        return false
      case 'dimension':
        b.dimension(attrOf(tag, 'ref') ?? '')
        return false
      default:
        return false
    }
  }

  text(s: string): void {
    this.b.lastText = s
  }

  close(local: string): void {
    const b = this.b
    switch (local) {
      case 'v':
        return b.closeValue()
      case 't':
        return b.closeText()
      case 'is':
        return b.closeInline()
      case 'rPh':
        return b.closePhonetic()
      case 'c':
        return b.closeCell()
      case 'row':
        return b.closeRow()
      case 'sheetData':
        return b.closeSheetData()
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
