/** The database file and demo (app.*), long operations (jobs.*) and files (files.*). */
import { z } from 'zod'
import { ch, none } from './common'

export interface AppInfo {
  version: string
  dbFile: string
  /** true in the Electron window (file dialogs available), false in the browser host. */
  desktop: boolean
  counts: { departments: number; objects: number; inspectors: number; items: number }
  /** True when the registries are empty: the UI offers the demo county. */
  empty: boolean
}

export interface DemoSummary {
  objects: number
  inspectors: number
  items: number
  seed: string
  /** the year of work built on the registries (absent when only the registries were loaded) */
  year?: number
  planEntries?: number
  tasks?: number
  results?: number
}

/** A long operation running in the main process (import, batch documents …), polled by the UI. */
export interface JobStatus {
  id: string
  kind: string
  label: string
  phase: string
  done: number
  total: number
  state: 'running' | 'done' | 'failed' | 'cancelled'
  message: string
  result: unknown
}

const fileFilters = z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).default([])

export const appChannels = {
  // app & database file
  'app.info': ch<AppInfo>()(none),
  'app.openDatabase': ch<AppInfo>()(z.object({ file: z.string().trim().min(1, '请填写数据库文件路径') })),
  /** runs as a job (its result a DemoSummary): the page shows what is being done while the year is built */
  'app.loadDemo': ch<JobStatus>()(
    z.object({ objects: z.number().int().min(100).max(200_000).default(30_000), seed: z.string().max(40).default('demo') })
  ),

  // 后台任务 (long operations)
  'jobs.status': ch<JobStatus>()(z.object({ id: z.string() })),
  'jobs.cancel': ch<JobStatus>()(z.object({ id: z.string() })),

  // 文件：desktop dialogs where available; uploads and the export folder in the browser
  'files.pickOpen': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), filters: fileFilters })),
  'files.pickSave': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), defaultName: z.string().min(1), filters: fileFilters })),
  'files.upload': ch<{ path: string }>()(z.object({ name: z.string().min(1), base64: z.string().max(200 * 1024 * 1024, '文件太大（超过 150 MB），请拆分后再导入') })),
  'files.reveal': ch<{ shown: boolean }>()(z.object({ path: z.string() }))
} as const
