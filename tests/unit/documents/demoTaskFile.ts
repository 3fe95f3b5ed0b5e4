import { afterAll, beforeAll } from 'vitest'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import type { Ctx } from '../../../electron/services/context'
import { tempDir } from '../../helpers/tmp'
import { demoTask, type DemoTask } from './demoTask'

/**
 * One demo task in its own database file for a whole test file: made before
 * the first test, removed after the last. `ctx` and `demo` are set once the
 * file's tests run. Kept apart from demoTask.ts, which docs/samples/render.ts
 * runs outside vitest.
 */
export function demoTaskFile(prefix: string, opts: { objects?: number; results?: boolean; county?: boolean } = {}) {
  const t = tempDir(prefix)
  let wb: Workbench | undefined
  const fx = { dir: t.dir, ctx: undefined as unknown as Ctx, demo: undefined as unknown as DemoTask }
  beforeAll(() => {
    wb = new Workbench(join(t.dir, 'county.db'))
    fx.ctx = wb.ctx()
    fx.demo = demoTask(fx.ctx, opts)
  })
  afterAll(() => {
    wb?.close()
    t.cleanup()
  })
  return fx
}
