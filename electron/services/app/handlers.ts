import { sql } from 'drizzle-orm'
import type { AppInfo } from '@contract'
import type { HandlerGroup } from '../api/dispatch'
import type { Workbench } from '../workbench'
import { departments, inspectors, items, objects } from '../db/schema'
import { APP_VERSION } from '../version'
import { loadDemo } from '../demo/load'

export function appInfo(wb: Workbench): AppInfo {
  const { db } = wb.ctx()
  const count = (t: typeof departments | typeof objects | typeof inspectors | typeof items) =>
    db.select({ n: sql<number>`count(*)` }).from(t).get()!.n
  const counts = { departments: count(departments), objects: count(objects), inspectors: count(inspectors), items: count(items) }
  return { version: APP_VERSION, dbFile: wb.file, desktop: wb.desktop, counts, empty: counts.objects === 0 && counts.inspectors === 0 && counts.items === 0 }
}

export const appHandlers: HandlerGroup<'app'> = {
  'app.info': (_input, wb) => appInfo(wb),
  'app.openDatabase': ({ file }, wb) => {
    wb.switchTo(file)
    return appInfo(wb)
  },
  'app.loadDemo': ({ objects: n, seed }, wb) => loadDemo(wb.ctx(), { objects: n, seed })
}
