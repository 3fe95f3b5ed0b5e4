import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelNames } from '@contract'
import { dispatch } from '../services/api/dispatch'
import { handlers } from '../services/api/handlers'
import type { Workbench } from '../services/workbench'
import { APP_ORIGIN } from './security'

/** Only our own page in our own window may call the services. */
function trustedSender(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? ''
  return url.startsWith(`${APP_ORIGIN}/`) || (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))
}

export function registerIpc(getWorkbench: () => Workbench, onFileChanged: () => void): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (e, input) => {
      if (!trustedSender(e)) return { ok: false, error: { code: 'sender', message: '拒绝来自未知页面的调用。' } }
      const result = await dispatch(handlers, getWorkbench(), channel, input)
      if (channel === 'app.openDatabase' && result.ok) onFileChanged()
      return result
    })
  }
}
