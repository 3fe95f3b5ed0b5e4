import type { RawCell } from '../spreadsheet/cell'
import { readGrid } from '../spreadsheet/grid'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { planEntryInputSchema, type PlanEntryInput, type PlanImportResult } from '@contract'
import { deptResolver, splitNames } from './deptNames'
import { parseScope } from './scopeText'
import { createPlanEntry, updatePlanEntry, validatePlanEntry } from './service'
import { PLAN_HEADERS } from './xlsx'

const tidy = (s: string) => s.replace(/[\s\u3000]+/g, '')

export function cellText(v: RawCell): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`
  return String(v).trim()
}

/** 抽取日期 in the ways people type it → 'YYYY-MM' or 'YYYY-MM-DD'; null when unreadable. */
export function parsePlanDate(raw: RawCell): string | null {
  if (raw instanceof Date) return cellText(raw)
  if (typeof raw === 'number' && raw > 20000 && raw < 80000) {
    // Excel serial day (1900 system)
    return cellText(new Date(Date.UTC(1899, 11, 30) + Math.round(raw) * 86400000))
  }
  const s = cellText(raw).replace(/\s+/g, '')
  if (!s) return ''
  const m = /^(\d{4})(?:年|[-./])(\d{1,2})(?:月)?(?:(?:[-./])?(\d{1,2})(?:日)?)?(?:上旬|中旬|下旬|底|初)?$/.exec(s)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  if (mo < 1 || mo > 12) return null
  const ym = `${y}-${String(mo).padStart(2, '0')}`
  if (!m[3]) return ym
  const d = Number(m[3])
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1) return null
  return `${ym}-${String(d).padStart(2, '0')}`
}

function ratioText(v: RawCell): string {
  if (typeof v === 'number') return v <= 1 ? `${Math.round(v * 10000) / 100}%` : String(v)
  return cellText(v)
}

interface Parsed {
  row: number
  input: PlanEntryInput
  key: string
}

/**
 * Reads a 附件5 sheet and writes its entries — all of them or none. Departments
 * are resolved by full or short name; items by name within the lists of the
 * initiator and the joint departments. An entry with the same year, initiator,
 * plan name and task name as an existing one updates it, so re-importing the
 * same sheet changes nothing.
 */
export async function importPlanXlsx(ctx: Ctx, file: string): Promise<PlanImportResult> {
  const ws = (await readGrid(file))[0]
  if (!ws) throw new UserError(`“${file}”中没有工作表。`, 'empty-file')

  let headerRow = 0
  const col = new Map<string, number>()
  for (let r = 1; r <= Math.min(ws.rowCount, 15) && !headerRow; r++) {
    const texts = new Map<string, number>()
    ws.row(r).forEach((v, i) => {
      if (v !== null && v !== '') texts.set(tidy(cellText(v)), i + 1)
    })
    if (texts.has('抽查计划名称') && texts.has('检查发起机关')) {
      headerRow = r
      for (const [t, n] of texts) col.set(t, n)
    }
  }
  if (!headerRow) throw new UserError(`“${file}”不是年度联合抽查计划表：前 15 行中找不到含“抽查计划名称”“检查发起机关”的表头。请使用附件5的格式。`, 'no-header')
  const missing = PLAN_HEADERS.filter((h) => h !== '序号' && h !== '抽查对象总数' && !col.has(h))
  if (missing.length) throw new UserError(`计划表缺少以下列：${missing.join('、')}。请按附件5的表头补齐后再导入。`, 'missing-columns')

  let titleYear: number | null = null
  for (let r = 1; r < headerRow; r++) {
    const m = /(\d{4})\s*年/.exec(ws.row(r).map(cellText).join(''))
    if (m) titleYear = Number(m[1])
  }

  const resolve = deptResolver(ctx)
  const itemsOf = ctx.sqlite.prepare(`SELECT uid, name FROM items WHERE dept_id = ? ORDER BY sort_order, id`)
  const errors: PlanImportResult['errors'] = []
  const warnings: PlanImportResult['warnings'] = []
  const parsed: Parsed[] = []
  const seen = new Map<string, number>()

  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const get = (h: string): RawCell => (col.has(h) ? ws.cell(r, col.get(h)!) : null)
    const txt = (h: string) => cellText(get(h))
    const planName = txt('抽查计划名称')
    const taskName = txt('抽查任务名称')
    const initiatorText = txt('检查发起机关')
    if (!planName && !taskName && !initiatorText) continue // blank rows and notes under the table
    const fail = (reason: string) => errors.push({ row: r, reason })
    const before = errors.length

    if (!taskName) fail('抽查任务名称为空，请填写。')
    const initiator = initiatorText ? resolve(initiatorText) : null
    if (!initiatorText) fail('检查发起机关为空，请填写成员单位的全称或简称。')
    else if (!initiator) fail(`检查发起机关“${initiatorText}”不是成员单位，请填写成员单位的全称或简称。`)
    const joint: number[] = []
    for (const n of splitNames(txt('联合机关'))) {
      const d = resolve(n)
      if (!d) fail(`联合机关“${n}”不是成员单位，请填写成员单位的全称或简称。`)
      else if (d.id !== initiator?.id && !joint.includes(d.id)) joint.push(d.id)
    }
    const checkTypeText = txt('抽查类型') || '不定向'
    if (checkTypeText !== '定向' && checkTypeText !== '不定向') fail(`抽查类型“${checkTypeText}”不对，只能填“定向”或“不定向”。`)
    const drawDate = parsePlanDate(get('抽取日期'))
    if (drawDate === null) fail(`抽取日期“${txt('抽取日期')}”看不懂，请写成“2026年4月”或“2026-04-15”。`)
    const year = drawDate ? Number(drawDate.slice(0, 4)) : titleYear
    if (!year) fail('无法确定年度：抽取日期为空，标题中也没有“XXXX年度”。请填写抽取日期。')

    const itemUids: string[] = []
    if (initiator) {
      const pool = [initiator.id, ...joint].flatMap((d) => itemsOf.all(d) as { uid: string; name: string }[])
      const byName = new Map<string, string>()
      for (const it of pool) if (!byName.has(tidy(it.name))) byName.set(tidy(it.name), it.uid)
      for (const part of txt('抽查事项').split(/[\n\r；;]+/).map((s) => s.trim()).filter(Boolean)) {
        const names = byName.has(tidy(part)) ? [part] : part.split(/[、，,]+/).map((s) => s.trim()).filter(Boolean)
        for (const n of names) {
          const uid = byName.get(tidy(n))
          if (!uid) fail(`抽查事项“${n}”不在检查发起机关或联合机关的随机抽查事项清单中，请核对事项名称或先导入事项清单。`)
          else if (!itemUids.includes(uid)) itemUids.push(uid)
        }
      }
    }
    const sc = parseScope(txt('抽查对象范围'), resolve)
    for (const n of sc.unknownDepts) fail(`抽查对象范围中的名录库“${n}”不是成员单位。`)
    if (sc.unrecognised.length) {
      warnings.push({ row: r, reason: `抽查对象范围“${sc.unrecognised.join('；')}”未能识别为筛选条件，已作为说明保存，抽查对象总数暂按其余条件计算，请在程序中补充范围。` })
    }
    if (errors.length > before || !initiator || !year) continue

    const input: PlanEntryInput = {
      year,
      planName: planName || taskName,
      taskName,
      checkType: checkTypeText as '定向' | '不定向',
      ratioText: ratioText(get('抽查比例')),
      itemUids,
      scope: sc.scope,
      initiatorDeptId: initiator.id,
      jointDeptIds: joint,
      drawDate: drawDate ?? '',
      status: '已报送'
    }
    const key = JSON.stringify([year, initiator.id, input.planName, taskName])
    if (seen.has(key)) {
      fail(`与第 ${seen.get(key)} 行重复（同一发起机关、计划名称和任务名称），请删去一行。`)
      continue
    }
    seen.set(key, r)
    try {
      validatePlanEntry(ctx, planEntryInputSchema.parse(input))
      parsed.push({ row: r, input, key })
    } catch (e) {
      if (e instanceof UserError) fail(e.message)
      else if (e && typeof e === 'object' && 'issues' in e) fail(((e as { issues: { message: string }[] }).issues[0]?.message ?? '内容有误') + '。')
      else throw e
    }
  }
  if (!parsed.length && !errors.length) errors.push({ row: headerRow + 1, reason: '表中没有计划条目。' })
  if (errors.length) return { ok: false, created: 0, updated: 0, errors, warnings }

  const find = ctx.sqlite.prepare(`SELECT id FROM plan_entries WHERE year = ? AND initiator_dept_id = ? AND plan_name = ? AND task_name = ? AND status NOT IN ('已合并', '已取消')`)
  const auditCount = ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log')
  let created = 0
  let updated = 0
  ctx.sqlite.transaction(() => {
    for (const p of parsed) {
      const old = find.get(p.input.year, p.input.initiatorDeptId, p.input.planName, p.input.taskName) as { id: number } | undefined
      if (old) {
        const { status: _s, ...rest } = p.input
        // an unchanged row writes no audit entry: that is how a real change is told apart
        const before = auditCount.get() as { n: number }
        updatePlanEntry(ctx, { id: old.id, ...rest }, '导入更新年度计划条目')
        if ((auditCount.get() as { n: number }).n !== before.n) updated++
      } else {
        createPlanEntry(ctx, p.input)
        created++
      }
    }
    audit(ctx, { action: '导入年度计划表', entity: 'plan', detail: { file, rows: parsed.length, created, updated } })
  })()
  return { ok: true, created, updated, errors, warnings }
}
