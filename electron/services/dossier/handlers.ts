import type { HandlerGroup } from '../api/dispatch'
import { prepareDossier } from './export'

export const dossierHandlers: HandlerGroup<'dossier'> = {
  // The task's state and an existing file are refused here, before the job, so the page can say so at once.
  'dossier.export': ({ taskId, path }, wb) => {
    const prepared = prepareDossier(wb.ctx(), taskId, path)
    return wb.jobs.start('dossier', prepared.label, (signal, report) => prepared.run(signal, report))
  }
}
