import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@contract': resolve(import.meta.dirname, 'electron/contract/index.ts') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, pool: 'forks' } },
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false, pool: 'forks' }
      }
    ]
  }
})
