import { resolve } from 'node:path'
import { cpSync } from 'node:fs'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const contract = resolve(import.meta.dirname, 'electron/contract/index.ts')
// The page gets the contract without its zod schemas (see client.ts).
const pageContract = resolve(import.meta.dirname, 'electron/contract/client.ts')

// The migrations are SQL files read at start-up; ship them beside the main bundle.
const copyMigrations = {
  name: 'copy-migrations',
  writeBundle() {
    cpSync(resolve(import.meta.dirname, 'electron/services/db/migrations'), resolve(import.meta.dirname, 'out/main/migrations'), { recursive: true })
  }
}

/**
 * Naive UI 2.45's NSpace wraps every child in a div with the same key (1). When a
 * child behind v-if comes or goes, Vue's keyed diff then leaves a stale copy on the
 * page (seen on 首页 and the task toolbar; upstream tusen-ai/naive-ui#5136). Keying
 * the wrappers by position fixes every NSpace at once. The pinned version is checked:
 * if the code no longer matches, the build stops instead of silently shipping the bug.
 */
const spaceKeyFix = {
  name: 'naive-space-key-fix',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!/naive-ui[\\/]es[\\/]space[\\/]src[\\/]Space\.mjs$/.test(id)) return null
    const from = 'createElementBlock("div", {\n      key: 1,\n      role: "none",'
    if (!code.includes(from)) throw new Error('naive-space-key-fix: NSpace changed in this naive-ui version; re-check the fix')
    return code.replace(from, 'createElementBlock("div", {\n      key: index,\n      role: "none",')
  }
}

/**
 * The page loads the contract without zod (electron/contract/client.ts): a
 * value import that drags a schema file back in would quietly add some 180 KB
 * to the first screen, so the build stops and says which module did it.
 */
const noSchemasInPage = {
  name: 'no-schemas-in-page',
  generateBundle(this: { getModuleIds(): IterableIterator<string>; getModuleInfo(id: string): { importers: readonly string[] } | null; error(m: string): never }) {
    for (const id of this.getModuleIds()) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id)) continue
      let at = id
      while (/node_modules/.test(at)) at = this.getModuleInfo(at)?.importers[0] ?? 'unknown'
      this.error(`zod is in the page's bundle, brought in through ${at}: import lists and labels from zod-free contract files (see electron/contract/client.ts)`)
    }
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
    plugins: [spaceKeyFix, vue(), noSchemasInPage],
    resolve: { alias: { '@contract': pageContract, '@': resolve(import.meta.dirname, 'src') } },
    // electron-vite leaves the page unminified; minified, the first screen has half the JavaScript to load and parse
    build: { minify: true, rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/index.html') } } }
  }
})
