import type { ImportSummary, RegistryName } from '@contract'
import type { RawCell } from '../spreadsheet/normalize'

export type Registry = RegistryName

/** What the three registries are called in messages, job titles and exported files. */
export const REGISTRY_LABELS: Record<Registry, string> = { objects: '检查对象名录库', inspectors: '执法人员名录库', items: '抽查事项清单' }

type ImportRejectSummary = ImportSummary['rejects'][number]

/**
 * A rejected row as the contract reports it (row number as Excel shows it; the
 * row as read, caption → text, for display), plus the raw cells for the rejects file.
 */
export interface ImportReject extends ImportRejectSummary {
  cells: RawCell[]
}

/** field: the caption of the column concerned; raw: the text as written in the sheet (not stored when it could not be read). */
export type ImportWarning = ImportSummary['warningList'][number]

/** What a sheet looked like, so that the rejects file can reproduce title and header. */
export interface SheetLayout {
  sheet: string
  titleLines: string[]
  captions: string[]
  /** Column (0-based) → field key, for the columns that were understood. */
  fieldOf: Record<number, string>
}

/** The contract's summary with the raw cells and the sheet layouts the rejects file needs. */
export interface ImportResult extends ImportSummary {
  rejects: ImportReject[]
  sheets: SheetLayout[]
}

/** An updated row: its key and each changed field, old → new. */
export type ImportChange = ImportSummary['changes'][number]

export type ImportPhase = 'read' | 'write' | 'done'

export interface ImportOptions {
  signal?: AbortSignal
  /** Read, check and compare only: the counts and changes of what an import would do, nothing written. */
  dryRun?: boolean
  /** Refuse the import unless the file still has this fingerprint (the one its preview reported). */
  expectFingerprint?: string
  /** Filled with milliseconds per part of the write (compare, rows, search, indexes, commit, statistics), for the benchmark. */
  timings?: Record<string, number>
  /** total is 0 while the size is not yet known (reading streams through the file). */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void
}
