import { randomUUID } from 'node:crypto'
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { cellLongText, cellText } from '../spreadsheet/normalize'
import { ITEM_FIELDS } from '../spreadsheet/layouts'
import type { SheetHeader } from '../spreadsheet/reader'
import { ITEM_LIMITS, fitOptional, tooLongRequired } from './fieldLimits'
import { runImport, type Importer, type SqlValue } from './engine'
import { parseRatioPermille } from './fields'
import type { ImportOptions, ImportResult } from './types'

export interface ItemImportOptions extends ImportOptions {
  /** Department (name, short name or code) the list belongs to; otherwise taken from each sheet's title. */
  dept?: string
}

interface Dept {
  id: number
  name: string
  shortName: string
  code: string
}

export function findDepartment(ctx: Ctx, text: string): Dept | null {
  const t = text.replace(/\s+/g, '')
  if (!t) return null
  const all = ctx.sqlite.prepare('SELECT id, name, short_name AS shortName, code FROM departments').all() as Dept[]
  return all.find((d) => d.name === t) ?? all.find((d) => d.shortName === t) ?? all.find((d) => d.code === t.toUpperCase()) ?? null
}

/** “（县市场监管局）抽查事项清单” / “县市场监管局抽查事项清单” → 县市场监管局. */
export function deptFromTitle(lines: string[]): string {
  for (const line of lines) {
    const t = line.replace(/\s+/g, '')
    const m = /[（(]?([^（）()]+?)[）)]?(随机)?抽查事项清单/.exec(t)
    if (m) return m[1]!
  }
  return ''
}

function levelOf(text: string): '重点' | '一般' | null {
  const t = text.replace(/\s+/g, '')
  if (/^重点(事项|检查事项|抽查事项)?$/.test(t)) return '重点'
  if (/^一般(事项|检查事项|抽查事项)?$/.test(t)) return '一般'
  return null
}

export function itemImporter(ctx: Ctx, opts: ItemImportOptions = {}): Importer<{ dept: Dept | null }> {
  let fixed: Dept | null = null
  if (opts.dept) {
    fixed = findDepartment(ctx, opts.dept)
    if (!fixed) throw new UserError(`找不到成员单位“${opts.dept}”，请填写成员单位的全称、简称或代码（可在“成员单位”中查看）。`, 'unreadable')
  }
  const nextSort = new Map<number, number>()
  const deptCache = new Map<string, Dept | null>()
  return {
    registry: 'items',
    table: 'items',
    auditAction: '导入抽查事项清单',
    fields: ITEM_FIELDS,
    required: [['category'], ['itemName']],
    labels: Object.fromEntries(
      (
        [
          ['target', 'target'], ['method', 'method'], ['subject', 'subject'], ['frequency', 'frequency'], ['content', 'content'], ['basis', 'basis'],
          ['specialty', 'specialty'], ['level', 'level'], ['ratioCap', 'ratio_cap_permille']
        ] as const
      ).map(([k, c]) => [c, ITEM_FIELDS.find((f) => f.key === k)?.label ?? k])
    ),
    sheet: (h: SheetHeader) => {
      if (fixed) return { dept: fixed }
      // A 所属部门 column names the department row by row.
      if (h.columns.dept) return { dept: null }
      const named = deptFromTitle(h.titleLines)
      const d = named ? findDepartment(ctx, named) : null
      if (d) return { dept: d }
      throw new UserError(
        named
          ? `工作表“${h.sheetName}”标题中的部门“${named}”不是已登记的成员单位，请用 --dept 指定部门，或先在“成员单位”中添加。`
          : `无法确定工作表“${h.sheetName}”的事项清单属于哪个部门：请用 --dept 指定部门，或在表头上方写标题“（部门名称）抽查事项清单”。`,
        'unreadable'
      )
    },
    parse: (r, s, a) => {
      const deptText = cellText(a.get('dept'))
      const dept = deptText ? (deptCache.get(deptText) ?? deptCache.set(deptText, findDepartment(ctx, deptText)).get(deptText)!) : s.dept
      if (!dept) return { reason: deptText ? `所属部门“${deptText}”不是已登记的成员单位，请填写成员单位的全称、简称或代码` : '缺少所属部门' }
      const category = cellText(a.get('category'))
      const name = cellText(a.get('itemName'))
      if (!category || !name) return { reason: [!category && '缺少抽查类别', !name && '缺少检查事项'].filter(Boolean).join('；') }
      const long = [tooLongRequired('抽查类别', category, ITEM_LIMITS.category), tooLongRequired('检查事项', name, ITEM_LIMITS.name)].filter(Boolean)
      if (long.length) return { reason: long.join('；') }
      const values: Record<string, SqlValue> = {}
      for (const [key, col] of [
        ['target', 'target'],
        ['method', 'method'],
        ['subject', 'subject'],
        ['frequency', 'frequency'],
        ['content', 'content'],
        ['basis', 'basis'],
        ['specialty', 'specialty']
      ] as const) {
        const t = key === 'content' || key === 'basis' ? cellLongText(a.get(key)) : cellText(a.get(key))
        if (t) values[col] = fitOptional(a, key, ITEM_FIELDS.find((f) => f.key === key)?.label ?? key, t, ITEM_LIMITS[key])
      }
      const levelText = cellText(a.get('level'))
      if (levelText) {
        const l = levelOf(levelText)
        if (l) values.level = l
        else a.warn('level', levelText, `事项类别“${levelText}”应为“重点”或“一般”，未导入该项`)
      }
      const cap = parseRatioPermille(a.get('ratioCap'))
      if (cap === 'bad') a.warn('ratioCap', cellText(a.get('ratioCap')), `比例上限“${cellText(a.get('ratioCap'))}”无法识别（可写作 5%），未导入该项`)
      else if (cap !== null) values.ratio_cap_permille = cap
      return {
        key: `${dept.id}\u0001${category}\u0001${name}`,
        keyText: `事项“${category}／${name}”`,
        keyValues: { dept_id: dept.id, category, name },
        values,
        row: r.row,
        sheet: r.sheet.sheetName
      }
    },
    onInsert: (p) => {
      const dept = p.keyValues.dept_id as number
      let n = nextSort.get(dept)
      if (n === undefined) {
        n = (ctx.sqlite.prepare('SELECT coalesce(max(sort_order), 0) AS m FROM items WHERE dept_id = ?').get(dept) as { m: number }).m
      }
      nextSort.set(dept, n + 1)
      return { uid: randomUUID(), sort_order: n + 1 }
    }
  }
}

export function importItems(ctx: Ctx, file: string, opts: ItemImportOptions = {}): Promise<ImportResult> {
  return runImport(ctx, file, itemImporter(ctx, opts), opts)
}
