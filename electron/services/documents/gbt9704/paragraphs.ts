/**
 * The paragraph kinds of a GB/T 9704-2012 document. Body-flow paragraphs use
 * exact line spacing equal to the grid pitch so 22 lines fill the text area in
 * Word, WPS and LibreOffice alike (the grid alone is honoured differently).
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx'
import { runStyle } from './fonts'
import { NO_GRID_STYLE } from './styles'
import { BODY_CHAR, LINE_PITCH } from './units'

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 }

/** Body paragraph (§7.3.3): 三号仿宋, 左空二字, 回行顶格. */
export function bodyParagraph(text: string | ParagraphChild[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 2 * BODY_CHAR },
    alignment: AlignmentType.JUSTIFIED,
    children: typeof text === 'string' ? [new TextRun({ text, ...runStyle('body', '三号') })] : text,
    ...opts
  })
}

/** A body paragraph without the first-line indent (主送机关, 表格说明). */
export function flushParagraph(text: string, opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    spacing: exact,
    children: [new TextRun({ text, ...runStyle('body', '三号') })],
    ...opts
  })
}

/** An empty 三号 line; the standard counts spacing in such lines (空一行, 空二行). */
export function blankLine(opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ spacing: exact, keepNext: opts.keepNext, children: [new TextRun({ text: '', ...runStyle('body', '三号') })] })
}

/** 标题 (§7.3.1): 二号方正小标宋简体, centred. Also used for the names of forms. */
export function titleParagraph(text: string, opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    style: NO_GRID_STYLE,
    alignment: AlignmentType.CENTER,
    spacing: exact,
    children: [new TextRun({ text, ...runStyle('title', '二号') })],
    ...opts
  })
}

/** 第一层标题 “一、” (§7.3.3): 黑体, 左空二字. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 2 * BODY_CHAR },
    keepNext: true,
    children: [new TextRun({ text, ...runStyle('heading1', '三号') })]
  })
}

/** 第二层标题 “（一）” (§7.3.3): 楷体_GB2312, 左空二字. Optional body text runs on in 仿宋. */
export function heading2(text: string, runOn = '', keepNext = false): Paragraph {
  const children = [new TextRun({ text, ...runStyle('heading2', '三号') })]
  if (runOn) children.push(new TextRun({ text: runOn, ...runStyle('body', '三号') }))
  return new Paragraph({ spacing: exact, indent: { firstLine: 2 * BODY_CHAR }, alignment: AlignmentType.JUSTIFIED, keepNext, children })
}

/** “附件N” at the top of an attachment page (§8.2): 三号黑体, 顶格, starting a new page. */
export function attachmentLabel(n: number | string | undefined, pageBreakBefore = true): Paragraph {
  const label = n === undefined || n === '' ? '附件' : `附件${n}`
  return new Paragraph({
    spacing: exact,
    pageBreakBefore,
    children: [new TextRun({ text: label, ...runStyle('attachmentLabel', '三号') })]
  })
}

/** Right-aligned line kept `charsFromRight` characters from the edge (成文日期 右空四字). */
export function rightParagraph(text: string, charsFromRight = 0, keepNext = false): Paragraph {
  return new Paragraph({
    spacing: exact,
    keepNext,
    alignment: AlignmentType.RIGHT,
    indent: { right: charsFromRight * BODY_CHAR },
    children: [new TextRun({ text, ...runStyle('body', '三号') })]
  })
}

/**
 * 发文机关署名 and 成文日期 (§7.3.5.1): the date 右空四字, the signature centred
 * over the date. A centred line inside an indent equal to the date's position
 * keeps the two aligned whatever their lengths. Every line but the date keeps
 * with the next, so the 署名 never ends a page without its date; callers put
 * the last body paragraph and the blank lines on the same chain
 * (`leadIn`), so the date never starts a page alone either.
 */
export function signatureBlock(organs: string[], dateText: string, sealText = ''): Paragraph[] {
  const dateWidth = [...dateText].length
  const out: Paragraph[] = []
  if (sealText) out.push(rightParagraph(sealText, 4 + Math.max(0, Math.floor((dateWidth - [...sealText].length) / 2)), true))
  for (const organ of organs) {
    const w = [...organ].length
    const fromRight = 4 + Math.max(0, Math.floor((dateWidth - w) / 2))
    out.push(rightParagraph(organ, fromRight, true))
  }
  out.push(rightParagraph(dateText, 4))
  return out
}

/** The blank lines before a 署名, kept with it (and with the paragraph before them, see `bodyParagraph`'s keepNext). */
export function signatureLeadIn(lines = 2): Paragraph[] {
  return Array.from({ length: lines }, () => blankLine({ keepNext: true }))
}

/** 附注 (§7.3.6): 居左空二字, in parentheses, below the date. */
export function noteParagraph(text: string): Paragraph {
  return bodyParagraph(`（${text}）`)
}

/** 附件说明 (§7.3.4): “附件：1. 名称”, 回行与名称首字对齐. */
export function attachmentList(names: string[], keepNext = false): Paragraph[] {
  if (names.length === 0) return []
  if (names.length === 1) return [bodyParagraph(`附件：${names[0]}`, { keepNext })]
  return names.map((name, i) =>
    new Paragraph({
      spacing: exact,
      keepNext,
      indent: i === 0 ? { firstLine: 2 * BODY_CHAR } : { left: 5 * BODY_CHAR },
      children: [new TextRun({ text: i === 0 ? `附件：${i + 1}. ${name}` : `${i + 1}. ${name}`, ...runStyle('body', '三号') })]
    })
  )
}
