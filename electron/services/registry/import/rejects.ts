import { excelSerialToIso, type RawCell } from '../spreadsheet/normalize'
import { writeXlsx, type SheetOut } from '../spreadsheet/writer'
import type { ImportResult } from './types'

export const REASON_CAPTION = '错误原因'
export const ROW_CAPTION = '原表行号'

const DATE_FIELDS = new Set(['establishedOn', 'certValidUntil'])

function asDate(v: RawCell): RawCell {
  if (typeof v !== 'number') return v
  const iso = excelSerialToIso(v)
  return iso && v < 100000 ? new Date(`${iso}T00:00:00Z`) : v
}

/**
 * The rejected rows as a workbook to fix and import again: per source sheet
 * its title, its header (as the user wrote it), the original cells, then the
 * reason and the original row number. A second sheet lists the warnings.
 */
export async function writeRejectsFile(result: ImportResult, out: string): Promise<void> {
  const sheets: SheetOut[] = []
  for (const layout of result.sheets) {
    const rows = result.rejects.filter((r) => r.sheet === layout.sheet)
    if (rows.length === 0) continue
    const width = layout.captions.length
    sheets.push({
      name: layout.sheet,
      title: layout.titleLines.join(' ') || undefined,
      header: [[...layout.captions.map((c, i) => c || (i === 0 ? '' : `第${i + 1}列`)), REASON_CAPTION, ROW_CAPTION]],
      widths: [...layout.captions.map(() => 16), 50, 10],
      rows: rows.map((r) => {
        const cells = r.cells.slice(0, width).map((c, i) => (DATE_FIELDS.has(layout.fieldOf[i] ?? '') ? asDate(c) : c))
        while (cells.length < width) cells.push(null)
        return [...cells, r.reason, r.row]
      })
    })
  }
  if (result.warningList.length > 0) {
    sheets.push({
      name: '导入警告',
      title: `以下数据已导入，但个别项目未能识别（原值见“原值”列）`,
      header: [['工作表', '原表行号', '列', '原值', '提示']],
      widths: [14, 10, 16, 24, 60],
      rows: result.warningList.map((w) => [w.sheet, w.row, w.field, w.raw, w.message])
    })
  }
  if (result.changes.length > 0) {
    sheets.push({
      name: result.dryRun ? '将更新的字段' : '已更新的字段',
      title: result.dryRun ? '导入前预览：以下各行若确认导入，将按“新值”更新' : '以下各行已按“新值”更新（“原值”为导入前的内容）',
      header: [['工作表', '原表行号', '对象', '字段', '原值', '新值']],
      widths: [14, 10, 30, 16, 40, 40],
      rows: (function* () {
        for (const c of result.changes) for (const f of c.fields) yield [c.sheet, c.row, c.key, f.field, f.old, f.new]
      })()
    })
  }
  if (sheets.length === 0) sheets.push({ name: '无错误', title: '本次导入没有被拒绝的行', header: [[REASON_CAPTION]], rows: [] })
  await writeXlsx(out, sheets)
}
