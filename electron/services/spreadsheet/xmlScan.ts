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
        const name = buf.slice(lt + 2, e)
        const colon = name.indexOf(':')
        h.close(colon < 0 ? name : name.slice(colon + 1))
        p = gt + 1
        continue
      }
      let n = lt + 1
      while (n < gt && !isNameEnd(buf.charCodeAt(n))) n++
      const name = buf.slice(lt + 1, n)
      const colon = name.indexOf(':')
      const local = colon < 0 ? name : name.slice(colon + 1)
      const selfClosing = buf.charCodeAt(gt - 1) === 47
      const tag = n === gt || (selfClosing && n === gt - 1) ? name : buf.slice(lt + 1, selfClosing ? gt - 1 : gt)
      // Text wanted: it must be complete (up to the next tag, CDATA sections joined) before the element is reported.
      if (!selfClosing && this.wantsText(local)) {
        const t = this.textAfter(buf, gt + 1)
        if (t === null) {
          p = lt
          break
        }
        h.open(local, tag, false)
        h.text(t.text)
        p = t.end
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

  private textAfter(buf: string, from: number): { text: string; end: number } | null {
    let text = ''
    let p = from
    for (;;) {
      const lt = buf.indexOf('<', p)
      if (lt < 0) return null
      text += buf.slice(p, lt)
      if (!buf.startsWith('<![CDATA[', lt)) {
        // A "<![CD" cut by the piece boundary could still become a CDATA section.
        if (buf.length - lt < 9 && '<![CDATA['.startsWith(buf.slice(lt))) return null
        return { text, end: lt }
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

/** Chooses the decoder by byte-order mark: XML parts are UTF-8 unless marked UTF-16. */
export function partDecoder(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true })
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true })
  return new TextDecoder('utf-8', { fatal: true })
}

/** Scans a whole small part. */
export function scanXml(bytes: Uint8Array, h: XmlHandler, wantsText: (local: string) => boolean = () => false): void {
  const s = new XmlScanner(h)
  s.wantsText = wantsText
  s.push(partDecoder(bytes).decode(bytes))
  s.end()
}
