import type { JobStatus } from '@contract'
import { api } from './api'

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

/** Reads a file the user chose in the browser and hands it to the program; returns the path it got. */
export async function uploadFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return (await api.files.upload({ name: file.name, base64: btoa(binary) })).path
}
