import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import { buildPublicResults, PUBLIC_RESULT_COLUMNS, scrubPersonalNumbers } from '../documents'
import { UserError } from '../errors'
import { publicResultsInput } from './publish'

/** Writes the public list as .xlsx or .docx (GB/T 9704 layout from the documents service). */
export async function exportPublicResults(ctx: Ctx, taskId: number, format: 'xlsx' | 'docx', path: string): Promise<{ file: string; rows: number }> {
  const input = publicResultsInput(ctx, taskId)
  if (!input.rows.length) throw new UserError('本任务还没有录入任何检查结果，没有可以公示的内容。', 'empty')
  if (format === 'docx') {
    writeFileSync(path, await buildPublicResults(input))
    return { file: path, rows: input.rows.length }
  }
  const s = scrubPersonalNumbers
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  const ws = wb.addWorksheet('抽查结果公示表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.columns = [6, 34, 24, 36, 26, 20, 14].map((width) => ({ width }))
  ws.mergeCells(1, 1, 1, 7)
  ws.getCell(1, 1).value = s(`${input.taskName}抽查结果公示表`)
  ws.getCell(1, 1).font = { bold: true, size: 16 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.mergeCells(2, 1, 2, 7)
  ws.getCell(2, 1).value = s(`任务编号：${input.taskNumber}　检查机关：${input.departments.join('、')}　公示日期：${input.publishDate}`)
  const head = ws.getRow(3)
  head.values = [...PUBLIC_RESULT_COLUMNS]
  head.font = { bold: true }
  input.rows.forEach((r, i) => {
    ws.addRow([i + 1, s(r.objectName), s(r.objectCode), s(r.items.join('、')), s(r.result), s(r.authority), r.completedOn])
  })
  for (let rn = 3; rn <= ws.rowCount; rn++) {
    ws.getRow(rn).eachCell((c) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
      c.alignment = { vertical: 'middle', wrapText: true }
    })
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }]
  await wb.xlsx.writeFile(path)
  return { file: path, rows: input.rows.length }
}
