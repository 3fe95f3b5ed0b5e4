import type { Ctx } from '../context'
import { INDICATOR_LABELS, type IndicatorKey, type StatsDetail } from '@contract'
import { todayText } from '../time'
import { isProblem } from '../results/validate'
import { loadYear, type YearData, type YearTask } from './data'
import { publicationJudged, publishedOnTime, scoped, usesCreditClasses, visitCounts } from './indicators'

const ruleText = (t: YearTask, c: 'A' | 'B' | 'C' | 'D') => (t.rule[c].mode === 'ratio' ? `${t.rule[c].value / 10}%` : `${t.rule[c].value} 户`)

function objectsList(d: YearData, onlyRepeated: boolean): StatsDetail['rows'] {
  const taskNo = new Map(d.tasks.map((t) => [t.id, t.taskNo]))
  const byCode = new Map<string, string[]>()
  for (const v of d.visits) byCode.set(v.code, [...(byCode.get(v.code) ?? []), taskNo.get(v.taskId) ?? ''])
  return [...byCode.entries()]
    .filter(([, ts]) => !onlyRepeated || ts.length > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([code, ts]) => [code, d.names.get(code) ?? '', ts.length, ts.join('、')])
}

/** The rows behind one figure of the dashboard, for the drawer that opens when it is clicked. */
export function statsDetail(ctx: Pick<Ctx, 'sqlite'>, year: number, key: IndicatorKey | 'categories', deptId?: number, today = todayText()): StatsDetail {
  const all = loadYear(ctx, year)
  const d = scoped(all, deptId ?? null)
  const deptNames = new Map(all.depts.map((x) => [x.id, x.name]))
  const taskNo = new Map(d.tasks.map((t) => [t.id, t.taskNo]))
  const who = deptId ? `${deptNames.get(deptId) ?? ''} ` : ''
  const title = `${year} 年 ${who}${key === 'categories' ? '检查结果分类' : INDICATOR_LABELS[key]}`
  switch (key) {
    case 'coverage':
      return { title: `${title}：被检查的对象（名录库存续 ${d.registryActive} 户）`, columns: ['统一社会信用代码', '对象名称', '检查次数', '任务编号'], rows: objectsList(d, false) }
    case 'repeat':
      return { title: `${title}：被两个及以上任务检查的对象`, columns: ['统一社会信用代码', '对象名称', '检查次数', '任务编号'], rows: objectsList(d, true) }
    case 'joint':
      return {
        title,
        columns: ['任务编号', '任务名称', '发起部门', '参加部门数', '联合抽查'],
        rows: d.tasks.map((t) => [t.taskNo, t.name, deptNames.get(t.initiatorDeptId) ?? '', t.deptIds.length, t.deptIds.length > 1 ? '是' : '否'])
      }
    case 'creditUse':
      return {
        title,
        columns: ['任务编号', '任务名称', 'A 类', 'B 类', 'C 类', 'D 类', '按信用分类'],
        rows: d.tasks.map((t) => [t.taskNo, t.name, ruleText(t, 'A'), ruleText(t, 'B'), ruleText(t, 'C'), ruleText(t, 'D'), usesCreditClasses(t) ? '是' : '否'])
      }
    case 'onTime':
      return {
        title: `${title}（已公示或已过期限的任务）`,
        columns: ['任务编号', '任务名称', '检查完成日期', '公示期限', '公示日期', '按时公示'],
        rows: d.tasks
          .filter((t) => publicationJudged(t, today))
          .map((t) => [t.taskNo, t.name, t.completedOn ?? '', t.dueOn ?? '', t.publishedOn ?? '未公示', publishedOnTime(t) ? '是' : '否'])
      }
    case 'disposal':
      return {
        title: `${title}：发现问题的检查结果`,
        columns: ['任务编号', '对象名称', '检查部门', '检查事项', '检查结果', '后续处置', '办结日期'],
        rows: d.results.filter((r) => isProblem(r.category, r.disposal)).map((r) => [taskNo.get(r.taskId) ?? '', r.objectName, deptNames.get(r.deptId) ?? '', r.itemName, r.category, r.disposal, r.doneOn ?? '未办结'])
      }
    case 'categories':
      return {
        title,
        columns: ['任务编号', '对象名称', '检查部门', '检查事项', '检查结果'],
        rows: d.results.map((r) => [taskNo.get(r.taskId) ?? '', r.objectName, deptNames.get(r.deptId) ?? '', r.itemName, r.category])
      }
  }
}
