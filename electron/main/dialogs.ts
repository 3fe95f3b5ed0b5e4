import { dialog, shell, type BrowserWindow } from 'electron'
import type { FileShell } from '../services/files/shell'

/** Native open/save dialogs for the services' file needs. */
export function electronFileShell(getWindow: () => BrowserWindow | null): FileShell {
  return {
    async pickOpen({ title, filters }) {
      const win = getWindow()
      const r = win ? await dialog.showOpenDialog(win, { title, filters, properties: ['openFile'] }) : await dialog.showOpenDialog({ title, filters, properties: ['openFile'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async pickSave({ title, defaultName, filters }) {
      const win = getWindow()
      const r = win ? await dialog.showSaveDialog(win, { title, defaultPath: defaultName, filters }) : await dialog.showSaveDialog({ title, defaultPath: defaultName, filters })
      return r.canceled ? null : (r.filePath ?? null)
    },
    reveal(path) {
      shell.showItemInFolder(path)
    }
  }
}
