/**
 * Saving and opening files the same way in the desktop window and in the
 * browser: in Electron, native dialogs; in the browser, an <input type=file>
 * upload, and files written into the export folder then downloaded.
 */
import { api, downloadUrl, transport } from '../api'
import { uploadFile } from '../jobs'

export const XLSX_FILTER = [{ name: 'Excel 表格', extensions: ['xlsx'] }]
export const CSV_FILTER = [{ name: 'CSV 文件（Excel 可打开）', extensions: ['csv'] }]
/** What a registry import takes: .xlsx, or .csv in UTF-8 or GBK. */
export const TABLE_FILTER = [{ name: 'Excel 表格或 CSV 文件', extensions: ['xlsx', 'csv'] }]

/** A path to write to, or null when the user cancelled the dialog. */
export async function chooseSavePath(title: string, defaultName: string, filters = XLSX_FILTER): Promise<string | null> {
  return (await api.files.pickSave({ title, defaultName, filters })).path
}

/** After the program wrote a file: in the browser, download it; in the desktop window, show it in its folder. */
export async function deliver(path: string): Promise<void> {
  const url = downloadUrl(path)
  if (url) {
    const a = document.createElement('a')
    a.href = url
    a.download = path.split(/[\\/]/).pop() ?? ''
    document.body.appendChild(a)
    a.click()
    a.remove()
  } else await api.files.reveal({ path })
}

/** Asks for a spreadsheet to read and returns its path in the program, or null when cancelled. */
export async function chooseOpenPath(title: string, filters = XLSX_FILTER): Promise<string | null> {
  if (transport === 'ipc') {
    const r = await api.files.pickOpen({ title, filters })
    if (r.available) return r.path
  }
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
    input.setAttribute('data-testid', 'import-file-input')
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
  return file ? uploadFile(file) : null
}
