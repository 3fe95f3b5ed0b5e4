import { randomUUID } from 'node:crypto'
import type { JobStatus } from '@contract'
import { UserError } from '../errors'

export type Report = (phase: string, done: number, total: number) => void

/** Lets the program answer other requests (progress polls, cancel) before a job's next step. */
export const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r))

/**
 * Long operations (imports, batch documents, demo data) run as jobs: the UI
 * starts one, polls its progress, and may cancel it. Polling works the same
 * over IPC and over the browser host's HTTP.
 */
export class JobRunner {
  private jobs = new Map<string, { status: JobStatus; abort: AbortController }>()

  /** `phase`: what the job does first, in the status the caller gets back (so the page shows it at once). */
  start<R>(kind: string, label: string, work: (signal: AbortSignal, report: Report) => Promise<R>, phase = '准备'): JobStatus {
    const id = randomUUID()
    const abort = new AbortController()
    const status: JobStatus = { id, kind, label, phase, done: 0, total: 0, state: 'running', message: '', result: null }
    this.jobs.set(id, { status, abort })
    const report: Report = (phase, done, total) => Object.assign(status, { phase, done, total })
    // Start on the next tick so the caller gets the id before any work happens.
    setImmediate(() => {
      work(abort.signal, report).then(
        (result) => Object.assign(status, { state: abort.signal.aborted ? 'cancelled' : 'done', result: result ?? null }),
        (e: unknown) => {
          if (abort.signal.aborted) Object.assign(status, { state: 'cancelled', message: '已取消，数据库未作改动。' })
          else if (e instanceof UserError) Object.assign(status, { state: 'failed', message: e.message })
          else {
            console.error(`[job ${kind}]`, e)
            Object.assign(status, { state: 'failed', message: `程序内部错误：${e instanceof Error ? e.message : String(e)}` })
          }
        }
      )
    })
    this.prune()
    return { ...status }
  }

  get(id: string): JobStatus {
    const j = this.jobs.get(id)
    if (!j) throw new UserError('找不到该后台任务，可能程序已重新启动。请重新操作。', 'not-found')
    return { ...j.status }
  }

  cancel(id: string): JobStatus {
    const j = this.jobs.get(id)
    if (!j) throw new UserError('找不到该后台任务，可能程序已重新启动。', 'not-found')
    if (j.status.state === 'running') j.abort.abort()
    return { ...j.status }
  }

  /** Keeps finished jobs around long enough for the UI to read their result. */
  private prune() {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running')
    for (const j of finished.slice(0, Math.max(0, finished.length - 50))) this.jobs.delete(j.status.id)
  }
}
