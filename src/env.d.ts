/// <reference types="vite/client" />
import type { Api } from '@contract'

declare global {
  interface Window {
    api: Api
    suijiTransport?: 'ipc' | 'http'
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
