/**
 * Rare characters in names and addresses (𠮷 㙟 䶮 𪚥): 仿宋_GB2312 and the
 * other GB 2312 faces have no glyph for them, and Word does not fall back
 * on its own, so they printed as boxes. Such characters get a run of their
 * own naming a face that has them: 宋体 (SimSun, GB 18030) for CJK
 * Extension A, SimSun-ExtB for Extension B and beyond (planes 2 and 3).
 * LibreOffice, which has neither on Linux, finds a covering face through
 * fontconfig (Noto Serif CJK on the test machines).
 */

/** CJK Extension A (BMP) or a supplementary ideograph (U+20000–U+3FFFF, as a surrogate pair). */
const RARE = /[\u3400-\u4DBF]|[\uD840-\uD8BF][\uDC00-\uDFFF]/
const RARE_RUN = /(?:[\u3400-\u4DBF]|[\uD840-\uD8BF][\uDC00-\uDFFF])+/g

export const EXT_A_FONT = '宋体'
export const EXT_B_FONT = 'SimSun-ExtB'

export function hasRareChars(s: string): boolean {
  return RARE.test(s)
}

function fontFor(chars: string): string {
  return chars.charCodeAt(0) >= 0xd800 ? EXT_B_FONT : EXT_A_FONT
}

/** rPr with every face set to `font` and the East Asian hint. */
function rareRPr(rPr: string, font: string): string {
  const fonts = `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}" w:hint="eastAsia"/>`
  if (!rPr) return `<w:rPr>${fonts}</w:rPr>`
  return /<w:rFonts[^>]*\/>/.test(rPr) ? rPr.replace(/<w:rFonts[^>]*\/>/, fonts) : rPr.replace('<w:rPr>', `<w:rPr>${fonts}`)
}

/**
 * Splits every run of document.xml (or a piece of it made of whole runs)
 * whose text holds rare characters; other runs are left byte for byte.
 */
export function withRareFonts(xml: string): string {
  if (!RARE.test(xml)) return xml
  return xml.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t( xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g, (whole, rPr: string | undefined, _sp, text: string) => {
    if (!RARE.test(text)) return whole
    const pr = rPr ?? ''
    const out: string[] = []
    let at = 0
    for (const m of text.matchAll(RARE_RUN)) {
      if (m.index! > at) out.push(`<w:r>${pr}<w:t xml:space="preserve">${text.slice(at, m.index)}</w:t></w:r>`)
      out.push(`<w:r>${rareRPr(pr, fontFor(m[0]))}<w:t xml:space="preserve">${m[0]}</w:t></w:r>`)
      at = m.index! + m[0].length
    }
    if (at < text.length) out.push(`<w:r>${pr}<w:t xml:space="preserve">${text.slice(at)}</w:t></w:r>`)
    return out.join('')
  })
}
