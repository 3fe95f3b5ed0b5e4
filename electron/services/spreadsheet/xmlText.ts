/**
 * The text and attribute pieces of SpreadsheetML, for the hand-written sheet
 * pass: entity references, and the _xHHHH_ escapes Excel writes for
 * characters XML cannot hold (a line break as _x000D_, a literal "_x" as _x005F_x).
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd'
}

/** Entity references only (attribute values and numbers). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? codePoint(parseInt(hex, 16)) : dec ? codePoint(parseInt(dec, 10)) : NAMED[name!]!
  )
}

/** Cell text: entity references, then the OOXML _xHHHH_ escapes. */
export function decodeCellText(s: string): string {
  const t = decodeEntities(s)
  if (t.indexOf('_x') < 0) return t
  return t.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** Escapes a literal _xHHHH_ so that a reader that decodes the escapes gets the text back unchanged. */
export function escapeOoxmlText(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
}

/** The value of one attribute in the text of a start tag (either quote), or null. Prefixed names match on their local part. */
export function attrOf(tag: string, name: string): string | null {
  let from = 0
  for (;;) {
    const i = tag.indexOf(name + '=', from)
    if (i < 0) return null
    const before = tag.charCodeAt(i - 1)
    // A whitespace or ':' (a prefix) must precede the name, so that "r=" does not match inside "attr=".
    if (i > 0 && (before === 32 || before === 9 || before === 10 || before === 13 || before === 58)) {
      const q = tag.charAt(i + name.length + 1)
      if (q === '"' || q === "'") {
        const end = tag.indexOf(q, i + name.length + 2)
        if (end < 0) return null
        return decodeEntities(tag.slice(i + name.length + 2, end))
      }
    }
    from = i + name.length + 1
  }
}

/** The local part of a tag name: `x:row` → `row`. */
export function localName(name: string): string {
  const c = name.indexOf(':')
  return c < 0 ? name : name.slice(c + 1)
}
