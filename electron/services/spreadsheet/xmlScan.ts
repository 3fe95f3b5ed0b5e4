/**
 * A minimal push tokenizer for the XML of spreadsheet parts. Text arrives as
 * decoded strings in any pieces; an element or a text run cut by a piece
 * boundary is kept back and completed by the next piece, so no character and
 * no tag is ever split. Namespace prefixes (`x:row` in WPS files) are dropped.
 */
import { TextDecoder } from 'node:util'

export interface XmlHandler {
  /** A start tag; `tag` is its text between < and > for attribute look-ups. Return true to receive the text that follows it. */
  open(local: string, tag: string, selfClosing: boolean): boolean
  text(s: string): void
  close(local: string): void
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13
}

/** Common one-letter names (c, v, t, r, f) without allocating a string per tag: millions of tags pass here. */
const ONE_CHAR: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i))

/** The local name of the tag name buf[start, end): after any `prefix:`. */
function localAt(buf: string, start: number, end: number): string {
  for (let i = start; i < end; i++) if (buf.charCodeAt(i) === 58) start = i + 1
  if (end - start === 1) {
    const c = buf.charCodeAt(start)
    if (c < 128) return ONE_CHAR[c]!
  } else if (end - start === 2 && buf.charCodeAt(start) === 105 && buf.charCodeAt(start + 1) === 115) return 'is'
  else if (end - start === 3 && buf.startsWith('row', start)) return 'row'
  return buf.slice(start, end)
}

export class XmlScanner {
  private buf = ''

  constructor(private readonly h: XmlHandler) {}

  push(piece: string): void {
    const buf = this.buf.length ? this.buf + piece : piece
    const h = this.h
    let p = 0
    for (;;) {
      const lt = buf.indexOf('<', p)
      if (lt < 0) {
        p = buf.length
        break
      }
      const c1 = buf.charCodeAt(lt + 1)
      if (c1 === 33 || c1 === 63) {
        // <!-- -->, <![CDATA[ ]]> outside captured text, <?xml ?>, <!DOCTYPE>
        const close = buf.startsWith('<!--', lt) ? '-->' : buf.startsWith('<![CDATA[', lt) ? ']]>' : '>'
        const end = buf.indexOf(close, lt + 2)
        if (end < 0) {
          p = lt
          break
        }
        p = end + close.length
        continue
      }
      const gt = buf.indexOf('>', lt + 1)
      if (gt < 0) {
        p = lt
        break
      }
      if (c1 === 47) {
        let e = gt
        while (e > lt + 2 && isNameEnd(buf.charCodeAt(e - 1))) e--
        h.close(localAt(buf, lt + 2, e))
        p = gt + 1
        continue
      }
      let n = lt + 1
      while (n < gt && !isNameEnd(buf.charCodeAt(n))) n++
      const local = localAt(buf, lt + 1, n)
      const selfClosing = buf.charCodeAt(gt - 1) === 47
      // A tag without attributes is passed as its local name (no attribute to look up in it).
      const tag = n === gt || (selfClosing && n === gt - 1) ? local : buf.slice(lt + 1, selfClosing ? gt - 1 : gt)
      // Text wanted: it must be complete (up to the next tag, CDATA sections joined) before the element is reported.
      if (!selfClosing && this.wantsText(local)) {
        const text = this.textAfter(buf, gt + 1)
        if (text === null) {
          p = lt
          break
        }
        h.open(local, tag, false)
        h.text(text)
        p = this.textEnd
        continue
      }
      h.open(local, tag, selfClosing)
      if (selfClosing) h.close(local)
      p = gt + 1
    }
    this.buf = p < buf.length ? buf.slice(p) : ''
  }

  /** The handler says which elements carry text (v, t); asked before open so that an incomplete text can be retried. */
  wantsText: (local: string) => boolean = () => false

  /** Where the text found by textAfter ends (kept in a field: no object per text). */
  private textEnd = 0

  private textAfter(buf: string, from: number): string | null {
    const first = buf.indexOf('<', from)
    if (first < 0 || first + 1 >= buf.length) return null
    // The usual case: plain text up to the closing tag.
    if (buf.charCodeAt(first + 1) !== 33) {
      this.textEnd = first
      return buf.slice(from, first)
    }
    let text = ''
    let p = from
    for (;;) {
      const lt = buf.indexOf('<', p)
      if (lt < 0) return null
      text += buf.slice(p, lt)
      if (!buf.startsWith('<![CDATA[', lt)) {
        // A "<![CD" cut by the piece boundary could still become a CDATA section.
        if (buf.length - lt < 9 && '<![CDATA['.startsWith(buf.slice(lt))) return null
        this.textEnd = lt
        return text
      }
      const end = buf.indexOf(']]>', lt + 9)
      if (end < 0) return null
      // CDATA is literal: mark it so the entity decoding leaves it alone.
      text += buf.slice(lt + 9, end).replace(/&/g, '&amp;')
      p = end + 3
    }
  }

  /** Whatever is left when the part ends (normally nothing). */
  end(): void {
    this.buf = ''
  }
}

export interface PieceDecoder {
  /** With bytes: the text of the complete characters so far (a cut character waits for the next piece); without: the end. */
  decode(bytes?: Uint8Array, opts?: { stream: boolean }): string
}

/**
 * UTF-8 across pieces: the bytes of a character cut by the piece boundary are
 * carried over to the next piece, and every piece is decoded whole by a fatal
 * decoder (node's fast path; its own `stream` mode is several times slower).
 */
export class Utf8Pieces implements PieceDecoder {
  private readonly d = new TextDecoder('utf-8', { fatal: true })
  private carry: Uint8Array | null = null
  private first = true

  decode(bytes?: Uint8Array, _opts?: { stream: boolean }): string {
    if (!bytes) {
      const rest = this.carry
      this.carry = null
      return rest ? this.d.decode(rest) : ''
    }
    let b = bytes
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + bytes.length)
      joined.set(this.carry)
      joined.set(bytes, this.carry.length)
      b = joined
      this.carry = null
    }
    if (this.first) {
      this.first = false
      // A byte-order mark is not text.
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3)
    }
    let cut = b.length
    let i = b.length - 1
    while (i >= 0 && b.length - i <= 4 && (b[i]! & 0xc0) === 0x80) i--
    if (i >= 0) {
      const lead = b[i]!
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
      if (need > b.length - i) cut = i
    }
    if (cut < b.length) this.carry = b.slice(cut)
    return this.d.decode(cut === b.length ? b : b.subarray(0, cut))
  }
}

/** Chooses the decoder by byte-order mark: XML parts are UTF-8 unless marked UTF-16. */
export function partDecoder(first: Uint8Array): PieceDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true })
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true })
  return new Utf8Pieces()
}

/** Scans a whole small part. */
export function scanXml(bytes: Uint8Array, h: XmlHandler, wantsText: (local: string) => boolean = () => false): void {
  const s = new XmlScanner(h)
  s.wantsText = wantsText
  const d = partDecoder(bytes)
  s.push(d.decode(bytes, { stream: true }) + d.decode())
  s.end()
}
