/**
 * Where blocks land on paper (GB/T 9704 §7.4, §7.5), converted with
 * LibreOffice and measured from the PDF: the 版记 at the foot of the last
 * page, 署名 and dates never alone on a page, and page numbers the same
 * distance below the text area on portrait and landscape pages.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as f from './fixtures'
import { buildWorkPlan } from '../../../electron/services/documents/workPlan'
import { noticeSections } from '../../../electron/services/documents/notice'
import { buildResultSummary } from '../../../electron/services/documents/resultSummary'
import { packDocument } from '../../../electron/services/documents/gbt9704'
import { MARGIN, PAGE_HEIGHT, PAGE_WIDTH } from '../../../electron/services/documents/gbt9704/units'
import { tempDir } from '../../helpers/tmp'
import type { WorkPlanInput } from '../../../electron/services/documents/types'
import { SOFFICE, pdfInfo } from './helpers'

const t = tempDir('suiji-docs-placement-')
const PT = (twips: number) => twips / 20
const MM = 72 / 25.4

interface Word {
  text: string
  yMin: number
  yMax: number
}

/** Words of every page with their boxes (points from the top of the page). */
function pageWords(pdf: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString()
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[3]!,
        yMin: Number(m[1]),
        yMax: Number(m[2])
      }))
    )
}

async function convert(name: string, buf: Buffer): Promise<{ pages: Word[][]; pdf: string }> {
  const file = join(t.dir, `${name}.docx`)
  writeFileSync(file, buf)
  const { pdf } = pdfInfo(file, join(t.dir, 'pdf'))
  return { pages: pageWords(pdf), pdf }
}

/** A part of the 工作方案 made `n` lines longer, so the end of the text falls somewhere else on its page. */
const padded = (n: number) => ({
  ...f.workPlan,
  extraParts: n ? [{ heading: '其他要求', paragraphs: Array.from({ length: n }, (_, i) => `第${i + 1}项要求：各成员单位按分工落实检查任务并及时报送检查结果。`) }] : []
})

describe.skipIf(!SOFFICE)('placement on paper (LibreOffice)', () => {
  const portraitBottom = PT(PAGE_HEIGHT - MARGIN.bottom)

  it('工作方案: the 版记 closes the last page, its last rule on the bottom of the text area, with or without an attachment page', async () => {
    const variants: [string, WorkPlanInput][] = [
      ['with-attachment', padded(0)],
      ['signature-last', { ...padded(3), attachments: [] }],
      ['signature-last-full', { ...padded(12), attachments: [] }]
    ]
    for (const [name, input] of variants) {
      const { pages } = await convert(`plan-${name}`, await buildWorkPlan(input, f.office))
      const last = pages[pages.length - 1]!
      const printed = last.find((w) => w.text.endsWith('印发'))
      expect(printed, `${name}: 版记 on the last page`).toBeDefined()
      expect(pages.slice(0, -1).some((p) => p.some((w) => w.text.endsWith('印发')))).toBe(false)
      // the 印发 line is the last line of the text area, not a few lines under the text
      expect(portraitBottom - printed!.yMax, name).toBeGreaterThanOrEqual(0)
      expect(portraitBottom - printed!.yMax, name).toBeLessThan(0.5 * 28.95)
      const copy = last.find((w) => w.text.startsWith('抄送'))!
      // from the 抄送 line down to the text area's foot there is the 版记 and nothing else, and nothing straddles its top
      const zone = last.filter((w) => w.yMax > copy.yMin && w.yMax <= portraitBottom + 1)
      expect(zone.every((w) => w.yMin >= copy.yMin - 0.5), name).toBe(true)
      expect(zone.map((w) => w.text).join(''), name).toBe('抄送：县人民政府办公室，县司法局。临县“双随机、一公开”监管联席会议办公室2026年4月1日印发')
    }
  }, 300_000)

  it('通知书: wherever the text ends, the 署名 and date share their page with the text before them', async () => {
    // 0–23 extra lines of materials move the end of each notice through a whole page
    const sections = Array.from({ length: 24 }, (_, n) =>
      noticeSections({ ...f.notice(n), materials: Array.from({ length: n + 1 }, (_, i) => `第${i + 1}类材料：与检查事项有关的台账、合同和票据`) }, f.office)
    ).flat()
    const { pages } = await convert('notices', await packDocument(sections, { title: '通知书' }))
    const dated = pages.filter((p) => p.map((w) => w.text).join('').includes('2026年4月1日'))
    expect(dated.length).toBeGreaterThanOrEqual(24)
    for (const page of dated) {
      const texts = page.map((w) => w.text).join('')
      expect(texts).toContain('临县市场监督管理局')
      // the 联系人 line (and so the text) comes over with the 署名
      expect(texts).toContain('联系人')
    }
  }, 300_000)

  it('page numbers stand the same distance below the text area on portrait and landscape pages', async () => {
    const below = (pages: Word[][], bottom: number) => {
      const dash = pages[0]!.find((w) => w.text === '—')!
      return dash.yMin - bottom
    }
    const plan = await convert('plan-numbers', await buildWorkPlan(f.workPlan, f.office))
    const summary = await convert('summary-numbers', await buildResultSummary(f.summary))
    const landscapeBottom = PT(PAGE_WIDTH - MARGIN.right)
    const portrait = below(plan.pages, portraitBottom)
    const landscape = below(summary.pages, landscapeBottom)
    expect(Math.abs(landscape - portrait)).toBeLessThan(0.5)
    // the number's line starts within 7 mm of the text area (a face with taller metrics than 宋体 starts it higher)
    expect(landscape).toBeGreaterThan(3 * MM)
    expect(landscape).toBeLessThanOrEqual(7 * MM + 0.5)
  }, 300_000)
})
