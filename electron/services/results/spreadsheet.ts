/**
 * The results sheet a department fills in: exported pre-filled with the drawn
 * objects × its items of one task, read back all-or-nothing with every
 * problem reported by its sheet row number.
 */
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import {
  CHECK_METHOD_LIST, DISPOSAL_LIST, FOLLOW_UP_NOTE_MAX, LEGACY_DISPOSALS, LEGACY_METHODS, RESULT_CATEGORY_LIST, followUpOf, resultCodeDef, resultInputSchema,
  type CheckMethod, type InspectionResult, type ResultImportReport, type ResultInputParsed, type ResultInspector, type ResultSheet
} from '@contract'
import { UserError } from '../errors'
import { getTask } from '../tasks/service'
import { readGrid } from '../spreadsheet/grid'
import { cellLongText, cellText, parseDate } from '../registry/spreadsheet/normalize'
import { normalizeCode } from '../registry/identifiers'
import { assertEnterable, frameOf, problemInTask, resultSheet, saveResults } from './entry'
import { closeFollowUp } from './followups'
import { taskProgress } from './progress'
import { resultsOfTask } from './store'

export const RESULT_SHEET_COLUMNS = [
  '序号', '统一社会信用代码（注册号）', '检查对象名称', '事项编号', '检查事项', '检查结果', '核查方式（可多选，用“、”分隔）', '检查情况',
  '后续处置', '案件编号（移送办案机构时必填）', '处置说明（抄告的部门或其他处置）', '证据说明（无法联系、不配合时必填）', '检查日期', '检查人员',
  '是否完结（是/否）', '完结日期', '办结说明'
] as const
/** Sheets exported before the 完结 columns end after 检查人员; they still read, without closing anything. */
const COLUMNS_BEFORE_CLOSING = 14
const WIDTHS = [6, 24, 30, 12, 26, 30, 22, 30, 18, 20, 22, 26, 13, 22, 12, 13, 26]

/** The 核查方式 an item's 检查方式 on the department's list names, as the default. */
function defaultMethods(itemMethod: string): CheckMethod[] {
  const legacy = Object.entries(LEGACY_METHODS).filter(([old]) => itemMethod.includes(old)).map(([, m]) => m)
  return CHECK_METHOD_LIST.filter((m) => itemMethod.includes(m) || legacy.includes(m))
}

/** “实地检查、书面检查” → the list; names of earlier versions are understood. */
function methodsIn(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((m) => LEGACY_METHODS[m] ?? m)
}
const HEADER_ROW = 4
const C = Object.fromEntries(RESULT_SHEET_COLUMNS.map((h, i) => [h, i + 1])) as Record<(typeof RESULT_SHEET_COLUMNS)[number], number>

/** Pre-filled sheet for one department: what was already entered is filled in, the rest carries the defaults. */
export async function exportResultTemplate(ctx: Ctx, taskId: number, deptId: number, path: string): Promise<{ file: string; rows: number }> {
  const sheet = resultSheet(ctx, taskId, deptId)
  const p = sheet.progress
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  const ws = wb.addWorksheet('检查结果')
  const lists = wb.addWorksheet('选项', { state: 'hidden' })
  RESULT_CATEGORY_LIST.forEach((v, i) => (lists.getCell(i + 1, 1).value = v))
  CHECK_METHOD_LIST.forEach((v, i) => (lists.getCell(i + 1, 2).value = v))
  DISPOSAL_LIST.forEach((v, i) => (lists.getCell(i + 1, 3).value = v))
  ws.columns = WIDTHS.map((width) => ({ width }))
  ws.mergeCells(1, 1, 1, RESULT_SHEET_COLUMNS.length)
  ws.getCell(1, 1).value = `${p.taskName}检查结果录入表`
  ws.getCell(1, 1).font = { bold: true, size: 15 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.getRow(2).values = ['任务编号', p.taskNo, '检查部门', sheet.deptName]
  ws.getRow(2).font = { bold: true }
  ws.mergeCells(3, 1, 3, RESULT_SHEET_COLUMNS.length)
  ws.getCell(3, 1).value = `说明：前五列和第二行请勿修改。检查结果、后续处置从下拉列表选择（检查结果也可填代码，如 1、E、F）；核查方式可填多项：${CHECK_METHOD_LIST.join('、')}；检查日期写成 2026-05-08；检查人员多人用“、”分隔。发现的问题处置完毕后，“是否完结”填“是”，并填写完结日期和办结说明；已完结的不能在表中撤销。`
  ws.getCell(3, 1).font = { color: { argb: 'FF666666' } }
  ws.getRow(HEADER_ROW).values = [...RESULT_SHEET_COLUMNS]
  ws.getRow(HEADER_ROW).font = { bold: true }
  ws.getRow(HEADER_ROW).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const [i, row] of sheet.rows.entries()) {
    const r = row.result
    const names = (r?.inspectors ?? row.team).map((x) => x.name).join('、')
    ws.addRow([
      i + 1, row.objectCode, row.objectName, row.itemUid, row.itemName,
      r?.category ?? '', (r?.methods ?? defaultMethods(row.itemMethod)).join('、'), r?.findings ?? '',
      r?.disposal ?? '', r?.caseNo ?? '', r?.disposalRef ?? '', r?.evidence ?? '', r?.checkDate ?? '', names,
      ...closingCells(r ?? undefined)
    ])
  }
  const last = Math.max(HEADER_ROW + 1, ws.rowCount)
  const list = (col: number, ref: string) => {
    const letter = ws.getColumn(col).letter
    for (let rn = HEADER_ROW + 1; rn <= last; rn++) {
      ws.getCell(`${letter}${rn}`).dataValidation = { type: 'list', allowBlank: true, formulae: [ref], showErrorMessage: true, errorTitle: '请从列表中选择', error: '请从下拉列表中选择一项。' }
    }
  }
  list(C['检查结果'], `选项!$A$1:$A$${RESULT_CATEGORY_LIST.length}`)
  list(C['后续处置'], `选项!$C$1:$C$${DISPOSAL_LIST.length}`)
  list(C['是否完结（是/否）'], '"是,否"')
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }]
  await wb.xlsx.writeFile(path)
  return { file: path, rows: sheet.rows.length }
}

/**
 * Reads a filled-in sheet back. Rows left without a 检查结果 are skipped (not
 * yet inspected); every other row must be right, or nothing is saved and each
 * problem is listed with its row number.
 */
export async function importResults(ctx: Ctx, taskId: number, path: string): Promise<ResultImportReport> {
  const ws = (await readGrid(path)).find((w) => !w.hidden)
  if (!ws) throw new UserError('表格中没有工作表。', 'unreadable')
  const task = getTask(ctx, taskId)
  // Published results are corrected, not re-entered (R11); their 完结 comes later and may still be recorded here.
  const published = task.status === '已公示'
  if (!published) assertEnterable(task)
  const text = (rn: number, cn: number) => cellText(ws.cell(rn, cn))
  const taskNo = text(2, 2)
  if (text(2, 1) !== '任务编号' || text(2, 3) !== '检查部门') {
    throw new UserError('这不是本程序导出的检查结果录入表（第 2 行应为“任务编号”和“检查部门”）。请先在“检查结果”中导出录入表，填好后再导入。', 'not-template')
  }
  if (taskNo !== task.taskNo) throw new UserError(`这张表是任务 ${taskNo} 的录入表，不是当前任务 ${task.taskNo} 的。请选择正确的任务或表格。`, 'wrong-task')
  const deptText = text(2, 4)
  const dept = task.departments.find((d) => d.deptName === deptText)
  if (!dept) throw new UserError(`第 2 行的检查部门“${deptText}”没有参加任务 ${task.taskNo}。`, 'wrong-dept')
  const headers = RESULT_SHEET_COLUMNS.map((_, i) => text(HEADER_ROW, i + 1))
  const withClosing = headers.slice(COLUMNS_BEFORE_CLOSING).some(Boolean)
  const expected = withClosing ? RESULT_SHEET_COLUMNS : RESULT_SHEET_COLUMNS.slice(0, COLUMNS_BEFORE_CLOSING)
  const wrong = expected.findIndex((h, i) => headers[i] !== h)
  // The sheet of earlier versions had one 核查方式 and 案件编号／移交部门／说明 in one column.
  if (wrong >= 0 && text(HEADER_ROW, 10) === '案件编号／移交部门／说明') {
    throw new UserError('这是旧版程序导出的录入表（检查结果、核查方式和后续处置的选项已改为国家标准），不能直接导入。请重新导出录入表，把已填的内容抄过去后再导入。', 'old-template')
  }
  if (wrong >= 0) throw new UserError(`第 ${HEADER_ROW} 行第 ${wrong + 1} 列应为“${RESULT_SHEET_COLUMNS[wrong]}”，表头被改动过。请重新导出录入表后填写。`, 'not-template')

  const f = frameOf(ctx, task)
  const before = new Map(resultsOfTask(ctx, taskId, dept.deptId).map((r) => [`${r.objectCode}|${r.itemUid}`, r]))
  const people = inspectorsByName(resultSheet(ctx, taskId, dept.deptId))
  const errors: ResultImportReport['errors'] = []
  const results: ResultInputParsed[] = []
  const closings: Closing[] = []
  const seen = new Map<string, number>()
  for (let rn = HEADER_ROW + 1; rn <= ws.rowCount; rn++) {
    const get = (h: (typeof RESULT_SHEET_COLUMNS)[number]) => text(rn, C[h])
    const code = normalizeCode(get('统一社会信用代码（注册号）'))
    const category = get('检查结果')
    if (!code && !category) continue
    if (!category) continue
    const err = (reason: string) => errors.push({ row: rn, reason })
    const date = parseDate(ws.cell(rn, C['检查日期']))
    if (!date.ok) {
      err(`检查日期“${date.raw}”无法识别，请写成 2026-05-08。`)
      continue
    }
    if (!date.value) {
      err('已填写检查结果，但没有填写检查日期。')
      continue
    }
    const parsed = resultInputSchema.safeParse({
      objectCode: code,
      deptId: dept.deptId,
      itemUid: get('事项编号'),
      // A code (1, E, F …) or the national wording is read as our label.
      category: resultCodeDef(category)?.label ?? category,
      methods: methodsIn(get('核查方式（可多选，用“、”分隔）')),
      findings: cellLongText(ws.cell(rn, C['检查情况'])),
      disposal: LEGACY_DISPOSALS[get('后续处置')] ?? (get('后续处置') || '无需处置'),
      caseNo: get('案件编号（移送办案机构时必填）'),
      disposalRef: get('处置说明（抄告的部门或其他处置）'),
      evidence: cellLongText(ws.cell(rn, C['证据说明（无法联系、不配合时必填）'])),
      checkDate: date.value,
      inspectors: get('检查人员').split(/[、,，;；\s]+/).filter(Boolean).map((name) => people.resolve(code, get('事项编号'), name))
    })
    if (!parsed.success) {
      const i = parsed.error.issues[0]!
      const field = { category: '检查结果', method: '核查方式', disposal: '后续处置', itemUid: '事项编号', objectCode: '统一社会信用代码' }[String(i.path[0])] ?? String(i.path[0])
      const got = get(field === '统一社会信用代码' ? '统一社会信用代码（注册号）' : (field as (typeof RESULT_SHEET_COLUMNS)[number]))
      err(`${field}“${got}”不符合要求：${i.message}。`)
      continue
    }
    const key = `${parsed.data.objectCode}|${parsed.data.itemUid}`
    if (seen.has(key)) {
      err(`与第 ${seen.get(key)} 行是同一对象的同一事项，请只保留一行。`)
      continue
    }
    seen.set(key, rn)
    const was = before.get(key)
    if (published) {
      if (!was || !sameResult(was, parsed.data)) {
        err('任务的检查结果已经公示，本行与公示的结果不同。录入表此时只能登记后续处置的完结；确需改动结果的，请用“更正”。')
        continue
      }
    } else {
      const why = problemInTask(f, parsed.data)
      if (why) {
        err(why)
        continue
      }
    }
    const closing = withClosing
      ? closingOf(parsed.data, was, { done: get('是否完结（是/否）'), date: parseDate(ws.cell(rn, C['完结日期'])), note: cellLongText(ws.cell(rn, C['办结说明'])) }, f.today)
      : null
    if (typeof closing === 'string') {
      err(closing)
      continue
    }
    if (closing) closings.push(closing)
    results.push(parsed.data)
  }
  if (errors.length) return { ok: false, saved: 0, closed: 0, errors, progress: null }
  if (!results.length) throw new UserError('表格中没有填写任何检查结果（“检查结果”一列全为空）。', 'empty')
  // The results and their 完结 go in together or not at all.
  return ctx.sqlite.transaction(() => {
    const r = published ? { saved: 0, progress: null } : saveResults(ctx, taskId, results, '导入')
    for (const c of closings) {
      const id = ctx.sqlite
        .prepare(`SELECT id FROM inspection_results WHERE task_id = ? AND object_code = ? AND dept_id = ? AND item_uid = ?`)
        .pluck()
        .get(taskId, c.result.objectCode, c.result.deptId, c.result.itemUid) as number
      closeFollowUp(ctx, { resultId: id, date: c.date, note: c.note }, f.today)
    }
    return { ok: true, saved: r.saved, closed: closings.length, errors: [], progress: r.progress ?? taskProgress(ctx, taskId) }
  })()
}

/** The row says what was published, field for field. */
function sameResult(was: InspectionResult, r: ResultInputParsed): boolean {
  return JSON.stringify(resultInputSchema.parse(was)) === JSON.stringify(r)
}

/**
 * The sheet names 检查人员 by name only; the grid records who they are (证号,
 * 部门). A name is read as the person the result already records, else the
 * one the draw sent to that object, else the department's only inspector of
 * that name — so a sheet sent back unchanged changes nobody.
 */
function inspectorsByName(sheet: ResultSheet) {
  const rowOf = new Map(sheet.rows.map((r) => [`${r.objectCode}|${r.itemUid}`, r]))
  const roster = new Map<string, ResultInspector | null>()
  for (const i of sheet.inspectorOptions) roster.set(i.name, roster.has(i.name) ? null : i)
  return {
    resolve(objectCode: string, itemUid: string, name: string): ResultInspector {
      const row = rowOf.get(`${objectCode}|${itemUid}`)
      return row?.result?.inspectors.find((i) => i.name === name) ?? row?.team.find((i) => i.name === name) ?? roster.get(name) ?? { name, certNo: '', deptName: '' }
    }
  }
}

interface Closing {
  result: ResultInputParsed
  date: string
  note: string
}

/** 是否完结 / 完结日期 / 办结说明 as exported: filled for a result whose problem must be followed up. */
function closingCells(r: InspectionResult | undefined): string[] {
  if (!r || followUpOf(r.category, r.disposal) !== 'open') return ['', '', '']
  return r.followUpDoneOn ? ['是', r.followUpDoneOn, r.followUpNote] : ['否', '', '']
}

/**
 * What a row's 完结 columns ask for: a follow-up to close, nothing, or the
 * reason the row is refused. A 完结 already recorded cannot be undone or
 * re-dated from a sheet: it is what was reported, and the grid shows it.
 */
function closingOf(
  r: ResultInputParsed,
  was: InspectionResult | undefined,
  cells: { done: string; date: ReturnType<typeof parseDate>; note: string },
  today: string
): Closing | null | string {
  const follow = followUpOf(r.category, r.disposal)
  const doneBefore = was && followUpOf(was.category, was.disposal) === 'open' && follow === 'open' ? was.followUpDoneOn : null
  if (cells.done && cells.done !== '是' && cells.done !== '否') return `是否完结“${cells.done}”只能填“是”或“否”。`
  if (cells.done !== '是') {
    if (doneBefore) return `该问题的后续处置已于 ${doneBefore} 完结，表格中不能撤销。请把“是否完结”改回“是”。`
    if (cells.date.ok && cells.date.value) return '填写了完结日期，但“是否完结”不是“是”。请填“是”，或删去完结日期。'
    return null
  }
  if (follow === 'none') return `检查结果为“${r.category}”、后续处置为“${r.disposal}”，没有需要完结的问题。请把“是否完结”留空。`
  // 发现问题已责令改正 is 完结 on the check date by itself.
  if (follow === 'closedOnCheck') return null
  if (!cells.date.ok) return `完结日期“${cells.date.raw}”无法识别，请写成 2026-05-08。`
  if (!cells.date.value) return '“是否完结”填了“是”，但没有填写完结日期。'
  const date = cells.date.value
  if (doneBefore) return date === doneBefore ? null : `该问题的后续处置已于 ${doneBefore} 完结，表格中不能改为 ${date}。`
  if (date < r.checkDate) return `完结日期 ${date} 早于检查日期 ${r.checkDate}，请改正。`
  if (date > today) return `完结日期 ${date} 晚于今天，请改正。`
  if (cells.note.trim().length < 2) return '请在“办结说明”中写明处置结果，例如“已整改到位”“已立案查处”。'
  if (cells.note.trim().length > FOLLOW_UP_NOTE_MAX) return `办结说明有 ${cells.note.trim().length} 字，最多 ${FOLLOW_UP_NOTE_MAX} 字，请精简。`
  return { result: r, date, note: cells.note.trim() }
}
