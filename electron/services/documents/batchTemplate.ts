/**
 * Fast path for batches: objects of a task differ only in their strings, so
 * each distinct layout (“shape”: list lengths, empty fields, dates) is laid
 * out once by the docx library with a placeholder for every string, and each
 * object's file is that XML with its own (escaped) strings put in. A shape is
 * used only if its first object comes out byte-identical to a direct build;
 * otherwise that shape goes the slow way. Combined files reuse one set of
 * footers for every section instead of two new footer parts per object.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { CHECK_METHOD_LIST } from '@contract'
import { packDocument, type DocMeta, type DocSection } from './gbt9704'

const OPEN = '\u27E6'
const CLOSE = '\u27E7'
const TOKEN = /\u27E6(\d+)\u27E7/g
const DATE = /^\d{4}-\d{2}-\d{2}$/
/** Strings the builders branch on or parse rather than print as they are. */
const LITERAL = new Set(['通知书', '告知书', ...CHECK_METHOD_LIST])

export interface Tokenized<T> {
  shape: string
  input: T
  values: string[]
}

/** Replaces every printed string with a numbered placeholder; the shape names what stays fixed. */
export function tokenize<T>(input: T): Tokenized<T> {
  const values: string[] = []
  const shapeParts: string[] = []
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v === '' || DATE.test(v) || LITERAL.has(v)) {
        shapeParts.push(JSON.stringify(v))
        return v
      }
      shapeParts.push('S')
      values.push(v)
      return `${OPEN}${values.length - 1}${CLOSE}`
    }
    if (Array.isArray(v)) {
      shapeParts.push(`[${v.length}`)
      return v.map(walk)
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) {
        shapeParts.push(k)
        out[k] = walk(x)
      }
      return out
    }
    shapeParts.push(String(v))
    return v
  }
  const tokenInput = walk(input) as T
  return { shape: shapeParts.join('|'), input: tokenInput, values }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c])
// The docx library drops characters XML 1.0 cannot carry; do the same so both paths agree.
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')

export function fill(xml: string, values: string[]): string {
  return xml.replace(TOKEN, (_m, k: string) => escapeXml(clean(values[Number(k)] ?? '')))
}

export interface Template {
  /** Parts without placeholders, kept as bytes. */
  fixed: Record<string, Uint8Array>
  /** Parts with placeholders, as text. */
  variable: Record<string, string>
}

export async function makeTemplate(sections: DocSection[], meta: DocMeta): Promise<Template> {
  const files = unzipSync(new Uint8Array(await packDocument(sections, meta)))
  const t: Template = { fixed: {}, variable: {} }
  for (const [name, data] of Object.entries(files)) {
    const text = name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : ''
    if (text.includes(OPEN)) t.variable[name] = text
    else t.fixed[name] = data
  }
  return t
}

/** The document part of a direct build, to check a template against. */
export function documentXml(buf: Buffer | Uint8Array): string {
  return strFromU8(unzipSync(new Uint8Array(buf), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'])
}

const LEVEL = 6

export function packFilled(t: Template, values: string[]): Buffer {
  const z: Zippable = {}
  for (const [name, data] of Object.entries(t.fixed)) z[name] = [data, { level: LEVEL }]
  for (const [name, xml] of Object.entries(t.variable)) z[name] = [strToU8(fill(xml, values)), { level: LEVEL }]
  return Buffer.from(zipSync(z))
}

/** `<w:body>` content split into the blocks and the section's own properties. */
export function bodyParts(documentXml: string): { head: string; blocks: string; sectPr: string; tail: string } {
  const open = documentXml.indexOf('<w:body>') + '<w:body>'.length
  const close = documentXml.lastIndexOf('</w:body>')
  const body = documentXml.slice(open, close)
  const s = body.lastIndexOf('<w:sectPr')
  return { head: documentXml.slice(0, open), blocks: body.slice(0, s), sectPr: body.slice(s), tail: documentXml.slice(close) }
}

/** Puts a section break into the last paragraph of a section's blocks (as Word itself does). */
export function withSectionBreak(blocks: string, sectPr: string): string {
  const at = Math.max(blocks.lastIndexOf('<w:p>'), blocks.lastIndexOf('<w:p '))
  if (at < 0) return `${blocks}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`
  const startEnd = blocks.indexOf('>', at) + 1
  const para = blocks.slice(startEnd)
  if (para.startsWith('<w:pPr>')) {
    const pprEnd = blocks.indexOf('</w:pPr>', startEnd)
    return blocks.slice(0, pprEnd) + sectPr + blocks.slice(pprEnd)
  }
  if (para.startsWith('<w:pPr/>')) return `${blocks.slice(0, startEnd)}<w:pPr>${sectPr}</w:pPr>${blocks.slice(startEnd + '<w:pPr/>'.length)}`
  return `${blocks.slice(0, startEnd)}<w:pPr>${sectPr}</w:pPr>${blocks.slice(startEnd)}`
}

export function setTitle(coreXml: string, title: string): string {
  return coreXml.replace(/<dc:title>[\s\S]*?<\/dc:title>/, `<dc:title>${escapeXml(title)}</dc:title>`)
}
