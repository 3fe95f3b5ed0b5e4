import type { RawCell } from '../spreadsheet/normalize'

export type Registry = 'objects' | 'inspectors' | 'items'

export interface ImportReject {
  /** Row number as Excel shows it. */
  row: number
  sheet: string
  reason: string
  /** The row as read, caption → text, for display. */
  values: Record<string, string>
  /** The raw cells, for the rejects file. */
  cells: RawCell[]
}

export interface ImportWarning {
  row: number
  sheet: string
  /** Caption of the column concerned. */
  field: string
  /** The text as written in the sheet (not stored when it could not be read). */
  raw: string
  message: string
}

/** What a sheet looked like, so that the rejects file can reproduce title and header. */
export interface SheetLayout {
  sheet: string
  titleLines: string[]
  captions: string[]
  /** Column (0-based) → field key, for the columns that were understood. */
  fieldOf: Record<number, string>
}

export interface ImportResult {
  registry: Registry
  file: string
  read: number
  imported: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  rejects: ImportReject[]
  warningList: ImportWarning[]
  sheets: SheetLayout[]
}

export type ImportPhase = 'read' | 'write' | 'done'

export interface ImportOptions {
  signal?: AbortSignal
  /** total is 0 while the size is not yet known (reading streams through the file). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void
}
