import type { Ctx } from '../../context'
import { checkObjectCode } from '../identifiers'
import { cellLongText, cellText, parseDate, type RawCell } from '../spreadsheet/normalize'
import { OBJECT_FIELDS, KIND_LABEL, type ObjectKind } from '../spreadsheet/layouts'
import type { SheetHeader } from '../spreadsheet/reader'
import { runImport, type Importer, type SqlValue } from './engine'
import { parseCreditClass, parseKind, parseRegStatus, splitList } from './fields'
import type { ImportOptions, ImportResult } from './types'
import { suspendObjectsFtsInsertTrigger } from '../objects/fts'
import { OBJECT_LIMITS, fitList, fitOptional, tooLongRequired } from './fieldLimits'

const LABELS = new Map(OBJECT_FIELDS.map((f) => [f.key, f.label]))
const labelOf = (key: string) => LABELS.get(key) ?? key

export interface ObjectImportOptions extends ImportOptions {
  /** Used when neither a 类型 column, the title nor the sheet name says which kind a sheet holds. */
  kind?: ObjectKind
}

/** Kind of a sheet: its title, then its tab name, then the caller's choice, then the header's wording. */
export function sheetKind(h: SheetHeader, fallback?: ObjectKind): ObjectKind {
  const title = h.titleLines.join(' ')
  // The kind is written after 名录库, usually in brackets; the issuing body before it may itself contain 机关.
  const after = /名录库(.*)$/.exec(title)?.[1] ?? ''
  return (
    parseKind(after) ??
    (after ? null : parseKind(title)) ??
    parseKind(h.sheetName) ??
    fallback ??
    (h.captions.some((c) => c.replace(/\s+/g, '').includes('市场主体')) ? 'market' : null) ??
    'market'
  )
}

/** Excel keeps at most 15 significant digits of a number: a longer code typed as a number is already damaged. */
export function numberHint(raw: RawCell): string {
  return typeof raw === 'number' && raw >= 1e15 ? '（该单元格被存成了数字，超过 15 位的部分已丢失：请把该列设为“文本”格式后重新填写）' : ''
}

const TEXT_COLS: [string, string][] = [
  ['entityType', 'entity_type'],
  ['regAuthority', 'reg_authority'],
  ['legalRep', 'legal_rep'],
  ['address', 'address'],
  ['businessScope', 'business_scope'],
  ['remark', 'remark'],
  ['industry', 'industry'],
  ['township', 'township']
]

export function objectImporter(opts: ObjectImportOptions = {}): Importer<{ kind: ObjectKind }> {
  return {
    registry: 'objects',
    table: 'objects',
    auditAction: '导入检查对象名录',
    fields: OBJECT_FIELDS,
    required: [['code', 'regNo'], ['name']],
    labels: Object.fromEntries(
      [['kind', 'kind'], ['name', 'name'], ...TEXT_COLS, ['regStatus', 'reg_status'], ['establishedOn', 'established_on'], ['creditClass', 'credit_class'], ['tags', 'tags']].map(([k, c]) => [c!, labelOf(k!)])
    ),
    sheet: (h) => ({ kind: sheetKind(h, opts.kind) }),
    beginBulk: suspendObjectsFtsInsertTrigger,
    parse: (_r, s, a) => {
      const rawCode = cellText(a.get('code')) ? a.get('code') : a.get('regNo')
      const code = checkObjectCode(rawCode)
      const name = cellText(a.get('name'))
      const reasons: string[] = []
      if (!code.ok) reasons.push(code.reason + numberHint(rawCode))
      if (!name) reasons.push('缺少名称')
      const long = name ? tooLongRequired('名称', name, OBJECT_LIMITS.name) : null
      if (long) reasons.push(long)
      if (!code.ok || !name || long) return { reason: reasons.join('；') }

      let kind = s.kind
      const kindText = cellText(a.get('kind'))
      if (kindText) {
        const k = parseKind(kindText)
        if (k) kind = k
        else a.warn('kind', kindText, `无法识别对象类型“${kindText}”，按${KIND_LABEL[kind]}导入`)
      }
      const values: Record<string, SqlValue> = { kind, name }
      for (const [key, col] of TEXT_COLS) {
        const t = col === 'business_scope' || col === 'remark' ? cellLongText(a.get(key)) : cellText(a.get(key))
        if (t) values[col] = fitOptional(a, key, labelOf(key), t, OBJECT_LIMITS[key])
      }
      const status = cellText(a.get('regStatus'))
      if (status) values.reg_status = fitOptional(a, 'regStatus', labelOf('regStatus'), parseRegStatus(status), OBJECT_LIMITS.regStatus)
      const d = parseDate(a.get('establishedOn'))
      if (d.ok) {
        if (d.value) values.established_on = d.value
      } else a.warn('establishedOn', d.raw, `成立日期“${d.raw}”无法识别，未导入该项（可写作 2019-03-05）`)
      const ccText = cellText(a.get('creditClass'))
      if (ccText) {
        const cc = parseCreditClass(ccText)
        if (cc) values.credit_class = cc
        else a.warn('creditClass', ccText, `信用风险分类“${ccText}”不是 A、B、C、D 之一，未导入该项`)
      }
      const tagText = cellText(a.get('tags'))
      if (tagText) {
        const tags = fitList(a, 'tags', labelOf('tags'), [...new Set(splitList(tagText))], OBJECT_LIMITS.tags)
        if (tags.length) values.tags = tags.join(' ')
      }
      return { key: code.code, keyText: `代码 ${code.code} `, keyValues: { code: code.code }, values, row: _r.row, sheet: _r.sheet.sheetName }
    }
  }
}

export function importObjects(ctx: Ctx, file: string, opts: ObjectImportOptions = {}): Promise<ImportResult> {
  return runImport(ctx, file, objectImporter(opts), opts)
}
