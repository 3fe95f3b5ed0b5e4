import { resolve } from 'node:path'
import { cpSync } from 'node:fs'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const contract = resolve(import.meta.dirname, 'electron/contract/api.ts')

// The migrations are SQL files read at start-up; ship them beside the main bundle.
const copyMigrations = {
  name: 'copy-migrations',
  writeBundle() {
    cpSync(resolve(import.meta.dirname, 'electron/services/db/migrations'), resolve(import.meta.dirname, 'out/main/migrations'), { recursive: true })
  }
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), copyMigrations],
    resolve: { alias: { '@contract': contract } },
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } } }
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    resolve: { alias: { '@contract': contract } },
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload must be a CommonJS script.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src',
    plugins: [vue()],
    resolve: { alias: { '@contract': contract, '@': resolve(import.meta.dirname, 'src') } },
    build: { rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/index.html') } } }
  }
})
