import { UserError } from '../../errors'

/**
 * The most data rows one import takes (a county has at most 150 000 objects).
 * Everything accepted is held until the single write transaction, so this
 * bounds the memory of an import; documented in docs/registry-import.md.
 */
export const MAX_IMPORT_ROWS = 200_000

export function tooManyRows(): UserError {
  return new UserError(
    `表格超过了每次导入最多 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行的限制，未导入任何数据。请把表格拆成几个较小的文件（每个不超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行）分别导入。`,
    'too-many-rows'
  )
}
