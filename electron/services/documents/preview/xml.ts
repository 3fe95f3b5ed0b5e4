/**
 * A minimal XML reader for the WordprocessingML the builders write (the
 * docx library's regular output: elements, attributes, text; no DTDs). Not
 * a general parser: comments, processing instructions and CDATA are skipped.
 */
export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  /** character data directly inside (for w:t) */
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|([^<]+)/g
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' }
  const stack: XmlNode[] = [root]
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!
    if (m[5] !== undefined) {
      top.text += decodeEntities(m[5])
      continue
    }
    if (!m[2]) continue
    if (m[1]) {
      // close: pop to the matching element (tolerates nothing else, the input is well-formed)
      while (stack.length > 1 && stack.pop()!.name !== m[2]) {}
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '')
    const node: XmlNode = { name: m[2], attrs, children: [], text: '' }
    top.children.push(node)
    if (!m[4]) stack.push(node)
  }
  return root
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name)
}

export function children(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : []
}

/** First descendant of that name, depth first. */
export function find(n: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!n) return undefined
  for (const c of n.children) {
    if (c.name === name) return c
    const d = find(c, name)
    if (d) return d
  }
  return undefined
}
