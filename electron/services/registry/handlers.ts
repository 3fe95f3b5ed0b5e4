import { extname } from 'node:path'
import type { HandlerGroup } from '../api/dispatch'
import type { Workbench } from '../workbench'
import { UserError } from '../errors'
import { queryObjects } from './objects/query'
import { changeObjectCode, createObject, deleteObject, getObject, updateObject } from './crud/objects'
import { bulkSetCreditClass, bulkTagObjects, objectFacets } from './crud/objectsBulk'
import { createInspector, getInspector, inspectorFacets, listInspectors, updateInspector } from './crud/inspectors'
import { createItem, deleteItem, getItem, itemCounts, listItems, moveItem, updateItem } from './crud/items'
import { importObjects } from './import/objects'
import { importInspectors } from './import/inspectors'
import { importItems } from './import/items'
import { writeRejectsFile } from './import/rejects'
import { REGISTRY_LABELS, type ImportPhase, type ImportResult, type Registry } from './import/types'
import { exportRegistry, writeTemplate } from './export/export'

const PHASE: Record<ImportPhase, string> = { read: '读取表格', write: '写入数据库', done: '完成' }

function withExt(path: string, ext: string): string {
  return extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`
}

function startImport(wb: Workbench, registry: Registry, path: string, deptId?: number, dryRun?: boolean, expectFingerprint?: string) {
  const ctx = wb.ctx()
  let dept: string | undefined
  if (registry === 'items' && deptId !== undefined) {
    const d = ctx.sqlite.prepare('SELECT code FROM departments WHERE id = ?').get(deptId) as { code: string } | undefined
    if (!d) throw new UserError('所选的部门不是已登记的成员单位，请刷新后重新选择。')
    dept = d.code
  }
  return wb.jobs.start(`import-${registry}`, `导入${REGISTRY_LABELS[registry]}`, (signal, report) => {
    const opts = { signal, dryRun, expectFingerprint, onProgress: (phase: ImportPhase, done: number, total: number) => report(PHASE[phase], done, total) }
    if (registry === 'objects') return importObjects(ctx, path, opts)
    if (registry === 'inspectors') return importInspectors(ctx, path, opts)
    return importItems(ctx, path, { ...opts, dept })
  })
}

export const registryHandlers: HandlerGroup<'objects'> & HandlerGroup<'inspectors'> & HandlerGroup<'items'> & HandlerGroup<'registry'> = {
  'objects.query': (q, wb) => queryObjects(wb.ctx(), q),
  'objects.get': (by, wb) => getObject(wb.ctx(), by),
  'objects.create': (input, wb) => createObject(wb.ctx(), input),
  'objects.update': (input, wb) => updateObject(wb.ctx(), input),
  'objects.changeCode': ({ id, code, reason }, wb) => changeObjectCode(wb.ctx(), id, code, reason),
  'objects.delete': ({ id }, wb) => deleteObject(wb.ctx(), id),
  'objects.facets': (_i, wb) => objectFacets(wb.ctx()),
  'objects.bulkTag': ({ filter, tag, action }, wb) => bulkTagObjects(wb.ctx(), filter, tag, action),
  'objects.bulkClass': ({ filter, creditClass }, wb) => bulkSetCreditClass(wb.ctx(), filter, creditClass),

  'inspectors.list': (q, wb) => listInspectors(wb.ctx(), q ?? {}),
  'inspectors.get': ({ id }, wb) => getInspector(wb.ctx(), id),
  'inspectors.create': (input, wb) => createInspector(wb.ctx(), input),
  'inspectors.update': (input, wb) => updateInspector(wb.ctx(), input),
  'inspectors.facets': (_i, wb) => inspectorFacets(wb.ctx()),

  'items.list': (q, wb) => listItems(wb.ctx(), q),
  'items.get': ({ id }, wb) => getItem(wb.ctx(), id),
  'items.create': (input, wb) => createItem(wb.ctx(), input),
  'items.update': (input, wb) => updateItem(wb.ctx(), input),
  'items.delete': ({ id }, wb) => deleteItem(wb.ctx(), id),
  'items.move': ({ id, direction }, wb) => moveItem(wb.ctx(), id, direction),
  'items.counts': (_i, wb) => itemCounts(wb.ctx()),

  'registry.importStart': ({ registry, path, deptId, dryRun, expectFingerprint }, wb) => startImport(wb, registry, path, deptId, dryRun, expectFingerprint),
  'registry.saveRejects': async ({ jobId, path }, wb) => {
    const job = wb.jobs.get(jobId)
    if (job.state !== 'done' || !job.result) throw new UserError('该导入尚未完成或未成功，没有可保存的错误行。')
    const file = withExt(path, 'xlsx')
    await writeRejectsFile(job.result as ImportResult, file)
    return { file }
  },
  'registry.export': ({ registry, format, path, deptId, filter }, wb) => exportRegistry(wb.ctx(), registry, withExt(path, format), { deptId, objectFilter: filter }),
  'registry.exportStart': ({ registry, format, path, deptId, filter }, wb) => {
    const ctx = wb.ctx()
    return wb.jobs.start(`export-${registry}`, `导出${REGISTRY_LABELS[registry]}`, (_signal, report) =>
      exportRegistry(ctx, registry, withExt(path, format), { deptId, objectFilter: filter, onProgress: (done, total) => report('写入表格', done, total) })
    )
  },
  'registry.template': async ({ registry, path }, wb) => {
    void wb
    const file = withExt(path, 'xlsx')
    await writeTemplate(registry, file)
    return { file }
  }
}
