/**
 * Choosing files for the exchange the same way in the desktop window and the
 * browser: native dialogs in Electron; in the browser an <input type=file>
 * whose file is uploaded (the services then read it from the upload folder),
 * and files written into the export folder so that they can be downloaded.
 */
import { api, transport } from '../../api'
import { uploadFile } from '../../jobs'

export const SJBX_FILTER = [{ name: '交换包', extensions: ['sjbx'] }]
export const SJKEY_FILTER = [{ name: '交换密钥文件', extensions: ['sjkey'] }]

/**
 * A path the program can read and the name the user knows the file by (an
 * upload is stored under a time-stamped name), or null when cancelled.
 */
export async function pickFileToRead(title: string, filters: { name: string; extensions: string[] }[], testid: string): Promise<{ path: string; name: string } | null> {
  if (transport === 'ipc') {
    const r = await api.files.pickOpen({ title, filters })
    if (r.available) return r.path ? { path: r.path, name: fileName(r.path) } : null
  }
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
    input.setAttribute('data-testid', testid)
    input.style.display = 'none'
    const done = (f: File | null) => {
      resolve(f)
      input.remove()
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
  return file ? { path: await uploadFile(file), name: file.name } : null
}

/** Where to write a file: a dialog in Electron, the export folder in the browser. Null when cancelled. */
export async function pickFileToWrite(title: string, defaultName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null> {
  return (await api.files.pickSave({ title, defaultName, filters })).path
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** Messages name an uploaded file by its stored name; show the user's own name instead. */
export function withUserName(text: string, picked: { path: string; name: string }): string {
  return text.split(fileName(picked.path)).join(picked.name)
}
