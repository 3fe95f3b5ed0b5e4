import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Exports and generated documents go beside the database unless the user picks a place. */
export function exportDir(dbFile: string): string {
  const dir = join(dirname(dbFile), '导出')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Files the user sends in from a browser page land here before they are read. */
export const UPLOAD_FOLDER = '上传'

export function uploadDir(dbFile: string): string {
  const dir = join(dirname(dbFile), UPLOAD_FOLDER)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Strips folders and characters Windows forbids from a file name typed or uploaded by the user. */
export function safeName(name: string): string {
  return basename(name).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120) || '未命名'
}
