/** Pieces shared by the forms (检查表, 汇总表, 公示表, 记录): small headings and label/value tables. */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx'
import { NO_GRID_STYLE, runStyle, type FontSizeName } from './gbt9704'

/** A line of text on a form, off the grid, at a given size. */
export function formLine(text: string, opts: { size?: FontSizeName; align?: 'left' | 'center' | 'right'; bold?: boolean; role?: 'body' | 'heading1' } = {}): Paragraph {
  const size = opts.size ?? '小四'
  return new Paragraph({
    style: NO_GRID_STYLE,
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: 440, lineRule: LineRuleType.EXACT, before: 60, after: 60 },
    children: [new TextRun({ text, ...runStyle(opts.role ?? 'body', size, opts.bold ? { bold: true } : {}) })]
  })
}

/** A section heading on a form: 黑体 四号. */
export function formHeading(text: string): Paragraph {
  return formLine(text, { size: '四号', role: 'heading1' })
}

/** Signature line text: “签名：__________”. */
export const SIGN_LINE = '＿＿＿＿＿＿＿＿'
