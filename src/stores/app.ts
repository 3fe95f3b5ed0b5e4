import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@contract'
import { api } from '../api'

/** Which database is open and what it holds; the header and the home page read it. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const error = ref('')

  async function refresh() {
    try {
      info.value = await api.app.info()
      error.value = ''
      document.title = `双随机联合抽查工作台 — ${info.value.dbFile}`
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  return { info, error, refresh }
})
