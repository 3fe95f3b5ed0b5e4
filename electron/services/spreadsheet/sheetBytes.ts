/**
 * The rows of a UTF-8 worksheet part read straight from its bytes. Reading a
 * 150 000-row sheet as text first (decode every piece, then search the
 * string) cost more than everything else the import does; here tags and
 * attributes are found on the bytes and only cell texts become strings.
 *
 * Correct by construction across piece boundaries: a text is turned into a
 * string only once its closing `<` has arrived, and an incomplete tag or text
 * at the end of a piece is carried over whole, so no character is ever cut.
 * Every byte is checked to be UTF-8 exactly once (node's validator), so a
 * damaged part stops the read instead of yielding replacement characters.
 */
import { isUtf8 } from 'node:buffer'
import { attrOf } from './xmlText'
import type { SheetContext, SheetRowsHandler } from './sheetRows'
import { CellType as T, SheetRowBuilder } from './cellValue'

export class SheetEncodingError extends Error {}

/** Buffer's own slicers, without toString's argument handling (called for every cell). */
interface Slicing {
  latin1Slice?(start: number, end: number): string
  utf8Slice?(start: number, end: number): string
}
const proto = Buffer.prototype as unknown as Slicing
const latin1: (b: Buffer, s: number, e: number) => string = proto.latin1Slice ? (b, s, e) => (b as unknown as Required<Slicing>).latin1Slice(s, e) : (b, s, e) => b.toString('latin1', s, e)
const utf8: (b: Buffer, s: number, e: number) => string = proto.utf8Slice ? (b, s, e) => (b as unknown as Required<Slicing>).utf8Slice(s, e) : (b, s, e) => b.toString('utf8', s, e)

const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QMARK = 63
const COLON = 58
const EQ = 61
const DQ = 34
const SQ = 39


/** Which elements of a sheet part matter; everything else is skipped. */
const enum E {
  Other,
  C,
  V,
  T,
  Is,
  RPh,
  Row,
  SheetData,
  Dimension
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === SLASH || c === GT || c === 9 || c === 10 || c === 13
}

/** The element of the local name b[s, e) (after any `prefix:`). */
function elementOf(b: Buffer, s: number, e: number): E {
  for (let i = s; i < e; i++) if (b[i] === COLON) s = i + 1
  const len = e - s
  const c0 = b[s]
  if (len === 1) return c0 === 99 ? E.C : c0 === 118 ? E.V : c0 === 116 ? E.T : E.Other
  if (len === 2) return c0 === 105 && b[s + 1] === 115 ? E.Is : E.Other
  if (len === 3) {
    if (c0 === 114 && b[s + 1] === 111 && b[s + 2] === 119) return E.Row
    if (c0 === 114 && b[s + 1] === 80 && b[s + 2] === 104) return E.RPh
    return E.Other
  }
  if (len === 9) {
    const name = b.toString('latin1', s, e)
    return name === 'sheetData' ? E.SheetData : name === 'dimension' ? E.Dimension : E.Other
  }
  return E.Other
}

/** Start of the value of the one-letter attribute `name` within b[s, e), or -1. */
function attrValue(b: Buffer, s: number, e: number, name: number): number {
  for (let i = s + 1; i < e - 2; i++) {
    if (b[i] !== name || b[i + 1] !== EQ) continue
    const before = b[i - 1]!
    const q = b[i + 2]
    if ((isSpace(before) || before === COLON) && (q === DQ || q === SQ)) return i + 3
  }
  return -1
}

/** Length of an incomplete UTF-8 sequence at the end of b[0, n) (0 when it ends on a whole character). */
function trailingPart(b: Buffer, n: number): number {
  let i = n - 1
  while (i >= 0 && n - i <= 4 && (b[i]! & 0xc0) === 0x80) i--
  if (i < 0 || n - i > 4) return 0
  const lead = b[i]!
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return need > n - i ? n - i : 0
}

function startsWith(b: Buffer, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false
  return true
}

/** Could b[at, end) still become `s` once more bytes arrive? */
function couldBe(b: Buffer, at: number, s: string): boolean {
  for (let i = 0; at + i < b.length && i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false
  return true
}

/** How much of a new piece is joined to what the last one left over (more only when a cell text is longer). */
const HEAD = 1 << 14

export class SheetBytes {
  private rest: Buffer | null = null
  private first = true

  private readonly b: SheetRowBuilder
  /** Where the text found by textAt ends (a field: no object per cell). */
  private textEnd = 0

  constructor(ctx: SheetContext, out: SheetRowsHandler) {
    this.b = new SheetRowBuilder(ctx, out)
  }

  get done(): boolean {
    return this.b.done
  }

  push(piece: Uint8Array): void {
    let b = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
    if (this.rest) {
      const rest = this.rest
      this.rest = null
      if (this.first) b = Buffer.concat([rest, b])
      else {
        // What was carried over (a cut tag or text) is completed from the head of the piece, so that the
        // piece itself is scanned where it lies instead of being copied behind it.
        const head = Math.min(b.length, HEAD)
        const joined = Buffer.concat([rest, b.subarray(0, head)])
        const p = this.consume(joined)
        if (this.done) return
        if (p > rest.length) b = b.subarray(p - rest.length)
        else if (head === b.length) {
          this.rest = Buffer.from(joined.subarray(p))
          return
        } else b = Buffer.concat([joined.subarray(p), b.subarray(head)])
      }
    }
    if (this.first) {
      // A byte-order mark is not text; wait for its three bytes before deciding.
      if (b.length < 3 && couldBe(b, 0, '\xef\xbb\xbf')) {
        this.rest = Buffer.from(b)
        return
      }
      this.first = false
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3)
    }
    if (this.done) return
    const p = this.consume(b)
    // A copy: the piece itself is not kept alive by what is carried over.
    if (p < b.length && !this.done) this.rest = Buffer.from(b.subarray(p))
  }

  /** Scans b and checks what it consumed; returns how far it got. */
  private consume(b: Buffer): number {
    const p = this.scan(b)
    // Everything consumed ends on a whole character (before a `<`, after a `>`, or cut back by trailingPart).
    if (!isUtf8(b.subarray(0, p))) throw new SheetEncodingError('工作表内容不是有效的 UTF-8 文字')
    return p
  }

  end(): void {
    const rest = this.rest
    this.rest = null
    if (rest && !isUtf8(rest)) throw new SheetEncodingError('工作表内容不是有效的 UTF-8 文字')
  }

  /** Scans b and returns how far it got: the start of an incomplete tag or text, or the end. */
  private scan(b: Buffer): number {
    const n = b.length
    let p = 0
    while (!this.done) {
      let lt = p
      while (lt < n && b[lt] !== LT) lt++
      if (lt >= n) return n - trailingPart(b, n)
      if (lt + 1 >= n) return lt
      const c1 = b[lt + 1]
      if (c1 === BANG || c1 === QMARK) {
        // <!-- -->, <![CDATA[ ]]> outside a cell text, <?xml ?>, <!DOCTYPE>
        if (couldBe(b, lt, '<!--') && lt + 4 > n) return lt
        if (couldBe(b, lt, '<![CDATA[') && lt + 9 > n) return lt
        const close = startsWith(b, lt, '<!--') ? '-->' : startsWith(b, lt, '<![CDATA[') ? ']]>' : '>'
        const end = b.indexOf(close, lt + 2, 'latin1')
        if (end < 0) return lt
        p = end + close.length
        continue
      }
      let gt = lt + 1
      while (gt < n && b[gt] !== GT) gt++
      if (gt >= n) return lt
      if (c1 === SLASH) {
        let e = gt
        while (e > lt + 2 && isNameEnd(b[e - 1]!)) e--
        this.close(elementOf(b, lt + 2, e))
        p = gt + 1
        continue
      }
      let ne = lt + 1
      while (ne < gt && !isNameEnd(b[ne]!)) ne++
      const el = elementOf(b, lt + 1, ne)
      const selfClosing = b[gt - 1] === SLASH
      if (el === E.V || el === E.T) {
        if (selfClosing) {
          // An empty <v/> must not take the text of the element before it.
          this.b.lastText = ''
          this.close(el)
        } else {
          const text = this.textAt(b, gt + 1)
          if (text === null) return lt
          this.b.lastText = text
          p = this.textEnd
          continue
        }
      } else if (el !== E.Other) {
        this.open(el, b, ne, gt, selfClosing)
        if (selfClosing && el !== E.RPh) this.close(el)
      }
      p = gt + 1
    }
    return p
  }

  /** The text of a v or t element from `from` to its closing tag (CDATA sections joined), or null when incomplete. */
  private textAt(b: Buffer, from: number): string | null {
    const n = b.length
    let lt = from
    let ascii = true
    while (lt < n) {
      const c = b[lt]!
      if (c === LT) break
      if (c >= 0x80) ascii = false
      lt++
    }
    if (lt + 1 >= n) return null
    // The usual case: plain text up to the closing tag.
    if (b[lt + 1] !== BANG) {
      this.textEnd = lt
      return ascii ? latin1(b, from, lt) : utf8(b, from, lt)
    }
    let text = ''
    let p = from
    for (;;) {
      const at = b.indexOf(LT, p)
      if (at < 0) return null
      text += b.toString('utf8', p, at)
      if (!startsWith(b, at, '<![CDATA[')) {
        // A "<![CD" cut by the piece boundary could still become a CDATA section.
        if (n - at < 9 && couldBe(b, at, '<![CDATA[')) return null
        this.textEnd = at
        return text
      }
      const end = b.indexOf(']]>', at + 9, 'latin1')
      if (end < 0) return null
      // CDATA is literal: mark it so the entity decoding leaves it alone.
      text += b.toString('utf8', at + 9, end).replace(/&/g, '&amp;')
      p = end + 3
    }
  }

  private open(el: E, b: Buffer, s: number, e: number, selfClosing: boolean): void {
    switch (el) {
      case E.C: {
        // One pass over the attributes: r (column), t (type), s (style); others are skipped.
        let col = 0
        let type = T.Number
        let style = 0
        let i = s
        while (i < e) {
          if (isSpace(b[i]!)) {
            i++
            continue
          }
          let local = i
          while (i < e && b[i] !== EQ && !isSpace(b[i]!)) if (b[i++] === COLON) local = i
          const nameLen = i - local
          const name = b[local]
          while (i < e && b[i] !== EQ) i++
          i++
          while (i < e && isSpace(b[i]!)) i++
          const q = b[i]
          if (q !== DQ && q !== SQ) break
          const vs = ++i
          while (i < e && b[i] !== q) i++
          if (nameLen === 1) {
            if (name === 114) {
              for (let j = vs; j < i; j++) {
                const c = b[j]!
                if (c >= 65 && c <= 90) col = col * 26 + (c - 64)
                else if (c >= 97 && c <= 122) col = col * 26 + (c - 96)
                else break
              }
            } else if (name === 116) type = typeAt(b, vs)
            else if (name === 115) style = digitsAt(b, vs, 0)
          }
          i++
        }
        this.b.openCell(col, type, style)
        return
      }
      case E.Is:
        return this.b.openInline(selfClosing)
      case E.RPh:
        // A self-closing guide holds no text and is never closed.
        if (!selfClosing) this.b.openPhonetic()
        return
      case E.Row: {
        const at = attrValue(b, s, e, 114)
        const r = at < 0 ? -1 : digitsAt(b, at, -1)
        // No r (or an empty one): the next row.
        return this.b.openRow(r < 0 ? null : r)
      }
      case E.SheetData:
        return this.b.openSheetData(selfClosing)
      case E.Dimension:
        return this.b.dimension(attrOf(b.toString('utf8', s, e), 'ref') ?? '')
    }
  }

  private close(el: E): void {
    const b = this.b
    switch (el) {
      case E.V:
        return b.closeValue()
      case E.T:
        return b.closeText()
      case E.Is:
        return b.closeInline()
      case E.RPh:
        return b.closePhonetic()
      case E.C:
        return b.closeCell()
      case E.Row:
        return b.closeRow()
      case E.SheetData:
        return b.closeSheetData()
    }
  }
}

/** The cell type named by the attribute value starting at `at` (`s`, `n`, `str`, `inlineStr`, `b`, `e`, `d`). */
function typeAt(b: Buffer, at: number): T {
  const q = b[at - 1]!
  let end = at
  while (end < b.length && b[end] !== q) end++
  const len = end - at
  const c = b[at]
  if (len === 1) return c === 115 ? T.Shared : c === 110 ? T.Number : c === 98 ? T.Bool : c === 101 ? T.Err : c === 100 ? T.IsoDate : T.Str
  if (len === 9 && c === 105 && startsWith(b, at, 'inlineStr')) return T.Inline
  return T.Str
}

/** The decimal number of the attribute value at `at`; `empty` when it is empty, NaN when it is not a plain number. */
function digitsAt(b: Buffer, at: number, empty: number): number {
  const q = b[at - 1]!
  let n = 0
  let i = at
  for (; i < b.length; i++) {
    const c = b[i]!
    if (c === q) break
    if (c < 48 || c > 57) {
      let end = i
      while (end < b.length && b[end] !== q) end++
      return Number(b.toString('latin1', at, end))
    }
    n = n * 10 + (c - 48)
  }
  return i === at ? empty : n
}
