import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Ctx } from '../context'
import type { Indicator, IndicatorSet, StatsDashboard } from '@contract'
import { getSettings } from '../settings/service'
import { bodyParagraph, buildTable, chineseDate, heading1, packDocument, textWidth, titleParagraph, type Block } from '../documents/gbt9704'
import { todayText } from '../time'
import { statsDashboard } from './indicators'

export const pct = (i: Indicator): string => (i.rate === null ? '—' : `${(i.rate * 100).toFixed(1)}%`)
const frac = (i: Indicator) => `${i.numerator}/${i.denominator}`

/** Departments that took part in no task of the year (R12) are listed by name in the summary. */
function idle(s: StatsDashboard): string[] {
  return s.byDept.filter((d) => d.tasks === 0).map((d) => d.deptName)
}

async function xlsx(s: StatsDashboard, county: string, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '双随机联合抽查工作台'
  const ws = wb.addWorksheet('年度指标')
  const labels = s.overall.indicators.map((i) => i.label)
  ws.columns = [{ width: 22 }, { width: 10 }, { width: 10 }, ...labels.flatMap(() => [{ width: 14 }, { width: 12 }])]
  ws.addRow([`${county}${s.year}年度“双随机、一公开”监管指标汇总`]).font = { bold: true, size: 15 }
  ws.addRow([`统计日期：${todayText()}`])
  const h = ws.addRow(['部门', '任务数', '结果数', ...labels.flatMap((l) => [l, '分子/分母'])])
  h.font = { bold: true }
  h.alignment = { wrapText: true, vertical: 'middle' }
  const line = (x: IndicatorSet) => ws.addRow([x.deptName, x.tasks, x.results, ...x.indicators.flatMap((i) => [i.rate === null ? '—' : Number(i.rate.toFixed(4)), frac(i)])])
  line(s.overall).font = { bold: true }
  for (const d of s.byDept) line(d)
  ws.eachRow((r, n) => {
    if (n < 3) return
    r.eachCell((c, col) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
      if (col > 3 && col % 2 === 0 && typeof c.value === 'number') c.numFmt = '0.0%'
    })
  })
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }]
  const defs = wb.addWorksheet('指标口径')
  defs.columns = [{ width: 26 }, { width: 90 }]
  defs.addRow(['指标', '计算口径']).font = { bold: true }
  for (const i of s.overall.indicators) defs.addRow([i.label, i.definition])
  const cats = wb.addWorksheet('检查结果分类')
  cats.columns = [{ width: 36 }, { width: 10 }, ...s.byDept.map(() => ({ width: 12 }))]
  cats.addRow(['检查结果', '全县', ...s.byDept.map((d) => d.deptName)]).font = { bold: true }
  s.overall.categories.forEach((c, k) => cats.addRow([c.category, c.count, ...s.byDept.map((d) => d.categories[k]!.count)]))
  await wb.xlsx.writeFile(path)
}

async function docx(s: StatsDashboard, county: string, office: string, path: string): Promise<void> {
  const o = s.overall
  const get = (k: string) => o.indicators.find((i) => i.key === k)!
  const missing = idle(s)
  const blocks: Block[] = [
    titleParagraph(`${county}${s.year}年度“双随机、一公开”监管工作指标汇总`),
    bodyParagraph(
      `${s.year}年，全县开展部门联合“双随机、一公开”抽查任务${o.tasks}个，录入检查结果${o.results}条。抽查户次占比${pct(get('coverage'))}，部门联合双随机监管率${pct(get('joint'))}，信用风险分类结果应用率${pct(get('creditUse'))}（目标不低于90%），检查结果按时公示率${pct(get('onTime'))}，发现问题处置率${pct(get('disposal'))}，重复抽查率${pct(get('repeat'))}。`
    ),
    heading1('一、主要指标'),
    buildTable({
      columns: [10, 6, 14],
      width: textWidth('portrait'),
      size: '小四',
      header: [['指标', '数值', '分子/分母']],
      rows: o.indicators.map((i) => [i.label, { text: pct(i), align: 'center' }, { text: frac(i), align: 'center' }])
    }),
    heading1('二、各部门指标'),
    buildTable({
      columns: [14, 5, 8, 8, 8, 8, 8, 8],
      width: textWidth('portrait'),
      size: '五号',
      header: [['部门', '任务数', '抽查户次占比', '联合监管率', '信用分类应用率', '按时公示率', '问题处置率', '重复抽查率']],
      rows: s.byDept.map((d) => [d.deptName, { text: String(d.tasks), align: 'center' }, ...d.indicators.map((i) => ({ text: pct(i), align: 'center' as const }))])
    }),
    heading1('三、检查结果分类'),
    buildTable({
      columns: [16, 6],
      width: textWidth('portrait'),
      size: '小四',
      header: [['检查结果', '条数']],
      rows: o.categories.map((c) => [c.category, { text: String(c.count), align: 'center' }])
    }),
    heading1('四、说明'),
    ...o.indicators.map((i) => bodyParagraph(`${i.label}：${i.definition}。`)),
    bodyParagraph(missing.length ? `本年度未发起或参加联合抽查任务的成员单位（${missing.length}个）：${missing.join('、')}。` : '全部成员单位本年度均发起或参加了联合抽查任务。'),
    bodyParagraph(`${office}　${chineseDate(todayText())}`)
  ]
  writeFileSync(path, await packDocument([{ children: blocks }], { title: `${county}${s.year}年度双随机监管指标汇总` }))
}

/** The dashboard as an annual summary: .xlsx (all figures, definitions, categories) or .docx (GB/T 9704). */
export async function exportDashboard(ctx: Ctx, year: number, format: 'xlsx' | 'docx', path: string): Promise<{ file: string }> {
  const s = statsDashboard(ctx, year)
  const st = getSettings(ctx)
  if (format === 'xlsx') await xlsx(s, st.county, path)
  else await docx(s, st.county, st.officeName, path)
  return { file: path }
}
