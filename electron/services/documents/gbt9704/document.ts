/**
 * Assembles sections into a .docx with the document-wide settings of the
 * standard: 仿宋_GB2312 三号 as the default (the grid's character pitch is
 * measured against it), zh-CN, and separate odd/even footers.
 */
import { Document, Packer, Paragraph, Table, type ISectionOptions } from 'docx'
import { tightParagraph } from './tables'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { hasRareChars, withRareFonts } from './rareChars'
import { footersFor, sectionProperties, type FooterKind, type SectionLayout } from './page'
import { stylesXml } from './styles'

export type Block = Paragraph | Table

export interface DocSection {
  layout?: SectionLayout
  footer?: FooterKind
  children: Block[]
}

export interface DocMeta {
  title: string
  creator?: string
  description?: string
}

export function toSectionOptions(s: DocSection): ISectionOptions {
  return {
    properties: sectionProperties(s.layout),
    footers: footersFor(s.footer ?? 'dash'),
    // A section must end with a paragraph in Word; a trailing table otherwise
    // swallows the section break in LibreOffice. One twip high, so a table
    // that fills its page does not push an empty page after it.
    children: s.children.length && s.children[s.children.length - 1] instanceof Table ? [...s.children, tightParagraph()] : s.children
  }
}

export function createDocument(sections: DocSection[], meta: DocMeta): Document {
  return new Document({
    title: meta.title,
    creator: meta.creator ?? '双随机联合抽查工作台',
    description: meta.description,
    evenAndOddHeaderAndFooters: true,
    features: { updateFields: false },
    externalStyles: stylesXml(),
    sections: sections.map(toSectionOptions)
  })
}

/** Packs sections into .docx bytes; runs with rare characters name a face that has them (rareChars.ts). */
export async function packDocument(sections: DocSection[], meta: DocMeta): Promise<Buffer> {
  const buf = await Packer.toBuffer(createDocument(sections, meta))
  const files = unzipSync(new Uint8Array(buf), { filter: (f) => f.name === 'word/document.xml' })
  const xml = strFromU8(files['word/document.xml']!)
  if (!hasRareChars(xml)) return buf
  const all = unzipSync(new Uint8Array(buf))
  all['word/document.xml'] = strToU8(withRareFonts(xml))
  return Buffer.from(zipSync(all, { level: 6 }))
}
