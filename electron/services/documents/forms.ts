/** Pieces shared by the forms (检查表, 汇总表, 公示表, 记录): small headings and label/value tables. */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx'
import { FONT_PT, NO_GRID_STYLE, runStyle, type FontSizeName } from './gbt9704'

/** A line of text on a form, off the grid, at a given size. */
export function formLine(
  text: string,
  opts: { size?: FontSizeName; align?: 'left' | 'center' | 'right'; bold?: boolean; role?: 'body' | 'heading1'; compact?: boolean; keepNext?: boolean } = {}
): Paragraph {
  const size = opts.size ?? '小四'
  return new Paragraph({
    style: NO_GRID_STYLE,
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    // compact: wrapped lines (rules, notes) at 1.3 × the size rather than a fixed 22 pt
    spacing: opts.compact ? { line: Math.round(FONT_PT[size] * 26), lineRule: LineRuleType.EXACT, before: 20, after: 20 } : { line: 440, lineRule: LineRuleType.EXACT, before: 60, after: 60 },
    keepNext: opts.keepNext,
    children: [new TextRun({ text, ...runStyle(opts.role ?? 'body', size, opts.bold ? { bold: true } : {}) })]
  })
}

/** A section heading on a form: 黑体 四号. */
export function formHeading(text: string): Paragraph {
  // a heading never ends a page: it goes over with what it heads
  return formLine(text, { size: '四号', role: 'heading1', keepNext: true })
}

/** Signature line text: “签名：__________”. */
export const SIGN_LINE = '＿＿＿＿＿＿＿＿'
