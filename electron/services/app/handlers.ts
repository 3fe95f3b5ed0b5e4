import { sql } from 'drizzle-orm'
import type { AppInfo } from '@contract'
import type { HandlerGroup } from '../api/dispatch'
import type { Workbench } from '../workbench'
import { departments, inspectors, items, objects } from '../db/schema'
import { APP_VERSION } from '../version'
import { DEMO_FIRST_PHASE, loadDemoInSteps } from '../demo/load'
import { refuseUnlessEmpty } from '../demo/generate'
import { UserError } from '../errors'

export function appInfo(wb: Workbench): AppInfo {
  const { db } = wb.ctx()
  const count = (t: typeof departments | typeof objects | typeof inspectors | typeof items) =>
    db.select({ n: sql<number>`count(*)` }).from(t).get()!.n
  const counts = { departments: count(departments), objects: count(objects), inspectors: count(inspectors), items: count(items) }
  return { version: APP_VERSION, dbFile: wb.file, desktop: wb.desktop, counts, empty: counts.objects === 0 && counts.inspectors === 0 && counts.items === 0 }
}

/** Workbenches loading the demo now: a second click while the first load runs is refused. */
const loading = new WeakSet<Workbench>()

export const appHandlers: HandlerGroup<'app'> = {
  'app.info': (_input, wb) => appInfo(wb),
  'app.openDatabase': ({ file }, wb) => {
    wb.switchTo(file)
    return appInfo(wb)
  },
  'app.loadDemo': ({ objects: n, seed }, wb) => {
    const ctx = wb.ctx()
    // refused at once, not as a failed job: the page keeps its offer and shows why
    refuseUnlessEmpty(ctx)
    if (loading.has(wb)) throw new UserError('演示数据正在载入，请等它完成。', 'busy')
    loading.add(wb)
    return wb.jobs.start('demo', '载入演示数据', (_signal, report) => loadDemoInSteps(ctx, { objects: n, seed }, report).finally(() => loading.delete(wb)), DEMO_FIRST_PHASE)
  }
}
