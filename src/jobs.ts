import { unwrap, type Envelope, type JobStatus } from '@contract'
import { api, token, transport } from './api'

/** Polls a background job until it ends, reporting progress on the way. */
export async function followJob(start: JobStatus, onProgress: (s: JobStatus) => void, intervalMs = 250): Promise<JobStatus> {
  let s = start
  onProgress(s)
  while (s.state === 'running') {
    await new Promise((r) => setTimeout(r, intervalMs))
    s = await api.jobs.status({ id: s.id })
    onProgress(s)
  }
  return s
}

/**
 * Runs a job the program started to its end: `show` gets each status for the
 * page's bar, then null. Gives the job's result; a refused or failed job
 * throws its Chinese message (`failed` if it has none).
 */
export async function runJob<R>(start: Promise<JobStatus>, show: (s: JobStatus | null) => void, failed: string): Promise<R> {
  show(null)
  try {
    const end = await followJob(await start, show)
    if (end.state !== 'done') throw new Error(end.message || failed)
    return end.result as R
  } finally {
    show(null)
  }
}

/**
 * Hands a file the user chose in the page to the program; returns the path it
 * got. In the browser the file goes as it is to the host's `/upload`, which
 * writes it to disk as it arrives (large exchange packages never sit in
 * memory); the desktop window has file dialogs and only falls back to this.
 */
export async function uploadFile(file: File): Promise<string> {
  if (transport === 'http') {
    let res: Response
    try {
      res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Suiji-Token': token() },
        body: file
      })
    } catch {
      throw new Error('无法连接到本机的工作台服务：程序可能已关闭。请重新运行 npm start 后刷新本页。')
    }
    return unwrap((await res.json()) as Envelope<{ path: string }>).path
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return (await api.files.upload({ name: file.name, base64: btoa(binary) })).path
}
