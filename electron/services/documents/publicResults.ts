/**
 * 抽查结果公示表 for the public (`000_…` 第十八条, `003_…` 第二十五条). The
 * input type carries no person at all; free text is additionally scrubbed of
 * anything shaped like a 身份证号 or a phone number, because result notes are
 * typed by hand and a number pasted into one would otherwise be published.
 */
import { checkIdNumber } from '../registry/identifiers'
import type { PublicResultsInput } from './types'
import { buildTable, chineseDate, enumerate, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'
import { formLine } from './forms'

const ID_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g

/** Removes 身份证号 (valid ones only, so an all-digit credit code survives), mobiles and landlines. */
export function scrubPersonalNumbers(text: string): string {
  return text
    .replace(ID_LIKE, (m) => (checkIdNumber(m).ok ? '（已隐去）' : m))
    .replace(MOBILE, '（已隐去）')
    .replace(LANDLINE, '（已隐去）')
}

export const PUBLIC_RESULT_COLUMNS = ['序号', '检查对象名称', '统一社会信用代码（注册号）', '抽查事项', '检查结果', '检查机关', '检查完成日期'] as const

/** “…联合抽查” + 抽查结果公示表 without saying 抽查 twice. */
export function publicResultsTitle(taskName: string): string {
  return `${taskName.replace(/抽查$/, '')}抽查结果公示表`
}

export function publicResultsBlocks(input: PublicResultsInput): Block[] {
  const s = scrubPersonalNumbers
  return [
    titleParagraph(s(publicResultsTitle(input.taskName))),
    formLine(`任务编号：${s(input.taskNumber)}　　检查机关：${s(enumerate(input.departments))}　　公示日期：${chineseDate(input.publishDate)}`),
    buildTable({
      // codes (18 characters) and dates (2026年10月20日) each on one line
      columns: [5, 18, 19, 19, 13, 11, 15],
      width: textWidth('landscape'),
      size: '五号',
      header: [[...PUBLIC_RESULT_COLUMNS]],
      rows: input.rows.map((r, i) => [
        { text: String(i + 1), align: 'center' },
        s(r.objectName),
        // Codes of organisations are public; only a code that is a person's ID is hidden.
        s(r.objectCode),
        s(enumerate(r.items)),
        s(r.result),
        s(r.authority),
        { text: chineseDate(r.completedOn), align: 'center' }
      ])
    })
  ]
}

export function publicResultsSections(input: PublicResultsInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: publicResultsBlocks(input) }]
}

export async function buildPublicResults(input: PublicResultsInput): Promise<Buffer> {
  return packDocument(publicResultsSections(input), { title: publicResultsTitle(input.taskName) })
}
