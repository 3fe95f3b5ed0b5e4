/**
 * What kind of spreadsheet a file is, judged by its bytes first and its name
 * second: .xlsx (a zip), .csv (text), or an old binary workbook (.xls, WPS .et),
 * which is refused with what to do about it.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { UserError } from '../errors'

export type SheetFileKind = 'xlsx' | 'csv'

export function sheetFileKind(file: string, allowCsv: boolean): SheetFileKind {
  const name = basename(file)
  if (!existsSync(file)) throw new UserError(`找不到文件“${name}”，请检查位置后重试。`, 'unreadable')
  if (!statSync(file).isFile()) throw new UserError(`“${name}”不是文件，请选择一个表格文件。`, 'unreadable')
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(8)
  let n = 0
  try {
    n = readSync(fd, head, 0, 8, 0)
  } finally {
    closeSync(fd)
  }
  const ext = extname(file).toLowerCase()
  const want = allowCsv ? '.xlsx 或 .csv' : '.xlsx'
  if (n >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
    const what = ext === '.et' ? 'WPS 表格（.et）' : '旧版 Excel（.xls）'
    throw new UserError(`“${name}”是${what}文件，无法直接导入，请在 Excel/WPS 中另存为 .xlsx 后再导入。`, 'unreadable')
  }
  if (n >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    if (ext === '.et' || ext === '.ett') throw new UserError(`“${name}”是 WPS 表格文件，请在 Excel/WPS 中另存为 .xlsx 后再导入。`, 'unreadable')
    return 'xlsx'
  }
  if (allowCsv && (ext === '.csv' || ext === '.txt')) return 'csv'
  if (n === 0) throw new UserError(`“${name}”是空文件，请选择含有数据的 ${want} 表格。`, 'unreadable')
  throw new UserError(`“${name}”不是 Excel 表格（${want}）文件，无法读取。请在 Excel/WPS 中另存为 .xlsx 后再导入。`, 'unreadable')
}
