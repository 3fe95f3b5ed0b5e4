import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'suiji-workbench'

/**
 * Where the database lives by default — the same folder Electron's userData
 * would be, so the desktop window and the browser host share one file.
 */
export function defaultDataDir(): string {
  if (process.env.SUIJI_DATA_DIR) return process.env.SUIJI_DATA_DIR
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

export function defaultDbFile(): string {
  return join(defaultDataDir(), 'workbench.db')
}
