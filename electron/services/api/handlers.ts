import type { Handlers } from './dispatch'
import { appHandlers } from '../app/handlers'
import { settingsHandlers } from '../settings/handlers'
import { departmentHandlers } from '../departments/handlers'
import { auditHandlers } from '../audit/handlers'
import { jobHandlers } from '../jobs/handlers'
import { fileHandlers } from '../files/handlers'
import { planHandlers } from '../plans/handlers'
import { taskHandlers } from '../tasks/handlers'
import { exchangeHandlers } from '../exchange/handlers'
import { registryHandlers } from '../registry/handlers'
import { drawHandlers } from '../draws/records/handlers'
import { documentHandlers } from '../documents/handlers'
import { resultsHandlers } from '../results/handlers'
import { dossierHandlers } from '../dossier/handlers'

/** Every channel of the contract, each answered by its domain. TypeScript checks none is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...departmentHandlers,
  ...auditHandlers,
  ...jobHandlers,
  ...fileHandlers,
  ...planHandlers,
  ...taskHandlers,
  ...exchangeHandlers,
  ...registryHandlers,
  ...drawHandlers,
  ...documentHandlers,
  ...resultsHandlers,
  ...dossierHandlers
}
