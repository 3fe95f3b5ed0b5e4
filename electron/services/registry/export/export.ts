import { extname } from 'node:path'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { getSettings } from '../../settings/service'
import type { RawCell } from '../spreadsheet/normalize'
import { writeCsv, writeXlsx, colLetter, type SheetOut } from '../spreadsheet/writer'
import {
  ITEM_GROUP_CAPTION,
  KIND_LABEL,
  KIND_SHEET,
  inspectorColumns,
  inspectorTitle,
  itemColumns,
  itemTitle,
  objectColumns,
  objectTitle,
  OBJECT_FIELDS,
  type Column,
  type ObjectKind
} from '../spreadsheet/layouts'
import { formatPermille } from '../import/fields'
import { CERT_PERMANENT } from '../import/inspectors'
import { REGISTRY_LABELS, type Registry } from '../import/types'
import { objectFilter } from '../objects/query'
import type { ObjectFilter } from '@contract'

type Row = Record<string, unknown>

/** Reads a table in id order, a page at a time, so the connection is never held by an open cursor while the writer awaits. */
function* pages(ctx: Ctx, sql: string, params: unknown[] = [], size = 5000): Generator<Row> {
  let last = 0
  for (;;) {
    const rows = ctx.sqlite.prepare(`${sql} AND id > ? ORDER BY id LIMIT ?`).all(...params, last, size) as Row[]
    for (const r of rows) yield r
    if (rows.length < size) return
    last = rows[rows.length - 1]!.id as number
  }
}

const OBJECT_COL: Record<string, string> = {
  code: 'code', name: 'name', entityType: 'entity_type', regAuthority: 'reg_authority', legalRep: 'legal_rep', address: 'address',
  regStatus: 'reg_status', establishedOn: 'established_on', businessScope: 'business_scope', remark: 'remark', industry: 'industry',
  township: 'township', creditClass: 'credit_class', tags: 'tags'
}

function objectCell(r: Row, key: string): RawCell {
  if (key === 'kind') return KIND_LABEL[r.kind as ObjectKind]
  const v = r[OBJECT_COL[key]!]
  return v === null || v === undefined ? '' : (v as RawCell)
}

function inspectorCell(r: Row, key: string): RawCell {
  switch (key) {
    case 'idNumber':
      return r.id_number as string
    case 'certValidUntil':
      return r.cert_valid_until === CERT_PERMANENT ? '长期' : ((r.cert_valid_until as string | null) ?? '')
    case 'isExpert':
      return r.is_expert ? '是' : '否'
    case 'status':
      return r.active ? '在岗' : (r.inactive_reason as string) || '离岗'
    default: {
      const col = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
      return (r[col] as RawCell) ?? ''
    }
  }
}

function itemCell(r: Row, key: string): RawCell {
  if (key === 'itemName') return r.name as string
  if (key === 'ratioCap') return formatPermille((r.ratio_cap_permille as number | null) ?? null)
  if (key === 'dept') return r.dept_name as string
  return (r[key] as RawCell) ?? ''
}

function* numbered(rows: Iterable<Row>, cols: Column[], cell: (r: Row, key: string) => RawCell): Generator<RawCell[]> {
  let n = 0
  for (const r of rows) {
    n++
    yield cols.map((c) => (c.key === 'seq' ? n : cell(r, c.key)))
  }
}

const KINDS: ObjectKind[] = ['market', 'institution', 'social']

function defaultOrg(ctx: Ctx): string {
  return getSettings(ctx).officeName
}

/** 附件3's two-row header: 抽查项目 spans 抽查类别 + 检查事项; every other caption spans both rows. */
function itemHeader(cols: Column[], firstRow: number): { header: string[][]; merges: string[] } {
  const top: string[] = []
  const sub: string[] = []
  const merges: string[] = []
  cols.forEach((c, i) => {
    const L = colLetter(i + 1)
    if (c.key === 'category') {
      top.push(ITEM_GROUP_CAPTION)
      sub.push(c.caption)
      merges.push(`${L}${firstRow}:${colLetter(i + 2)}${firstRow}`)
    } else if (c.key === 'itemName') {
      top.push('')
      sub.push(c.caption)
    } else {
      top.push(c.caption)
      sub.push('')
      merges.push(`${L}${firstRow}:${L}${firstRow + 1}`)
    }
  })
  return { header: [top, sub], merges }
}

export interface ExportOptions {
  /** Issuing body in the title “（…）检查对象名录库”; defaults to the office name in the settings. */
  org?: string
  /** Items only: one department (name, short name or code); all departments otherwise. */
  deptId?: number
  /** Objects only: the filter of the 检查对象 page (search, kind, township …); the whole registry otherwise. */
  objectFilter?: ObjectFilter
  /** Rows written so far, of all: the page shows a bar while a county's registry is written. */
  onProgress?: (done: number, total: number) => void
}

/** Passes rows through, telling every thousandth (and the last) to `tell`. */
function* counted<T>(rows: Iterable<T>, tell: (n: number) => void, from: { n: number }): Generator<T> {
  for (const r of rows) {
    yield r
    if (++from.n % 1000 === 0) tell(from.n)
  }
  tell(from.n)
}

/** The objects a filter selects, as SQL for `objects o` (empty filter → all). */
function objectWhere(f: ObjectFilter | undefined): { sql: string; params: unknown[] } {
  const { where, params } = objectFilter(f ?? {})
  return { sql: where ? ` AND ${where.replace(/^\s*WHERE\s+/i, '')}` : '', params }
}

function objectSheets(ctx: Ctx, org: string, blank: boolean, f?: ObjectFilter): SheetOut[] {
  const w = objectWhere(f)
  return KINDS.map((kind) => {
    const cols = objectColumns(kind)
    return {
      name: KIND_SHEET[kind],
      title: objectTitle(org, kind),
      header: [cols.map((c) => c.caption)],
      widths: cols.map((c) => c.width),
      rows: blank ? [] : numbered(pages(ctx, `SELECT o.* FROM objects o WHERE o.kind = ?${w.sql}`, [kind, ...w.params]), cols, objectCell)
    }
  })
}

function inspectorSheets(ctx: Ctx, org: string, blank: boolean): SheetOut[] {
  const cols = inspectorColumns()
  return [
    {
      name: '执法人员名录库',
      title: inspectorTitle(org),
      header: [cols.map((c) => c.caption)],
      widths: cols.map((c) => c.width),
      rows: blank ? [] : numbered(pages(ctx, `SELECT * FROM inspectors WHERE 1`), cols, inspectorCell)
    }
  ]
}

function itemSheets(ctx: Ctx, org: string, blank: boolean, deptId?: number): SheetOut[] {
  const cols = itemColumns()
  const { header, merges } = itemHeader(cols, 2)
  const sheet = (name: string, title: string, rows: Iterable<RawCell[]>): SheetOut => ({
    name,
    title,
    header,
    headerMerges: merges,
    widths: cols.map((c) => c.width),
    rows
  })
  if (blank) return [sheet('抽查事项清单', itemTitle(org), [])]
  const depts = ctx.sqlite
    .prepare(
      `SELECT d.id, d.name FROM departments d WHERE EXISTS (SELECT 1 FROM items i WHERE i.dept_id = d.id) ${deptId ? 'AND d.id = ?' : ''} ORDER BY d.sort_order, d.id`
    )
    .all(...(deptId ? [deptId] : [])) as { id: number; name: string }[]
  if (depts.length === 0) return [sheet('抽查事项清单', itemTitle(org), [])]
  return depts.map((d) => {
    const rows = ctx.sqlite.prepare(`SELECT * FROM items WHERE dept_id = ? ORDER BY sort_order, id`).all(d.id) as Row[]
    return sheet(d.name, itemTitle(d.name), numbered(rows, cols, itemCell))
  })
}

function csvOf(ctx: Ctx, registry: Registry, deptId?: number, f?: ObjectFilter): { header: string[]; rows: Iterable<RawCell[]> } {
  if (registry === 'objects') {
    const keys = ['seq', 'kind', 'code', 'name', 'entityType', 'regAuthority', 'legalRep', 'address', 'regStatus', 'establishedOn', 'businessScope', 'remark', 'industry', 'township', 'creditClass', 'tags']
    const cols = keys.map((k) => ({ key: k, caption: OBJECT_FIELDS.find((f) => f.key === k)!.label, width: 0 }))
    const w = objectWhere(f)
    return { header: cols.map((c) => c.caption), rows: numbered(pages(ctx, `SELECT o.* FROM objects o WHERE 1${w.sql}`, w.params), cols, objectCell) }
  }
  if (registry === 'inspectors') {
    const cols = inspectorColumns()
    return { header: cols.map((c) => c.caption), rows: numbered(pages(ctx, `SELECT * FROM inspectors WHERE 1`), cols, inspectorCell) }
  }
  const cols = [itemColumns()[0]!, { key: 'dept', caption: '所属部门', width: 0 }, ...itemColumns().slice(1)]
  const rows = ctx.sqlite
    .prepare(
      `SELECT i.*, d.name AS dept_name FROM items i JOIN departments d ON d.id = i.dept_id ${deptId ? 'WHERE i.dept_id = ?' : ''} ORDER BY d.sort_order, d.id, i.sort_order, i.id`
    )
    .all(...(deptId ? [deptId] : [])) as Row[]
  return { header: cols.map((c) => c.caption), rows: numbered(rows, cols, itemCell) }
}

function sheetsOf(ctx: Ctx, registry: Registry, org: string, blank: boolean, deptId?: number, f?: ObjectFilter): SheetOut[] {
  if (registry === 'objects') return objectSheets(ctx, org, blank, f)
  if (registry === 'inspectors') return inspectorSheets(ctx, org, blank)
  return itemSheets(ctx, org, blank, deptId)
}

function count(ctx: Ctx, registry: Registry, deptId?: number, f?: ObjectFilter): number {
  if (registry === 'objects') {
    const w = objectWhere(f)
    return (ctx.sqlite.prepare(`SELECT count(*) AS n FROM objects o WHERE 1${w.sql}`).get(...w.params) as { n: number }).n
  }
  const where = registry === 'items' && deptId ? ` WHERE dept_id = ${Number(deptId)}` : ''
  return (ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${registry}${where}`).get() as { n: number }).n
}

/** Exports a registry in its official 附件 layout (.xlsx) or as CSV (UTF-8 with BOM); the format follows the file extension. */
export async function exportRegistry(ctx: Ctx, registry: Registry, out: string, opts: ExportOptions = {}): Promise<{ file: string; rows: number }> {
  const ext = extname(out).toLowerCase()
  if (ext !== '.xlsx' && ext !== '.csv') throw new UserError(`导出文件名应以 .xlsx 或 .csv 结尾（现为“${out}”），请修改后重试。`)
  const rows = count(ctx, registry, opts.deptId, opts.objectFilter)
  const written = { n: 0 }
  const tell = (n: number) => opts.onProgress?.(Math.min(n, rows), rows)
  try {
    if (ext === '.csv') {
      const c = csvOf(ctx, registry, opts.deptId, opts.objectFilter)
      await writeCsv(out, c.header, counted(c.rows, tell, written))
    } else {
      const sheets = sheetsOf(ctx, registry, opts.org ?? defaultOrg(ctx), false, opts.deptId, opts.objectFilter)
      await writeXlsx(out, sheets.map((sh) => ({ ...sh, rows: counted(sh.rows, tell, written) })))
    }
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError(`无法写入“${out}”：${(e as Error).message}。请确认文件没有在 Excel/WPS 中打开，且目录可写。`, 'write-failed')
  }
  ctx.sqlite.transaction(() => audit(ctx, { action: `导出${REGISTRY_LABELS[registry]}`, entity: registry, detail: { file: out, rows, ...(opts.objectFilter && Object.keys(opts.objectFilter).length ? { filter: opts.objectFilter } : {}) } }))()
  return { file: out, rows }
}

/** A blank template (title + header only) to hand out to departments. */
export async function writeTemplate(registry: Registry, out: string, org = '__________'): Promise<void> {
  if (extname(out).toLowerCase() !== '.xlsx') throw new UserError('模板文件名应以 .xlsx 结尾，请修改后重试。')
  await writeXlsx(out, sheetsOf(null as unknown as Ctx, registry, org, true))
}
