/**
 * Section geometry and footers. Portrait body pages carry the 22 × 28 grid;
 * landscape table pages turn the portrait text area on its side (订口 28 mm
 * becomes the top edge) and carry no character grid, so table cells are not
 * forced onto 三号 grid lines.
 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
  type ISectionPropertiesOptions
} from 'docx'
import { runStyle } from './fonts'
import {
  CHAR_SPACE,
  FONT_PT,
  FOOTER_DISTANCE,
  LANDSCAPE_FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH
} from './units'

export type Orientation = 'portrait' | 'landscape'
export type FooterKind = 'dash' | 'pageOfTotal' | 'none'

/** 空一字 for the page number (§7.5): one 四号 character. */
const PAGE_NUMBER_INDENT = FONT_PT.四号 * 20

function dashPageNumber(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...runStyle('pageNumber', '四号') })]
      })
    ]
  })
}

function pageOfTotal(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页  共 ', PageNumber.TOTAL_PAGES, ' 页'], ...runStyle('song', '小四') })
        ]
      })
    ]
  })
}

/**
 * Footers for a section. The document turns on different odd/even footers, so
 * every section must supply both or Word leaves even pages unnumbered.
 */
export function footersFor(kind: FooterKind): ISectionOptions['footers'] {
  if (kind === 'none') {
    const empty = new Footer({ children: [new Paragraph({ children: [] })] })
    return { default: empty, even: empty }
  }
  if (kind === 'pageOfTotal') {
    const f = pageOfTotal()
    return { default: f, even: f }
  }
  // §7.5: odd pages right, even pages left.
  return { default: dashPageNumber('right'), even: dashPageNumber('left') }
}

/** Width of the text area, in twips, for tables that span it. */
export function textWidth(orientation: Orientation = 'portrait'): number {
  return orientation === 'landscape' ? PAGE_HEIGHT - MARGIN.top - MARGIN.bottom : PAGE_WIDTH - MARGIN.left - MARGIN.right
}

export interface SectionLayout {
  orientation?: Orientation
  /** Start this section's page numbers again at 1 (each notice in a batch file). */
  restartNumbering?: boolean
  /** Begin on a new page (always, except that the first section needs nothing). */
  newPage?: boolean
  /** Grid only on portrait body pages; forms full of tables switch it off. */
  grid?: boolean
}

export function sectionProperties(layout: SectionLayout = {}): ISectionPropertiesOptions {
  const landscape = layout.orientation === 'landscape'
  const grid = layout.grid ?? !landscape
  return {
    type: layout.newPage === false ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE,
    page: {
      // docx swaps width and height itself when told the orientation.
      size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: landscape
        ? // The page is turned clockwise: 订口 (28 mm) on top, 天头 (37 mm) on the right.
          { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.bottom, right: MARGIN.top, header: HEADER_DISTANCE, footer: LANDSCAPE_FOOTER_DISTANCE }
        : { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE },
      pageNumbers: layout.restartNumbering ? { start: 1 } : undefined
    },
    grid: grid
      ? // A line grid; the 28 characters come from BODY_CONDENSE (see units.ts for why not linesAndChars).
        { type: DocumentGridType.LINES, linePitch: LINE_PITCH, charSpace: CHAR_SPACE }
      : { type: DocumentGridType.DEFAULT, linePitch: 312 }
  }
}
