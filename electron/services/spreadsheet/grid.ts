/**
 * Small sheets read whole, for the readers that look cells up by position
 * (年度计划表, 检查结果录入表): the same streaming reader as the registry
 * import, kept as rows in memory. Bounded by a row limit.
 */
import { basename } from 'node:path'
import { UserError } from '../errors'
import type { RawCell } from './cell'
import { sheetFileKind } from './fileKind'
import { openXlsx, readSheet } from './workbook'

export interface GridSheet {
  name: string
  hidden: boolean
  /** Last row number that holds a cell. */
  rowCount: number
  /** Value at 1-based row and column; null when empty. */
  cell(row: number, col: number): RawCell
  /** The cells of a row, index 0 = column A. */
  row(row: number): RawCell[]
}

const MAX_GRID_ROWS = 100_000

export async function readGrid(file: string, opts: { signal?: AbortSignal; maxRows?: number } = {}): Promise<GridSheet[]> {
  sheetFileKind(file, false)
  const max = opts.maxRows ?? MAX_GRID_ROWS
  const tooBig = () => new UserError(`“${basename(file)}”的行数超过 ${max.toLocaleString('en-US')} 行，不是本程序的表格，未导入。请检查是否选错了文件。`, 'too-many-rows')
  const out: GridSheet[] = []
  try {
    const book = openXlsx(file)
    for (const ref of book.sheets) {
      const rows = new Map<number, RawCell[]>()
      let last = 0
      await readSheet(book, ref, {
        check: () => {
          if (opts.signal?.aborted) throw new UserError('已取消。', 'cancelled')
        },
        onDimension: (n) => {
          if (n > max) throw tooBig()
        },
        onRow: (r, cells) => {
          if (r > max) throw tooBig()
          if (cells.length === 0) return
          rows.set(r, cells)
          last = Math.max(last, r)
        }
      })
      out.push({
        name: ref.name,
        hidden: ref.hidden,
        rowCount: last,
        cell: (r, c) => rows.get(r)?.[c - 1] ?? null,
        row: (r) => rows.get(r) ?? []
      })
    }
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError(`无法读取“${basename(file)}”：文件已损坏或不是有效的 .xlsx 表格。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`, 'unreadable')
  }
  return out
}
