/**
 * Sandboxed preload: exposes exactly the contract's methods as `window.api`.
 * Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi, type ChannelName } from '@contract'

const api = buildApi((channel: ChannelName, input: unknown) => ipcRenderer.invoke(channel, input))
contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('suijiTransport', 'ipc')
