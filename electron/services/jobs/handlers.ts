import type { HandlerGroup } from '../api/dispatch'

export const jobHandlers: HandlerGroup<'jobs'> = {
  'jobs.status': ({ id }, wb) => wb.jobs.get(id),
  'jobs.cancel': ({ id }, wb) => wb.jobs.cancel(id)
}
