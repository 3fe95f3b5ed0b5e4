import type { Handlers } from './dispatch'
import { appHandlers } from '../app/handlers'
import { settingsHandlers } from '../settings/handlers'
import { departmentHandlers } from '../departments/handlers'
import { auditHandlers } from '../audit/handlers'

/** Every channel of the contract, each answered by its domain. TypeScript checks none is missing. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...departmentHandlers,
  ...auditHandlers
}
