import type { Ctx } from '../../context'
import { checkIdNumber, checkObjectCode, isValidMobile, normalizeCode, normalizePhone } from '../identifiers'
import { cellText, parseDate } from '../spreadsheet/normalize'
import { INSPECTOR_FIELDS } from '../spreadsheet/layouts'
import { runImport, type Importer, type SqlValue } from './engine'
import { parseYesNo, splitList } from './fields'
import { numberHint } from './objects'
import { INSPECTOR_LIMITS, fitList, fitOptional, tooLongRequired } from './fieldLimits'

const labelOf = (key: string) => INSPECTOR_FIELDS.find((f) => f.key === key)?.label ?? key
import type { ImportOptions, ImportResult } from './types'

/** 执法证 without an end date: stored as the far future so that date comparisons keep working. */
export const CERT_PERMANENT = '9999-12-31'

function departmentIndex(ctx: Ctx): Map<string, number> {
  const m = new Map<string, number>()
  const rows = ctx.sqlite.prepare('SELECT id, name, short_name AS shortName FROM departments').all() as { id: number; name: string; shortName: string }[]
  for (const d of rows) {
    m.set(d.name.replace(/\s+/g, ''), d.id)
    if (!m.has(d.shortName.replace(/\s+/g, ''))) m.set(d.shortName.replace(/\s+/g, ''), d.id)
  }
  // A formal unit name (泗阳县市场监督管理局) the office has already linked to a department keeps that link.
  const linked = ctx.sqlite
    .prepare('SELECT unit, min(dept_id) AS a, max(dept_id) AS b FROM inspectors WHERE dept_id IS NOT NULL AND unit IS NOT NULL GROUP BY unit')
    .all() as { unit: string; a: number; b: number }[]
  for (const l of linked) {
    const k = l.unit.replace(/\s+/g, '')
    if (l.a === l.b && !m.has(k)) m.set(k, l.a)
  }
  return m
}

export function inspectorImporter(ctx: Ctx): Importer<null> {
  const depts = departmentIndex(ctx)
  return {
    registry: 'inspectors',
    table: 'inspectors',
    auditAction: '导入执法人员名录',
    fields: INSPECTOR_FIELDS,
    required: [['idNumber'], ['name']],
    labels: {
      ...Object.fromEntries(
        (
          [
            ['name', 'name'], ['gender', 'gender'], ['phone', 'phone'], ['unit', 'unit'], ['division', 'division'], ['userLevel', 'user_level'], ['certNo', 'cert_no'],
            ['certAuthority', 'cert_authority'], ['certValidUntil', 'cert_valid_until'], ['specialties', 'specialties'], ['isExpert', 'is_expert'], ['status', 'active'],
            ['township', 'township'], ['avoidCodes', 'avoid_codes'], ['avoidTownships', 'avoid_townships']
          ] as const
        ).map(([k, c]) => [c, labelOf(k)])
      ),
      dept_id: '所属成员单位',
      inactive_reason: '不在岗原因'
    },
    sheet: () => null,
    parse: (r, _s, a) => {
      const rawId = a.get('idNumber')
      const id = checkIdNumber(rawId)
      const name = cellText(a.get('name')).replace(/\s+/g, '')
      const reasons: string[] = []
      if (!id.ok) reasons.push(id.reason + numberHint(rawId))
      if (!name) reasons.push('缺少姓名')
      const long = name ? tooLongRequired('姓名', name, INSPECTOR_LIMITS.name) : null
      if (long) reasons.push(long)
      if (!id.ok || !name || long) return { reason: reasons.join('；') }

      const values: Record<string, SqlValue> = { name }
      const gender = cellText(a.get('gender'))
      if (gender === '男' || gender === '女') {
        values.gender = gender
        if (gender !== id.gender) a.warn('gender', gender, `性别“${gender}”与身份证号（${id.gender}）不符，请核对`)
      } else {
        values.gender = id.gender
        if (gender) a.warn('gender', gender, `性别“${gender}”无法识别，已按身份证号记为${id.gender}`)
      }
      const phoneText = cellText(a.get('phone'))
      if (phoneText) {
        const p = normalizePhone(phoneText)
        if (isValidMobile(p)) values.phone = p
        else a.warn('phone', phoneText, `手机号码“${phoneText}”不是 11 位手机号码，未导入该项`)
      }
      const unit = fitOptional(a, 'unit', labelOf('unit'), cellText(a.get('unit')), INSPECTOR_LIMITS.unit)
      if (unit) {
        values.unit = unit
        // An unknown unit leaves an existing department link alone rather than erasing it.
        const dept = depts.get(unit.replace(/\s+/g, ''))
        if (dept !== undefined) values.dept_id = dept
      }
      for (const [key, col] of [
        ['division', 'division'],
        ['userLevel', 'user_level'],
        ['certAuthority', 'cert_authority'],
        ['township', 'township']
      ] as const) {
        const t = cellText(a.get(key))
        if (t) values[col] = fitOptional(a, key, labelOf(key), t, INSPECTOR_LIMITS[key])
      }
      const cert = normalizeCode(cellText(a.get('certNo')))
      if (cert) values.cert_no = fitOptional(a, 'certNo', labelOf('certNo'), cert, INSPECTOR_LIMITS.certNo)
      const spec = fitList(a, 'specialties', labelOf('specialties'), [...new Set(splitList(cellText(a.get('specialties'))))], INSPECTOR_LIMITS.specialties)
      if (spec.length) values.specialties = spec.join('、')

      const validText = cellText(a.get('certValidUntil')).replace(/\s+/g, '')
      if (/^(长期|长期有效|永久|无期限)$/.test(validText)) values.cert_valid_until = CERT_PERMANENT
      else {
        const d = parseDate(a.get('certValidUntil'))
        if (d.ok) {
          if (d.value) values.cert_valid_until = d.value
        } else a.warn('certValidUntil', d.raw, `执法证有效期“${d.raw}”无法识别，未导入该项（可写作 2026-12-31 或“长期”）`)
      }
      const expertText = cellText(a.get('isExpert'))
      if (expertText) {
        const e = parseYesNo(expertText)
        if (e === null) a.warn('isExpert', expertText, `“${expertText}”无法识别为是否专家（填“是”或“否”），未导入该项`)
        else values.is_expert = e ? 1 : 0
      }
      const status = cellText(a.get('status')).replace(/\s+/g, '')
      if (status) {
        const onDuty = /^(在岗|正常|在职|是)$/.test(status)
        values.active = onDuty ? 1 : 0
        values.inactive_reason = onDuty ? '' : fitOptional(a, 'status', labelOf('status'), status, INSPECTOR_LIMITS.inactiveReason)
      }
      const avoid = splitList(cellText(a.get('avoidCodes')))
      if (avoid.length) {
        const good: string[] = []
        for (const c of avoid) {
          const chk = checkObjectCode(c)
          if (chk.ok) good.push(chk.code)
          else a.warn('avoidCodes', c, `回避对象${chk.reason}，未导入该代码`)
        }
        const codes = fitList(a, 'avoidCodes', labelOf('avoidCodes'), [...new Set(good)], INSPECTOR_LIMITS.avoidCodes)
        if (codes.length) values.avoid_codes = codes.join(' ')
      }
      const avoidT = fitList(a, 'avoidTownships', labelOf('avoidTownships'), [...new Set(splitList(cellText(a.get('avoidTownships'))))], INSPECTOR_LIMITS.avoidTownships)
      if (avoidT.length) values.avoid_townships = avoidT.join('、')
      return { key: id.id, keyText: `身份证号 ${id.id} `, keyValues: { id_number: id.id }, values, row: r.row, sheet: r.sheet.sheetName }
    }
  }
}

export function importInspectors(ctx: Ctx, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  return runImport(ctx, file, inspectorImporter(ctx), opts)
}
