/**
 * What only a desktop shell can do with files (native dialogs, showing a
 * file in its folder). The Electron main process provides it; the browser
 * host has none, and the UI falls back to uploads and the export folder.
 */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface FileShell {
  pickOpen(opts: { title: string; filters: FileFilter[] }): Promise<string | null>
  pickSave(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>
  reveal(path: string): void
}
