import { describe, expect, it } from 'vitest'
import * as g from '../../../electron/services/documents/gbt9704'
import { parts, footers, text } from './helpers'

describe('GB/T 9704-2012 geometry', () => {
  it('converts the standard millimetres to whole twips', () => {
    // 1 mm = 1440 / 25.4 twips; the standard values rounded by hand.
    expect([g.MARGIN.top, g.MARGIN.left, g.MARGIN.right, g.MARGIN.bottom]).toEqual([2098, 1587, 1474, 1984])
    expect([g.PAGE_WIDTH, g.PAGE_HEIGHT]).toEqual([11906, 16838])
  })
  it('fits exactly 22 lines and 28 characters in the 225 × 156 mm text area', () => {
    expect(Math.floor(g.TEXT_HEIGHT / g.LINE_PITCH)).toBe(22)
    expect(g.LINE_PITCH * 23).toBeGreaterThan(g.TEXT_HEIGHT)
    // 28.95 pt is the line pitch offices use for this layout.
    expect(g.LINE_PITCH).toBe(579)
    const advance = 320 + g.BODY_CONDENSE
    expect(Math.floor(g.TEXT_WIDTH / advance)).toBe(28)
    // Word's character pitch from the grid: 16 pt + charSpace/4096.
    expect(Math.floor(g.TEXT_WIDTH / 20 / (16 + g.CHAR_SPACE / 4096))).toBe(28)
  })
  it('writes sizes in half-points: 三号 32, 二号 44, 四号 28', () => {
    expect([g.sz('三号'), g.sz('二号'), g.sz('四号')]).toEqual([32, 44, 28])
  })
  it('formats 发文字号 and dates without leading zeros', () => {
    expect(g.formatDocNumber('临双随机办发', 2026, 3)).toBe('临双随机办发〔2026〕3号')
    expect(g.chineseDate('2026-03-05')).toBe('2026年3月5日')
  })
  it('fits a long 发文机关标志 on one line by squeezing it', () => {
    const { pt, scale } = g.fitMasthead('县“双随机、一公开”监管联席会议办公室文件')
    expect(20 * pt * 20 * (scale / 100)).toBeLessThanOrEqual(g.TEXT_WIDTH)
    expect(pt).toBeGreaterThanOrEqual(26)
  })
})

describe('a packed document', () => {
  it('has A4 pages, the margins, a line grid, odd/even footers with — PAGE —', async () => {
    const buf = await g.packDocument(
      [{ children: [g.titleParagraph('标题'), g.bodyParagraph('正文'), g.heading1('一、标题'), g.heading2('（一）小标题'), g.attachmentLabel(1)] }],
      { title: 't' }
    )
    const p = parts(buf)
    const doc = p['word/document.xml']
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-842"\/>/)
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>.*?<w:sz w:val="44"\/>/)
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>.*?<w:sz w:val="32"\/>/)
    expect(doc).toContain('w:eastAsia="黑体"')
    expect(doc).toContain('w:eastAsia="楷体_GB2312"')
    expect(doc).toMatch(/<w:pageBreakBefore\/>.*?附件1/)
    expect(doc).toMatch(/<w:line w:val="579" w:lineRule="exact"|w:line="579" w:lineRule="exact"/)
    expect(p['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
    expect(doc).toMatch(/<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="even"/)
    const fs = footers(p)
    expect(fs).toHaveLength(2)
    for (const f of fs) {
      expect(text(f)).toBe('—  —')
      expect(f).toMatch(/PAGE/)
      expect(f).toContain('w:eastAsia="宋体"')
      expect(f).toContain('<w:sz w:val="28"/>')
    }
    expect(fs.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true)
    expect(fs.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true)
    // The Normal style carries 三号 itself (LibreOffice measures the grid against it).
    expect(p['word/styles.xml']).toMatch(/w:styleId="Normal".*?<w:sz w:val="32"\/>/)
  })
})
