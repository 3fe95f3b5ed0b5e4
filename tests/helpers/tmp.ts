import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type OpenDb } from '../../electron/services/db/open'
import type { Ctx } from '../../electron/services/context'

/** A fresh temp folder per test file; removed by the returned cleanup. */
export function tempDir(prefix = 'suiji-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function ctxOf(opened: OpenDb, actor = '测试'): Ctx {
  return { db: opened.db, sqlite: opened.sqlite, file: opened.file, actor }
}

export function openCtx(file: string, actor = '测试'): Ctx & { close: () => void } {
  const o = openDatabase(file)
  return { ...ctxOf(o, actor), close: () => o.sqlite.close() }
}
