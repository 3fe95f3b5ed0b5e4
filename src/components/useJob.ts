import { computed, ref, watch, type Ref } from 'vue'
import type { JobStatus } from '@contract'
import { api } from '../api'
import { followJob } from '../jobs'

/**
 * A background job shown in a modal with progress and 取消. Closing the modal
 * while the job runs cancels it, so no job keeps writing behind a closed window.
 */
export function useJob(show: Ref<boolean>) {
  const status = ref<JobStatus | null>(null)
  const error = ref('')
  // Until the first status arrives the job counts as running, so the modal cannot be closed half-started.
  const running = computed(() => !error.value && (!status.value || status.value.state === 'running'))
  const percent = computed(() => {
    const s = status.value
    return s && s.total > 0 ? Math.min(100, Math.round((s.done / s.total) * 100)) : 0
  })

  /**
   * Opens the modal, starts the job and follows it to its end. A failure to
   * start is shown in the modal unless `handled` takes care of it; either way
   * the result is null then.
   */
  async function run(startJob: () => Promise<JobStatus>, handled?: (e: unknown) => boolean): Promise<JobStatus | null> {
    status.value = null
    error.value = ''
    show.value = true
    try {
      return await followJob(await startJob(), (s) => (status.value = s), 200)
    } catch (e) {
      if (!handled?.(e)) error.value = (e as Error).message
      return null
    }
  }

  async function cancel() {
    if (status.value) await api.jobs.cancel({ id: status.value.id })
  }

  watch(show, (v) => {
    if (!v && status.value?.state === 'running') void cancel()
  })

  return { status, error, running, percent, run, cancel }
}
