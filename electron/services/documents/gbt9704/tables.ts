/**
 * Table building blocks for the forms. Widths are given in twips (DXA) and
 * the table is laid out fixed, because WPS and LibreOffice otherwise
 * re-balance columns by content and a form's columns stop lining up.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ITableCellOptions
} from 'docx'
import { runStyle, type FontRole } from './fonts'
import { NO_GRID_STYLE } from './styles'
import { FONT_PT, type FontSizeName } from './units'

/** The box printed before each choice on a form. U+25A1 is in GB 2312, so 仿宋_GB2312 itself draws it. */
export const CHECKBOX = '□'

export interface CellText {
  text: string
  role?: FontRole
  size?: FontSizeName
  bold?: boolean
  align?: 'left' | 'center' | 'right'
}

export interface CellSpec extends CellText {
  /** Line height as a multiple of the size (default 1.25); long registers print tighter. */
  lineScale?: number
  span?: number
  /** Start (`restart`) or continue (`continue`) a vertical merge. */
  vmerge?: 'restart' | 'continue'
  /** Extra paragraphs after the first line (multi-line cells). */
  lines?: string[]
  minLines?: number
}

const single = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
export const GRID_BORDERS = { top: single, bottom: single, left: single, right: single, insideHorizontal: single, insideVertical: single }
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
export const NO_BORDERS = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }

function alignment(a: CellText['align']) {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
}

/** A paragraph inside a table cell: exact line height 1.25 × the size, so it ignores the page grid. */
export function cellParagraph(t: CellText & { lineScale?: number }): Paragraph {
  const size = t.size ?? '小四'
  return new Paragraph({
    style: NO_GRID_STYLE,
    alignment: alignment(t.align),
    spacing: { line: Math.round(FONT_PT[size] * 20 * (t.lineScale ?? 1.25)), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ text: t.text, ...runStyle(t.role ?? 'body', size, t.bold ? { bold: true } : {}) })]
  })
}

export function cell(spec: CellSpec, width?: number, extra: Partial<ITableCellOptions> = {}): TableCell {
  const paras = [cellParagraph(spec), ...(spec.lines ?? []).map((l) => cellParagraph({ ...spec, text: l }))]
  for (let i = paras.length; i < (spec.minLines ?? 1); i++) paras.push(cellParagraph({ ...spec, text: '' }))
  return new TableCell({
    children: paras,
    columnSpan: spec.span,
    verticalMerge: spec.vmerge === 'restart' ? VerticalMergeType.RESTART : spec.vmerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    width: width ? { size: width, type: WidthType.DXA } : undefined,
    margins: { left: 80, right: 80, top: spec.lineScale ? 0 : 20, bottom: spec.lineScale ? 0 : 20 },
    ...extra
  })
}

export interface TableSpec {
  /** Column widths as proportions; scaled to `width`. */
  columns: number[]
  width: number
  /** Header rows: repeated on every page, never split. */
  header?: (string | CellSpec)[][]
  rows: (string | CellSpec)[][]
  size?: FontSizeName
  /** Let long body rows break across pages (free-text rows); default false. */
  rowsMaySplit?: boolean
  /** Body rows at this multiple of the size, without cell padding above and below (long registers). */
  lineScale?: number
  borders?: 'grid' | 'none'
}

/** Scales proportions to integer twips that add up exactly to `total`. */
export function columnWidths(proportions: number[], total: number): number[] {
  const sum = proportions.reduce((a, b) => a + b, 0)
  const widths = proportions.map((p) => Math.floor((p / sum) * total))
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0)
  return widths
}

function rowCells(cells: (string | CellSpec)[], widths: number[], defaults: Partial<CellSpec>): TableCell[] {
  let col = 0
  return cells.map((c) => {
    const spec: CellSpec = typeof c === 'string' ? { ...defaults, text: c } : { ...defaults, ...c }
    const span = spec.span ?? 1
    const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0)
    col += span
    return cell(spec, w)
  })
}

export function buildTable(spec: TableSpec): Table {
  const widths = columnWidths(spec.columns, spec.width)
  const size = spec.size ?? '五号'
  const header = (spec.header ?? []).map(
    (r) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: rowCells(r, widths, { size, role: 'heading1', align: 'center' })
      })
  )
  const body = spec.rows.map(
    (r) => new TableRow({ cantSplit: !spec.rowsMaySplit, children: rowCells(r, widths, spec.lineScale ? { size, lineScale: spec.lineScale } : { size }) })
  )
  return new Table({
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: spec.borders === 'none' ? NO_BORDERS : GRID_BORDERS,
    rows: [...header, ...body]
  })
}

/** “□选项一  □选项二 …” on one or more lines. */
export function checkboxes(options: readonly string[], ticked: readonly string[] = []): string {
  return options.map((o) => `${ticked.includes(o) ? '☑' : CHECKBOX}${o}`).join('  ')
}

/**
 * Blocks that must stay on one page (a signature table with its heading, a
 * QR code with its check code): one borderless cell in a row that may not
 * split. Word and LibreOffice both honour cantSplit, where keep-with-next
 * on table paragraphs is honoured by Word alone. The cell must end with a
 * paragraph, so a trailing table gets an empty one of no height; so does the
 * place before it, or a table just above would swallow the block as a row
 * (and repeat its header over it).
 */
export function keepTogether(blocks: (Paragraph | Table)[], width: number): [Paragraph, Table] {
  const children = blocks.length && blocks[blocks.length - 1] instanceof Table ? [...blocks, tightParagraph()] : blocks
  return [tightParagraph(), new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children })]
      })
    ]
  })]
}

/** An empty paragraph one twip high, to close a table cell that ends with a table. */
export function tightParagraph(): Paragraph {
  return new Paragraph({ style: NO_GRID_STYLE, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })
}

/** Two borderless columns of blocks side by side (a signature table and the QR code beside it). */
export function sideBySide(left: (Paragraph | Table)[], right: (Paragraph | Table)[], leftWidth: number, rightWidth: number): Table {
  const col = (children: (Paragraph | Table)[], w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children })
  return new Table({
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [col(left, leftWidth), col(right, rightWidth)] })]
  })
}
