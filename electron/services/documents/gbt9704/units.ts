/**
 * GB/T 9704-2012 page geometry, in the integer twips Word stores.
 * Everything is derived from the millimetres the standard states, so a change
 * in one number (say a county that wants 25 lines) moves the rest with it.
 */

export const TWIPS_PER_INCH = 1440
export const MM_PER_INCH = 25.4

/** Millimetres to whole twips, rounded to the nearest (Word stores integers). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * TWIPS_PER_INCH) / MM_PER_INCH)
}

/** Points to the half-points of w:sz. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2)
}

/** Chinese type sizes (字号) in points. */
export const FONT_PT = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9
} as const
export type FontSizeName = keyof typeof FONT_PT

/** w:sz value (half-points) of a named Chinese type size. */
export function sz(name: FontSizeName): number {
  return ptToHalfPoints(FONT_PT[name])
}

/** A4, 210 × 297 mm (GB/T 9704-2012 §5.2.1). */
export const PAGE_WIDTH = mmToTwips(210) // 11906
export const PAGE_HEIGHT = mmToTwips(297) // 16838

/** Margins (§5.2.2): 天头 37 mm, 订口 28 mm; text area 156 × 225 mm leaves right 26, bottom 35. */
export const MARGIN = {
  top: mmToTwips(37),
  left: mmToTwips(28),
  right: mmToTwips(26),
  bottom: mmToTwips(35)
} as const

export const TEXT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN.top - MARGIN.bottom

/** §5.2.4: 22 lines of 28 characters in the text area. */
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28

/** Body size 三号 (16 pt) — the grid's character pitch is measured against it. */
export const BODY_PT = FONT_PT.三号

/**
 * Line pitch in twips. Rounded down: Word fits floor(textHeight / pitch) lines,
 * so rounding up would silently drop the 22nd line.
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE)

/**
 * w:charSpace: the difference between the grid's character pitch and the
 * document's default font size, in 1/4096 pt. Rounded down so that 28 whole
 * characters still fit the 156 mm line.
 */
export const CHAR_SPACE = Math.floor(((TEXT_WIDTH / 20 / CHARS_PER_LINE) - BODY_PT) * 4096)

/**
 * Character spacing (w:spacing, twips) on 三号 text so that 28 characters fit
 * the 156 mm line by their own advance (16 pt − 0.25 pt each).
 *
 * Why not a linesAndChars grid with charSpace alone: LibreOffice measures the
 * grid cell from the font size and puts a 16 pt character into two 15.8 pt
 * cells, printing 14 characters a line. The section therefore uses a line
 * grid (22 lines) and this spacing gives 28 characters in Word, WPS and
 * LibreOffice alike; CHAR_SPACE is still written so that switching Word's grid
 * to 字符网格 shows 28.
 */
export const BODY_CONDENSE = Math.floor(TEXT_WIDTH / CHARS_PER_LINE - BODY_PT * 20)

/** One 三号 character, the unit of 空一字/空二字 indents. */
export const BODY_CHAR = BODY_PT * 20

/**
 * Footer distance. §7.5: the page number's dashes sit 7 mm below the text
 * area; the footer paragraph is one 四号 line tall, so its bottom edge lies
 * that much lower still.
 */
export function footerDistance(bottomMargin: number): number {
  return bottomMargin - mmToTwips(7) - FONT_PT.四号 * 20
}
export const FOOTER_DISTANCE = footerDistance(MARGIN.bottom)
/** Landscape pages: the bottom margin is the 26 mm of the portrait right edge, the page number still 7 mm below the text. */
export const LANDSCAPE_FOOTER_DISTANCE = footerDistance(MARGIN.right)
export const HEADER_DISTANCE = mmToTwips(15)
