/**
 * The preview of a document as HTML, rendered from the very .docx the
 * builders write (so the preview cannot drift from the file): paragraphs
 * with their alignment, spacing, indents and borders, runs with the
 * GB/T 9704 font roles and sizes, tables with their grid, spans and merged
 * cells, images, and one white sheet per section or page break at the
 * section's paper size and margins.
 *
 * Safety: every text and attribute value from the document is either
 * HTML-escaped or reduced to a number, a 6-digit colour or a class from a
 * fixed list; the output contains no script, no event attribute and no URL
 * other than data:image/png|jpeg of the document's own images.
 */
import { strFromU8, unzipSync } from 'fflate'
import { child, children, find, parseXml, type XmlNode } from './xml'

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The GB/T 9704 faces as classes (their CSS names the face and fallbacks on the page). */
const FONT_CLASS: Record<string, string> = {
  仿宋_GB2312: 'f-fangsong',
  方正小标宋简体: 'f-xbs',
  黑体: 'f-hei',
  楷体_GB2312: 'f-kai',
  宋体: 'f-song'
}

const TWIP_PX = 1 / 15 // 1440 twips per inch, 96 px per inch
const px = (twips: number) => `${Math.round(twips * TWIP_PX * 10) / 10}px`
const num = (v: string | undefined, d = 0) => {
  const n = Number(v)
  return Number.isFinite(n) ? n : d
}
const hex = (v: string | undefined) => (v && /^[0-9A-Fa-f]{6}$/.test(v) ? `#${v}` : undefined)
const val = (n: XmlNode | undefined) => n?.attrs['w:val']
/** A toggle property (w:b, w:snapToGrid …): present and not switched off. */
const on = (n: XmlNode | undefined) => !!n && !['false', '0', 'off'].includes(n.attrs['w:val'] ?? '')

interface Ctx {
  images: Map<string, string>
}

function runHtml(r: XmlNode, ctx: Ctx): string {
  const rPr = child(r, 'w:rPr')
  const cls: string[] = []
  const css: string[] = []
  const face = child(rPr, 'w:rFonts')?.attrs['w:eastAsia']
  if (face && FONT_CLASS[face]) cls.push(FONT_CLASS[face])
  const size = num(val(child(rPr, 'w:sz')), 0)
  if (size > 0) css.push(`font-size:${size / 2}pt`)
  const color = hex(val(child(rPr, 'w:color')))
  if (color) css.push(`color:${color}`)
  if (on(child(rPr, 'w:b'))) css.push('font-weight:bold')
  let text = ''
  for (const c of r.children) {
    if (c.name === 'w:t') text += escapeHtml(c.text)
    else if (c.name === 'w:tab') text += '&emsp;'
    else if (c.name === 'w:br' && c.attrs['w:type'] !== 'page') text += '<br>'
    else if (c.name === 'w:drawing') text += imageHtml(c, ctx)
  }
  const scale = num(val(child(rPr, 'w:w')), 100)
  if (scale > 0 && scale < 100 && size > 0) {
    // 发文机关标志 narrowed to fit one line: the box takes the narrowed width, the glyphs are squeezed into it.
    const chars = [...text.replace(/&#\d+;/g, 'x')].length
    return `<span class="scaled" style="width:${((chars * size) / 2) * (scale / 100)}pt"><span class="${cls.join(' ')}" style="${css.join(';')};transform:scaleX(${scale / 100})">${text}</span></span>`
  }
  return cls.length || css.length ? `<span class="${cls.join(' ')}" style="${css.join(';')}">${text}</span>` : text
}

function imageHtml(drawing: XmlNode, ctx: Ctx): string {
  const blip = find(drawing, 'a:blip')
  const src = blip ? ctx.images.get(blip.attrs['r:embed'] ?? '') : undefined
  if (!src) return ''
  const ext = find(drawing, 'wp:extent')
  const w = Math.round(num(ext?.attrs.cx) / 9525)
  const h = Math.round(num(ext?.attrs.cy) / 9525)
  const alt = escapeHtml(find(drawing, 'wp:docPr')?.attrs.descr ?? find(drawing, 'wp:docPr')?.attrs.name ?? '')
  return `<img src="${src}" width="${w}" height="${h}" alt="${alt}">`
}

function paragraphCss(pPr: XmlNode | undefined): string[] {
  const css: string[] = []
  const jc = val(child(pPr, 'w:jc'))
  if (jc === 'center' || jc === 'right') css.push(`text-align:${jc}`)
  else if (jc === 'both' || jc === 'distribute') css.push('text-align:justify')
  const sp = child(pPr, 'w:spacing')
  if (sp) {
    const line = num(sp.attrs['w:line'], 0)
    if (line > 0) css.push(sp.attrs['w:lineRule'] === 'auto' || !sp.attrs['w:lineRule'] ? `line-height:${line / 240}` : `line-height:${px(line)}`)
    if (num(sp.attrs['w:before'])) css.push(`margin-top:${px(num(sp.attrs['w:before']))}`)
    if (num(sp.attrs['w:after'])) css.push(`margin-bottom:${px(num(sp.attrs['w:after']))}`)
  }
  const ind = child(pPr, 'w:ind')
  if (ind) {
    if (num(ind.attrs['w:firstLine'])) css.push(`text-indent:${px(num(ind.attrs['w:firstLine']))}`)
    if (num(ind.attrs['w:hanging'])) css.push(`text-indent:-${px(num(ind.attrs['w:hanging']))}`)
    if (num(ind.attrs['w:left'])) css.push(`padding-left:${px(num(ind.attrs['w:left']))}`)
    if (num(ind.attrs['w:right'])) css.push(`padding-right:${px(num(ind.attrs['w:right']))}`)
  }
  const bdr = child(pPr, 'w:pBdr')
  for (const side of ['top', 'bottom'] as const) {
    const b = child(bdr, `w:${side}`)
    if (b && b.attrs['w:val'] !== 'none' && b.attrs['w:val'] !== 'nil') {
      css.push(`border-${side}:${Math.max(1, num(b.attrs['w:sz'], 4) / 6).toFixed(1)}px solid ${hex(b.attrs['w:color']) ?? '#000'}`)
      css.push(`padding-${side}:${px(num(b.attrs['w:space']) * 20)}`)
    }
  }
  return css
}

function paragraphHtml(p: XmlNode, ctx: Ctx): string {
  const pPr = child(p, 'w:pPr')
  const inner = p.children
    .filter((c) => c.name === 'w:r' || c.name === 'w:hyperlink')
    .flatMap((c) => (c.name === 'w:r' ? [c] : children(c, 'w:r')))
    .map((r) => runHtml(r, ctx))
    .join('')
  const css = paragraphCss(pPr)
  // An empty paragraph still takes its line, as in Word.
  return `<p style="${css.join(';')}">${inner || '<br>'}</p>`
}

interface Cell {
  node: XmlNode
  span: number
  rowspan: number
  merged: boolean
}

function tableHtml(tbl: XmlNode, ctx: Ctx): string {
  const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => num(g.attrs['w:w']))
  const total = grid.reduce((a, b) => a + b, 0)
  const borders = child(child(tbl, 'w:tblPr'), 'w:tblBorders')
  const ruled = !!borders && val(child(borders, 'w:top')) !== 'none' && val(child(borders, 'w:insideH')) !== 'none'
  // Vertical merges: a continuing cell extends the one above in the same grid column.
  const rows: { header: boolean; cells: Cell[] }[] = []
  const above = new Map<number, Cell>()
  for (const tr of children(tbl, 'w:tr')) {
    const header = !!child(child(tr, 'w:trPr'), 'w:tblHeader')
    const cells: Cell[] = []
    let col = 0
    for (const tc of children(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr')
      const span = Math.max(1, num(val(child(tcPr, 'w:gridSpan')), 1))
      const vm = child(tcPr, 'w:vMerge')
      const cell: Cell = { node: tc, span, rowspan: 1, merged: false }
      if (vm && vm.attrs['w:val'] !== 'restart' && above.has(col)) {
        above.get(col)!.rowspan++
        cell.merged = true
      } else above.set(col, cell)
      cells.push(cell)
      col += span
    }
    rows.push({ header, cells })
  }
  const cols = grid.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('')
  const rowHtml = (r: (typeof rows)[number]) =>
    `<tr>${r.cells
      .filter((c) => !c.merged)
      .map((c) => {
        const va = val(child(child(c.node, 'w:tcPr'), 'w:vAlign'))
        const attrs = `${c.span > 1 ? ` colspan="${c.span}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${va === 'center' || va === 'bottom' ? ` class="v-${va}"` : ''}`
        return `<td${attrs}>${blocksHtml(c.node.children, ctx)}</td>`
      })
      .join('')}</tr>`
  const head = rows.filter((r) => r.header)
  const body = rows.filter((r) => !r.header)
  return `<table class="${ruled ? 'ruled' : 'plain'}" style="width:${px(total)}"><colgroup>${cols}</colgroup>${head.length ? `<thead>${head.map(rowHtml).join('')}</thead>` : ''}<tbody>${body.map(rowHtml).join('')}</tbody></table>`
}

function blocksHtml(nodes: XmlNode[], ctx: Ctx): string {
  return nodes
    .map((n) => (n.name === 'w:p' ? paragraphHtml(n, ctx) : n.name === 'w:tbl' ? tableHtml(n, ctx) : ''))
    .join('')
}

interface Geometry {
  width: number
  height: number
  landscape: boolean
  margin: { top: number; right: number; bottom: number; left: number }
}

function geometry(sectPr: XmlNode | undefined): Geometry {
  const sz = child(sectPr, 'w:pgSz')
  const mar = child(sectPr, 'w:pgMar')
  const width = num(sz?.attrs['w:w'], 11906)
  const height = num(sz?.attrs['w:h'], 16838)
  return {
    width,
    height,
    landscape: sz?.attrs['w:orient'] === 'landscape' || width > height,
    margin: { top: num(mar?.attrs['w:top'], 1440), right: num(mar?.attrs['w:right'], 1440), bottom: num(mar?.attrs['w:bottom'], 1440), left: num(mar?.attrs['w:left'], 1440) }
  }
}

function sheetHtml(g: Geometry, content: string): string {
  const style = `width:${px(g.width)};min-height:${px(g.height)};padding:${px(g.margin.top)} ${px(g.margin.right)} ${px(g.margin.bottom)} ${px(g.margin.left)}`
  return `<section class="doc-sheet ${g.landscape ? 'landscape' : 'portrait'}" style="${style}">${content}</section>`
}

/**
 * Splits the body into sheets: a section ends at a paragraph carrying
 * w:sectPr (the last section's is the body's own), and a page break
 * (w:br type=page, w:pageBreakBefore) starts a new sheet of the same section.
 */
function bodySheets(body: XmlNode, ctx: Ctx): string[] {
  const sheets: string[] = []
  let current: XmlNode[] = []
  const flush = (sectPr: XmlNode | undefined) => {
    if (current.length) sheets.push(sheetHtml(geometry(sectPr), blocksHtml(current, ctx)))
    current = []
  }
  // Paragraph-level breaks belong to the section that follows, so collect sections first.
  const sections: { nodes: XmlNode[]; sectPr: XmlNode | undefined }[] = []
  let nodes: XmlNode[] = []
  for (const n of body.children) {
    if (n.name === 'w:sectPr') {
      sections.push({ nodes, sectPr: n })
      nodes = []
      continue
    }
    nodes.push(n)
    const inner = n.name === 'w:p' ? child(child(n, 'w:pPr'), 'w:sectPr') : undefined
    if (inner) {
      sections.push({ nodes, sectPr: inner })
      nodes = []
    }
  }
  if (nodes.length) sections.push({ nodes, sectPr: undefined })
  for (const s of sections) {
    for (const n of s.nodes) {
      const pPr = n.name === 'w:p' ? child(n, 'w:pPr') : undefined
      if (pPr && on(child(pPr, 'w:pageBreakBefore'))) flush(s.sectPr)
      current.push(n)
      if (n.name === 'w:p' && n.children.some((r) => r.name === 'w:r' && r.children.some((b) => b.name === 'w:br' && b.attrs['w:type'] === 'page'))) flush(s.sectPr)
    }
    flush(s.sectPr)
  }
  return sheets
}

function imagesOf(files: Record<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>()
  const rels = files['word/_rels/document.xml.rels']
  if (!rels) return out
  for (const r of children(parseXml(strFromU8(rels)).children[0], 'Relationship')) {
    const target = r.attrs.Target ?? ''
    const type = /\.png$/i.test(target) ? 'png' : /\.jpe?g$/i.test(target) ? 'jpeg' : null
    const data = files[`word/${target.replace(/^\/?word\//, '')}`]
    if (type && data && r.attrs.Id) out.set(r.attrs.Id, `data:image/${type};base64,${Buffer.from(data).toString('base64')}`)
  }
  return out
}

/** The sheets of one .docx as HTML fragments (no <html>/<body>; the page supplies the stylesheet). */
export function docxSheets(docx: Buffer | Uint8Array): string[] {
  const files = unzipSync(docx instanceof Uint8Array ? docx : new Uint8Array(docx), { filter: (f) => f.name.startsWith('word/') && !f.name.includes('footer') && !f.name.includes('header') })
  const xml = files['word/document.xml']
  if (!xml) return []
  const body = find(parseXml(strFromU8(xml)), 'w:body')
  return body ? bodySheets(body, { images: imagesOf(files) }) : []
}
