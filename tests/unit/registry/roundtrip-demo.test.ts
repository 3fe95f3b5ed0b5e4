/**
 * Export → import of the full demo county (30 000 objects, its inspectors and items)
 * must be the identity: 0 new, 0 updated, every stored field byte-identical.
 * This is where a chunked decoder once turned Chinese characters cut by a
 * chunk boundary into U+FFFD and reported “更新 84”.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoCounty } from '../../../electron/services/demo/generate'
import { exportRegistry } from '../../../electron/services/registry/export/export'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { importInspectors } from '../../../electron/services/registry/import/inspectors'
import { importItems } from '../../../electron/services/registry/import/items'
import { tempDb, type TestDb } from './fixtures/db'

let t: TestDb
beforeAll(() => {
  t = tempDb('roundtrip-')
  generateDemoCounty(t.ctx, { objects: 30_000 })
}, 120_000)
afterAll(() => t.close())

/** Every stored column of every row, hashed as bytes would be compared. */
const snapshot = (table: string) => t.ctx.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()

describe('round trip of the demo county', () => {
  for (const ext of ['.xlsx', '.csv'] as const) {
    it(`objects ${ext}: 0 new, 0 updated, nothing changed`, async () => {
      const before = snapshot('objects')
      expect(before.length).toBe(30_000)
      const file = t.path(`objects${ext}`)
      await exportRegistry(t.ctx, 'objects', file)
      const r = await importObjects(t.ctx, file)
      expect(r.rejects.slice(0, 3)).toEqual([])
      expect({ imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected }).toEqual({ imported: 0, updated: 0, unchanged: 30_000, rejected: 0 })
      const after = snapshot('objects')
      expect(after).toEqual(before)
      expect(JSON.stringify(after)).not.toContain('\ufffd')
    }, 120_000)

    it(`inspectors ${ext}: 0 new, 0 updated, nothing changed`, async () => {
      const before = snapshot('inspectors')
      expect(before.length).toBeGreaterThan(100)
      const file = t.path(`inspectors${ext}`)
      await exportRegistry(t.ctx, 'inspectors', file)
      const r = await importInspectors(t.ctx, file)
      expect(r.rejects.slice(0, 3)).toEqual([])
      expect({ imported: r.imported, updated: r.updated, rejected: r.rejected }).toEqual({ imported: 0, updated: 0, rejected: 0 })
      expect(r.unchanged).toBe(before.length)
      expect(snapshot('inspectors')).toEqual(before)
    }, 60_000)

    it(`items ${ext}: 0 new, 0 updated, nothing changed`, async () => {
      const before = snapshot('items')
      expect(before.length).toBeGreaterThan(20)
      const file = t.path(`items${ext}`)
      await exportRegistry(t.ctx, 'items', file)
      const r = await importItems(t.ctx, file)
      expect(r.rejects.slice(0, 3)).toEqual([])
      expect({ imported: r.imported, updated: r.updated, rejected: r.rejected, unchanged: r.unchanged }).toEqual({ imported: 0, updated: 0, rejected: 0, unchanged: before.length })
      expect(snapshot('items')).toEqual(before)
    }, 60_000)
  }
})
