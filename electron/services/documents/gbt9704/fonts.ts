/**
 * The fonts GB/T 9704-2012 names. They are referenced, never embedded: the
 * office PCs have them, and WPS/Word substitute sensibly when one is missing.
 * Each run names the East Asian font and the Latin one, because Word picks
 * the font per character class and a run that names only `ascii` prints its
 * Chinese in whatever the theme says.
 */
import type { IRunOptions } from 'docx'
import { BODY_CONDENSE, sz, type FontSizeName } from './units'

export const FONT = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
  latin: 'Times New Roman'
} as const

export type FontRole = 'body' | 'title' | 'heading1' | 'heading2' | 'pageNumber' | 'attachmentLabel' | 'song'

/** Font triple for a role: East Asian face from the standard, a Latin face for digits and letters. */
export function fontFor(role: FontRole): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  const pair: Record<FontRole, [string, string]> = {
    body: [FONT.fangsong, FONT.latin],
    title: [FONT.xiaobiaosong, FONT.latin],
    heading1: [FONT.heiti, FONT.heiti],
    heading2: [FONT.kaiti, FONT.latin],
    // §7.5.4: page numbers are 半角宋体 digits.
    pageNumber: [FONT.songti, FONT.songti],
    attachmentLabel: [FONT.heiti, FONT.heiti],
    song: [FONT.songti, FONT.songti]
  }
  const [eastAsia, latin] = pair[role]
  return { ascii: latin, eastAsia, hAnsi: latin, cs: latin }
}

/**
 * Run options for a role at a named size. Only 三号 body-flow text is set 28
 * to the line; other sizes keep their natural advance and stay off the grid.
 */
export function runStyle(role: FontRole, size: FontSizeName, extra: Partial<IRunOptions> = {}): IRunOptions {
  const s = sz(size)
  const onGrid = size === '三号' && role !== 'title'
  const grid = onGrid ? { characterSpacing: BODY_CONDENSE } : { snapToGrid: false, characterSpacing: 0 }
  return { font: fontFor(role), size: s, sizeComplexScript: s, ...grid, ...extra } as IRunOptions
}
