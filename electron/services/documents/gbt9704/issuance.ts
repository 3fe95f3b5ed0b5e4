/**
 * 版头 and 版记 of a document issued as a file (§7.2, §7.4).
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  TableCell,
  TabStopType,
  Tab,
  TableAnchorType,
  OverlapType,
  RelativeVerticalPosition
} from 'docx'
import { fontFor, runStyle } from './fonts'
import { blankLine } from './paragraphs'
import { NO_GRID_STYLE } from './styles'
import { FONT_PT, LINE_PITCH, MARGIN, TEXT_WIDTH, mmToTwips, sz } from './units'

export const RED = 'FF0000'

/** 发文字号 (§7.2.4): year in full in 〔〕, serial without 第 and without leading zeros, then 号. */
export function formatDocNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${Math.trunc(serial)}号`
}

/**
 * Size and horizontal scale that fit the 发文机关标志 on one line of the text
 * area: as large as 小初, no smaller than 一号, then squeezed (Word's 字符缩放)
 * the way offices do for long names.
 */
export function fitMasthead(text: string, width = TEXT_WIDTH): { pt: number; scale: number } {
  const chars = [...text].length
  const pt = Math.max(FONT_PT.一号, Math.min(FONT_PT.小初, Math.floor(width / 20 / chars)))
  const scale = Math.min(100, Math.floor((width * 100) / (chars * pt * 20)))
  return { pt, scale }
}

/**
 * 发文机关标志 (red, centred, 35 mm below the top of the text area), two empty
 * lines, 发文字号, and the red rule 4 mm below it (§7.2.3–7.2.6).
 */
export function masthead(mastheadText: string, docNumber: string): Paragraph[] {
  const { pt, scale } = fitMasthead(mastheadText)
  return [
    new Paragraph({
      style: NO_GRID_STYLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: mmToTwips(35), after: 0, line: Math.round(pt * 20 * 1.2), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: mastheadText, font: fontFor('title'), size: pt * 2, sizeComplexScript: pt * 2, color: RED, scale, snapToGrid: false })]
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      // Border space is in points; 4 mm ≈ 11 pt.
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } },
      children: [new TextRun({ text: docNumber, ...runStyle('body', '三号') })]
    }),
    blankLine(),
    blankLine()
  ]
}

export interface ColophonInput {
  /** 抄送 organs; the list ends with 。 */
  copyTo?: string[]
  printingOrgan: string
  /** 印发日期, already formatted (2026年3月5日). */
  printDate: string
}

/**
 * 版记 (§7.4): 抄送 and 印发机关/印发日期 between a thick first rule, thin inner
 * rules and a thick last rule that coincides with the bottom of the text area
 * of the last page. It is a table floating at the foot of the text area
 * (Word and WPS put it there from `tblpYSpec="bottom"`). LibreOffice lays a
 * floating table out inline when it is as wide as the text area and anchored
 * to the margin, so its horizontal position is given from the page edge
 * instead (the left margin), which LibreOffice then floats as asked.
 */
export function colophon(input: ColophonInput): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' } // ≈0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } // ≈0.25 mm
  const nil = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const run = (text: string) => new TextRun({ text, font: fontFor('body'), size: sz('四号'), sizeComplexScript: sz('四号') })
  const para = (children: TextRun[], align: (typeof AlignmentType)[keyof typeof AlignmentType], indent: object) =>
    new Paragraph({ style: NO_GRID_STYLE, alignment: align, indent, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children })
  const oneChar = FONT_PT.四号 * 20
  // Every line of the 版记 is one full-width cell; a row never splits across pages.
  const line = (children: Paragraph[]) =>
    new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children })] })
  const rows: TableRow[] = []
  if (input.copyTo && input.copyTo.length > 0) {
    const list = input.copyTo.join('，') + '。'
    // 回行时与冒号后的首字对齐: hanging indent of the width of “抄送：”.
    rows.push(line([para([run(`抄送：${list}`)], AlignmentType.LEFT, { left: oneChar + 3 * oneChar, hanging: 3 * oneChar, right: oneChar })]))
  }
  const perLine = Math.floor(TEXT_WIDTH / oneChar)
  const fitsOneLine = [...input.printingOrgan].length + [...input.printDate].length + 2 + 3 <= perLine
  // One cell, 印发机关 at the left and 印发日期 at a right tab stop, so a long
  // office name never wraps against a fixed column boundary.
  rows.push(
    line(
      fitsOneLine
        ? [
            new Paragraph({
              style: NO_GRID_STYLE,
              indent: { left: oneChar },
              tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * oneChar }],
              spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
              children: [run(input.printingOrgan), new TextRun({ children: [new Tab()] }), run(`${input.printDate}印发`)]
            })
          ]
        : [
            para([run(input.printingOrgan)], AlignmentType.LEFT, { left: oneChar }),
            para([run(`${input.printDate}印发`)], AlignmentType.RIGHT, { right: oneChar })
          ]
    )
  )
  return new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER
    },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: { top: thick, bottom: thick, left: nil, right: nil, insideHorizontal: thin, insideVertical: nil },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows
  })
}
