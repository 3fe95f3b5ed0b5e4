/**
 * CSV in: the encoding is decided per file — a byte-order mark, else strict
 * UTF-8, else GB18030 (what Chinese Excel and WPS write, GBK being a subset) —
 * then fields are split as RFC 4180 with Excel's habits (CRLF or LF, quotes
 * doubled, line breaks inside quotes). Streamed: one decoder across pieces.
 */
import { TextDecoder } from 'node:util'
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import type { RawCell } from './cell'

export type CsvEncoding = 'UTF-8' | 'UTF-8（带 BOM）' | 'GB18030' | 'UTF-16'

/** Decides the encoding by reading the file once with a fatal UTF-8 decoder (no text kept). */
export async function detectCsvEncoding(file: string): Promise<CsvEncoding> {
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(3)
  let n = 0
  try {
    n = readSync(fd, head, 0, 3, 0)
  } finally {
    closeSync(fd)
  }
  if (n >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8（带 BOM）'
  if (n >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'UTF-16'
  const d = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) d.decode(c as Buffer, { stream: true })
    d.decode()
    return 'UTF-8'
  } catch {
    return 'GB18030'
  }
}

function decoderFor(enc: CsvEncoding, first: Buffer | undefined): TextDecoder {
  if (enc === 'GB18030') return new TextDecoder('gb18030')
  if (enc === 'UTF-16') return new TextDecoder(first && first[0] === 0xfe ? 'utf-16be' : 'utf-16le')
  return new TextDecoder('utf-8', { fatal: true })
}

export interface CsvReadOptions {
  onRow(row: number, cells: RawCell[]): void
  check?: () => void
}

/** Splits CSV text pushed in pieces into rows; a row is only emitted once its end is seen. */
export class CsvSplitter {
  private field = ''
  private fields: string[] = []
  private quoted = false
  private afterQuote = false
  private pendingCR = false
  private row = 0
  private sep = ','
  private sepKnown = false

  constructor(private readonly onRow: (row: number, cells: RawCell[]) => void) {}

  push(s: string): void {
    if (!this.sepKnown) {
      // A file saved as “Unicode 文本” by Excel is tab separated; otherwise comma.
      const nl = s.search(/[\r\n]/)
      const firstLine = nl < 0 ? s : s.slice(0, nl)
      this.sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
      this.sepKnown = true
    }
    const sep = this.sep
    let field = this.field
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!
      if (this.pendingCR) {
        this.pendingCR = false
        if (ch === '\n') continue
      }
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false
          this.afterQuote = true
        } else field += ch
        continue
      }
      if (ch === '"') {
        // A doubled quote inside a quoted field, or a quote opening a field.
        if (this.afterQuote) field += '"'
        this.quoted = true
        this.afterQuote = false
        continue
      }
      this.afterQuote = false
      if (ch === sep) {
        this.fields.push(field)
        field = ''
      } else if (ch === '\r' || ch === '\n') {
        this.fields.push(field)
        field = ''
        this.emit()
        if (ch === '\r') this.pendingCR = true
      } else field += ch
    }
    this.field = field
  }

  end(): void {
    if (this.field !== '' || this.fields.length > 0) {
      this.fields.push(this.field)
      this.field = ''
      this.emit()
    }
  }

  private emit(): void {
    this.row++
    const cells: RawCell[] = this.fields.map((f) => (f === '' ? null : f))
    this.fields = []
    this.onRow(this.row, cells)
  }
}

export async function readCsv(file: string, enc: CsvEncoding, opts: CsvReadOptions): Promise<void> {
  let decoder: TextDecoder | null = null
  const split = new CsvSplitter(opts.onRow)
  for await (const c of createReadStream(file, { highWaterMark: 1 << 18 })) {
    opts.check?.()
    decoder ??= decoderFor(enc, c as Buffer)
    split.push(decoder.decode(c as Buffer, { stream: true }))
  }
  if (decoder) split.push(decoder.decode())
  split.end()
}
