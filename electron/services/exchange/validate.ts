import type Database from 'better-sqlite3'
import { DISPOSAL_LIST, RESULT_CATEGORY_LIST, TASK_STATUSES } from '@contract'
import { checkIdNumber, checkObjectCode, isValidMobile, isValidUscc } from '../registry/identifiers'
import { isRealDate } from '../results/dates'
import { resultProblem } from '../results/validate'
import type { EntityAdapter } from './adapters'

type Fields = Record<string, unknown>

/** One column's rule: a Chinese reason when the value is wrong, else null. */
type Rule = (v: unknown, f: Fields) => string | null

const oneOf = (what: string, list: readonly string[]): Rule => {
  const allowed = new Set(list)
  return (v) => (allowed.has(String(v)) ? null : `${what}“${String(v)}”不是允许的取值（${list.join('、')}）`)
}

const date =
  (what: string, nullable = true): Rule =>
  (v) =>
    (v === null && nullable) || (typeof v === 'string' && isRealDate(v)) ? null : `${what}“${String(v)}”不是有效日期`

const nonEmpty =
  (what: string): Rule =>
  (v) =>
    typeof v === 'string' && v.trim() !== '' ? null : `缺少${what}`

/** The value must already be in the form local entry stores (validated and normalised), not merely acceptable to normalise. */
const USCC_FORM = /^[0-9A-HJ-NP-RTUW-Y]{18}$/
const objectCode: Rule = (v) => {
  // The common case, already normalised and valid, without the normalising pass (150 000 rows per county import).
  if (typeof v === 'string' && USCC_FORM.test(v) && isValidUscc(v)) return null
  const c = checkObjectCode(v)
  return c.ok && c.code === v ? null : c.ok ? `统一社会信用代码/注册号“${String(v)}”未按规范书写` : c.reason
}
const idNumber: Rule = (v) => {
  const c = checkIdNumber(v)
  return c.ok && c.id === v ? null : c.ok ? `身份证号“${String(v)}”未按规范书写` : c.reason
}

/**
 * Rules of the columns local entry and the spreadsheet imports check, by
 * table; the same validators (identifiers, enums, credit classes, dates).
 * Columns not named here are still checked generically (type, required,
 * length), so a column added by a later migration needs no entry to be safe.
 */
const RULES: Record<string, Record<string, Rule>> = {
  departments: { code: (v) => (typeof v === 'string' && /^[A-Z0-9_]{1,20}$/.test(v) ? null : `单位代码“${String(v)}”应为 1–20 位大写字母或数字`), name: nonEmpty('单位名称') },
  objects: {
    code: objectCode,
    kind: oneOf('对象类型', ['market', 'institution', 'social']),
    name: nonEmpty('名称'),
    credit_class: oneOf('信用风险分类', ['A', 'B', 'C', 'D']),
    established_on: date('成立日期')
  },
  inspectors: {
    id_number: idNumber,
    name: nonEmpty('姓名'),
    gender: oneOf('性别', ['', '男', '女']),
    phone: (v) => (v === '' || (typeof v === 'string' && isValidMobile(v)) ? null : `手机号码“${String(v)}”不是 11 位手机号码`),
    cert_valid_until: date('执法证有效期'),
    is_expert: oneOf('专家标记', ['0', '1']),
    active: oneOf('在岗标记', ['0', '1'])
  },
  items: {
    category: nonEmpty('抽查类别'),
    name: nonEmpty('检查事项'),
    level: oneOf('事项类别', ['重点', '一般']),
    ratio_cap_permille: (v) => (v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1000) ? null : `比例上限“${String(v)}”应在 0–100% 之间`)
  },
  plan_entries: { year: (v) => (Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100 ? null : `年度“${String(v)}”不是有效年份`) },
  tasks: { status: oneOf('任务状态', TASK_STATUSES) },
  object_inspections: { object_code: objectCode },
  inspection_results: {
    object_code: objectCode,
    category: oneOf('检查结果', RESULT_CATEGORY_LIST),
    disposal: oneOf('后续处置', DISPOSAL_LIST),
    check_date: date('检查日期', false),
    follow_up_done_on: date('办结日期'),
    // The combination rules of the grid and the spreadsheet import (evidence, disposal reference …).
    uid: (_v, f) =>
      RESULT_CATEGORY_LIST.includes(f.category as never) && typeof f.check_date === 'string' && isRealDate(f.check_date)
        ? resultProblem(
            {
              checkDate: f.check_date,
              category: f.category,
              evidence: String(f.evidence ?? ''),
              disposal: f.disposal,
              disposalRef: String(f.disposal_ref ?? ''),
              findings: String(f.findings ?? '')
            } as Parameters<typeof resultProblem>[0],
            { today: '9999-12-31', periodStart: '0000-01-01' }
          )
        : null
  },
  result_corrections: { approved_by: nonEmpty('批准人'), reason: nonEmpty('更正原因') },
  result_public_stops: { object_code: objectCode, stopped_on: date('停止公示日期', false), reason: nonEmpty('停止公示原因'), approved_by: nonEmpty('批准人') },
  result_revisits: { object_code: objectCode, visited_on: date('回访日期', false), way: nonEmpty('回访方式') }
}

/** In the registries, only long free text (经营范围, 检查内容 …) may be long; anything else that long is not something a clerk typed. */
const SHORT_TABLES = new Set(['departments', 'objects', 'inspectors', 'items'])
const LONG_COLUMNS = new Set(['business_scope', 'remark', 'content', 'basis', 'target', 'avoid_codes'])
const MAX_TEXT = 2000
const MAX_LONG = 5_000_000

interface ColumnInfo {
  name: string
  type: string
  notnull: number
}

const infoCache = new WeakMap<Database.Database, Map<string, ColumnInfo[]>>()

function columnInfo(sqlite: Database.Database, table: string): ColumnInfo[] {
  let m = infoCache.get(sqlite)
  if (!m) infoCache.set(sqlite, (m = new Map()))
  let cols = m.get(table)
  if (!cols) m.set(table, (cols = sqlite.prepare(`SELECT name, type, "notnull" FROM pragma_table_info(?)`).all(table) as ColumnInfo[]))
  return cols
}

interface TableCheck {
  columns: { name: string; notnull: boolean; ref: boolean; int: boolean; text: boolean; max: number }[]
  rules: [string, Rule][]
}

const checkCache = new WeakMap<Database.Database, Map<string, TableCheck>>()

/** What to check for one table, worked out once per connection. */
function tableCheck(sqlite: Database.Database, a: EntityAdapter): TableCheck {
  let m = checkCache.get(sqlite)
  if (!m) checkCache.set(sqlite, (m = new Map()))
  let c = m.get(a.table)
  if (!c) {
    c = {
      columns: columnInfo(sqlite, a.table).map((col) => {
        const t = col.type.toUpperCase()
        return {
          name: col.name,
          notnull: !!col.notnull,
          ref: !!a.refs[col.name],
          int: t.includes('INT'),
          text: t.includes('TEXT'),
          max: SHORT_TABLES.has(a.table) && !LONG_COLUMNS.has(col.name) ? MAX_TEXT : MAX_LONG
        }
      }),
      rules: Object.entries(RULES[a.table] ?? {})
    }
    m.set(a.table, c)
  }
  return c
}

/**
 * Checks an incoming record (portable fields: references as natural keys)
 * against our schema and the entry rules. Returns the first problem as a
 * Chinese phrase, or null.
 */
export function rowProblem(sqlite: Database.Database, a: EntityAdapter, f: Fields): string | null {
  const check = tableCheck(sqlite, a)
  for (const c of check.columns) {
    if (!(c.name in f)) continue
    const v = f[c.name]
    if (v === null || v === undefined) {
      if (c.notnull && !c.ref) return `必填的一项为空`
      continue
    }
    // References travel as natural keys (text); they are resolved separately.
    if (c.ref) continue
    if (c.int && !Number.isInteger(v)) return `应为整数的一项写成了“${String(v).slice(0, 20)}”`
    if (c.text) {
      if (typeof v !== 'string') return `应为文字的一项写成了其他类型`
      if (v.length > c.max) return `有一项长度超过 ${c.max} 字`
    }
  }
  for (const [col, rule] of check.rules) {
    if (!(col in f)) continue
    const v = f[col]
    const problem = rule(typeof v === 'boolean' || (typeof v === 'number' && (col === 'is_expert' || col === 'active')) ? String(Number(v)) : v, f)
    if (problem) return problem
  }
  return null
}
