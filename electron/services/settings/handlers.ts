import type { HandlerGroup } from '../api/dispatch'
import { getSettings, updateSettings } from './service'

export const settingsHandlers: HandlerGroup<'settings'> = {
  'settings.get': (_i, wb) => getSettings(wb.ctx()),
  'settings.update': (patch, wb) => updateSettings(wb.ctx(), patch)
}
