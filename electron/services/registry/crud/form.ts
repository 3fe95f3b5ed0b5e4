/**
 * A form is validated by the very importer that reads spreadsheets, so that a
 * value typed in the UI is accepted or refused with the same Chinese message
 * as the same value in a cell. The difference: in a form, a value the import
 * would only warn about (and skip) is an error, since the user is right there
 * to correct it.
 */
import { UserError } from '../../errors'
import type { RawCell } from '../spreadsheet/normalize'
import type { SheetHeader, SheetRow } from '../spreadsheet/reader'
import type { Importer, ParsedRow } from '../import/engine'

const FORM_SHEET: SheetHeader = { sheetName: '表单', sheetIndex: 0, titleLines: [], width: 0, headerRows: [], captions: [], columns: {} }

export function validateForm<S>(importer: Importer<S>, sheet: S, cells: Record<string, RawCell>): ParsedRow {
  const problems: string[] = []
  const row: SheetRow = { sheet: FORM_SHEET, row: 0, cells: [] }
  const parsed = importer.parse(row, sheet, {
    get: (key) => {
      const v = cells[key]
      return v === undefined || v === '' ? null : v
    },
    has: (key) => key in cells,
    // “未导入该项” describes an import; in a form nothing is saved until it is corrected.
    warn: (_key, _raw, message) => problems.push(message.replace(/，未导入该(项|代码)/, '').replace(/，只导入了.*$/, '，请缩短'))
  })
  if ('reason' in parsed) problems.unshift(parsed.reason)
  if (problems.length) throw new UserError(`${problems.join('；')}。请修改后再保存。`, 'invalid')
  return parsed as ParsedRow
}

/** Column → value for every editable column: what the form leaves blank is cleared, unlike an import. */
export function fullValues(parsed: ParsedRow, blanks: Record<string, string | number | null>): Record<string, string | number | null> {
  return { ...blanks, ...parsed.values }
}
