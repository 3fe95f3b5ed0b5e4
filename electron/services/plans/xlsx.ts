import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import { UserError } from '../errors'
import { getSettings } from '../settings/service'
import type { PlanEntry, PlanImportResult } from '@contract'
import { deptMap } from '../tasks/rules'
import { listPlanEntries } from './service'
import { describeScope } from './scopeText'

/** 附件5 header, exactly as the template prints it. */
export const PLAN_HEADERS = ['序号', '抽查计划名称', '抽查任务名称', '抽查类型', '抽查对象总数', '抽查比例', '抽查事项', '抽查对象范围', '检查发起机关', '联合机关', '抽取日期'] as const

export const planTitle = (who: string, year: number) => `${who}${year}年度部门双随机联合抽查工作计划表`

/** One sheet row per entry, in the 附件5 column order. */
export function planRow(e: PlanEntry, i: number, deptName: (id: number) => string): (string | number)[] {
  return [
    i + 1,
    e.planName,
    e.taskName,
    e.checkType,
    e.objectTotal,
    e.ratioText,
    e.itemNames.join('\n'),
    describeScope(e.scope, deptName),
    e.initiatorName,
    e.jointDeptNames.join('、'),
    e.drawDate
  ]
}

/**
 * Writes the 年度部门双随机联合抽查工作计划表 of one department (entries it
 * initiates) or of the whole county. Title row merged over the table, header
 * row, one row per live entry.
 */
export async function exportPlanXlsx(ctx: Pick<Ctx, 'db' | 'sqlite'>, q: { year: number; file: string; deptId?: number }): Promise<{ file: string; rows: number }> {
  const depts = deptMap(ctx)
  if (q.deptId && !depts.has(q.deptId)) throw new UserError(`编号 ${q.deptId} 不是成员单位，请重新选择部门。`, 'dept-not-found')
  const entries = listPlanEntries(ctx, { year: q.year, deptId: q.deptId })
  const who = q.deptId ? depts.get(q.deptId)!.name : getSettings(ctx).county
  const name = (id: number) => depts.get(id)?.name ?? String(id)

  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  const ws = wb.addWorksheet('联合抽查计划', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.columns = [6, 22, 26, 8, 10, 12, 30, 30, 16, 22, 12].map((width) => ({ width }))
  ws.addRow([planTitle(who, q.year)])
  ws.mergeCells(1, 1, 1, PLAN_HEADERS.length)
  const title = ws.getRow(1)
  title.height = 32
  title.getCell(1).font = { name: '方正小标宋简体', size: 18 }
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
  const header = ws.addRow([...PLAN_HEADERS])
  header.font = { name: '黑体', size: 11 }
  const border = { style: 'thin' as const }
  entries.forEach((e, i) => ws.addRow(planRow(e, i, name)))
  for (let r = 2; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: border, left: border, bottom: border, right: border }
      c.alignment = { vertical: 'middle', horizontal: r === 2 ? 'center' : 'left', wrapText: true }
    })
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  try {
    await wb.xlsx.writeFile(q.file)
  } catch (e) {
    throw new UserError(`无法写入文件“${q.file}”：${(e as Error).message}。请确认文件没有在 Excel/WPS 中打开，并且目录可写。`, 'write-failed')
  }
  return { file: q.file, rows: entries.length }
}

export type { PlanImportResult }
