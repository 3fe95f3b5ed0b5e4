/**
 * The packaged program cannot be turned into a plain Node runtime or made to
 * load code from outside its own archive: electron-builder flips Electron's
 * fuses from `electronFuses` in electron-builder.yml. Checked against the
 * option names electron-builder itself accepts, so a misspelt fuse (which
 * would leave it at Electron's unsafe default) fails here.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')

/** The `electronFuses:` block of the YAML: `key: true|false` lines indented under it. */
function fuses(): Record<string, boolean> {
  const lines = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split(/\r?\n/)
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l))
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0)
  const out: Record<string, boolean> = {}
  for (const l of lines.slice(start + 1)) {
    const m = /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(l)
    if (!m) break
    out[m[1]!] = m[2] === 'true'
  }
  return out
}

describe('Electron fuses in the packaged program', () => {
  it('no Node runtime (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), only our own app.asar, verified where Electron can', () => {
    expect(fuses()).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('every fuse named is one electron-builder knows', () => {
    const require = createRequire(join(ROOT, 'package.json'))
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> }
    const known = Object.keys(scheme.definitions.FuseOptionsV1!.properties)
    for (const name of Object.keys(fuses())) expect(known, name).toContain(name)
  })
})
