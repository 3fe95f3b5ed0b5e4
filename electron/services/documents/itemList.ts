/** 随机抽查事项清单 (`003_…` 附件3): two-level header 抽查项目 → 抽查类别/检查事项. */
import type { ItemListInput } from './types'
import { attachmentLabel, buildTable, packDocument, textWidth, titleParagraph, type Block, type DocSection } from './gbt9704'

export const ITEM_LIST_COLUMNS = ['序号', '抽查类别', '检查事项', '检查对象', '事项类别', '检查方式', '检查主体', '检查频次', '检查内容', '检查依据'] as const

export function itemListBlocks(input: ItemListInput): Block[] {
  const out: Block[] = []
  if (input.attachmentNo !== undefined) out.push(attachmentLabel(input.attachmentNo, false))
  out.push(titleParagraph(`${input.department}抽查事项清单`))
  const r = 'restart' as const
  const c = 'continue' as const
  out.push(
    buildTable({
      columns: [4, 9, 12, 9, 6, 8, 10, 7, 18, 17],
      width: textWidth('landscape'),
      size: '小五',
      header: [
        [
          { text: '序号', vmerge: r },
          { text: '抽查项目', span: 2 },
          { text: '检查对象', vmerge: r },
          { text: '事项类别', vmerge: r },
          { text: '检查方式', vmerge: r },
          { text: '检查主体', vmerge: r },
          { text: '检查频次', vmerge: r },
          { text: '检查内容', vmerge: r },
          { text: '检查依据', vmerge: r }
        ],
        [
          { text: '', vmerge: c },
          '抽查类别',
          '检查事项',
          { text: '', vmerge: c },
          { text: '', vmerge: c },
          { text: '', vmerge: c },
          { text: '', vmerge: c },
          { text: '', vmerge: c },
          { text: '', vmerge: c },
          { text: '', vmerge: c }
        ]
      ],
      rows: input.rows.map((row, i) => [
        { text: String(i + 1), align: 'center' },
        row.category,
        row.item,
        row.objectType,
        { text: row.itemClass, align: 'center' },
        row.method,
        row.subject,
        row.frequency,
        row.content,
        row.basis
      ])
    })
  )
  return out
}

export function itemListSections(input: ItemListInput): DocSection[] {
  return [{ layout: { orientation: 'landscape' }, footer: 'dash', children: itemListBlocks(input) }]
}

export async function buildItemList(input: ItemListInput): Promise<Buffer> {
  return packDocument(itemListSections(input), { title: `${input.department}抽查事项清单` })
}
