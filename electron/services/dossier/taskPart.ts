/** 01-任务方案: the task as stored, a readable summary, and the object pool frozen at publication. */
import { CREDIT_CLASSES, type Task } from '@contract'
import type { Ctx } from '../context'
import { getFrozenPool } from '../tasks/lifecycle'
import { describeScope } from '../plans/scopeText'
import { poolSha256 } from '../draws/canonical'
import { csv } from './csv'
import { emptyPart, textFile, utf8, type DossierPart } from './types'

const DIR = '01-任务方案'

function itemNames(ctx: Pick<Ctx, 'sqlite'>, task: Task): Map<string, string> {
  const rows = ctx.sqlite
    .prepare(`SELECT uid, name FROM items WHERE uid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(task.departments.flatMap((d) => d.itemUids))) as { uid: string; name: string }[]
  return new Map(rows.map((r) => [r.uid, r.name]))
}

function planSource(ctx: Pick<Ctx, 'sqlite'>, task: Task): string {
  if (task.planEntryUid) {
    const e = ctx.sqlite.prepare(`SELECT year, task_name AS name FROM plan_entries WHERE uid = ?`).get(task.planEntryUid) as { year: number; name: string } | undefined
    return e ? `${e.year} 年度联合抽查计划“${e.name}”` : `年度计划条目 ${task.planEntryUid}（已不在计划中）`
  }
  return `临时任务（${task.adhocReason ?? '未注明'}${task.adhocNote ? `：${task.adhocNote}` : ''}）`
}

export function taskPart(ctx: Ctx, task: Task): DossierPart {
  const part = emptyPart()
  const frozen = getFrozenPool(ctx, task.id)
  const names = itemNames(ctx, task)
  const deptName = (id: number) => task.departments.find((d) => d.deptId === id)?.deptName ?? `编号 ${id} 的部门`
  const poolHash = poolSha256(frozen.pool)

  const lines = [
    `抽查任务：${task.taskNo}　${task.name}`,
    `当前状态：${task.status}${task.status === '已取消' ? `（取消前状态：${task.cancelledFrom ?? ''}；原因：${task.cancelReason ?? ''}）` : ''}`,
    `任务来源：${planSource(ctx, task)}`,
    `发起部门：${task.initiatorName}`,
    `检查时间：${task.periodStart} 至 ${task.periodEnd}`,
    `组长：${task.leaderFromInitiator ? '由发起部门人员担任' : '不限部门'}`,
    `方案公布时间：${task.publishedAt}`,
    '',
    '参加部门与抽查事项：',
    ...task.departments.flatMap((d) => [
      `  ${d.deptName}：每户派 ${d.inspectorsPerObject} 名持证执法人员${d.expertsPerObject ? `、${d.expertsPerObject} 名专家` : ''}${d.requiredSpecialties.length ? `，须具备业务专长“${d.requiredSpecialties.join('、')}”` : ''}`,
      ...d.itemUids.map((u) => `    · ${names.get(u) ?? `事项 ${u}（已不在清单中）`}（${u}）`)
    ]),
    '',
    `抽查对象范围：${describeScope(task.scope, deptName) || '全部检查对象'}`,
    '',
    '抽取规则（按信用风险分类）：',
    ...CREDIT_CLASSES.map((c) => {
      const r = task.rule[c]
      return `  ${c} 类：${r.mode === 'ratio' ? `按 ${r.value / 10}% 比例抽取` : `抽取 ${r.value} 户`}`
    }),
    '',
    '公布时冻结的对象池：',
    `  可抽对象 ${frozen.pool.length} 户（${CREDIT_CLASSES.map((c) => `${c} 类 ${frozen.countsByClass[c]}`).join('，')}），排除 ${frozen.exclusions.length} 户。`,
    `  对象池 SHA-256（按抽取算法说明的规范格式计算，与抽取证据中的 pool.sha256 相同）：${poolHash}`
  ]
  part.files.push(
    { path: `${DIR}/任务信息.json`, what: '抽查任务的完整记录（程序数据库中的内容，JSON 格式）', data: utf8(`${JSON.stringify(task, null, 2)}\n`) },
    { path: `${DIR}/任务概要.txt`, what: '任务概要：来源、部门、事项、范围、规则、对象池', data: textFile(lines) },
    {
      path: `${DIR}/冻结对象池-可抽对象.csv`,
      what: `方案公布时冻结的可抽对象 ${frozen.pool.length} 户（对象池 SHA-256 ${poolHash}）`,
      data: csv(
        ['序号', '统一社会信用代码（注册号）', '名称', '乡镇（片区）', '信用风险分类'],
        frozen.pool.map((p, i) => [i + 1, p.code, p.name, p.township, p.creditClass])
      )
    },
    {
      path: `${DIR}/冻结对象池-排除对象.csv`,
      what: `范围内但不能抽取的对象 ${frozen.exclusions.length} 户及排除原因`,
      data: csv(['序号', '统一社会信用代码（注册号）', '名称', '排除原因'], frozen.exclusions.map((x, i) => [i + 1, x.code, x.name, x.reason]))
    }
  )
  return part
}
