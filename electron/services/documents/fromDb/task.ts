/**
 * A task as the task documents need it: its items with 检查内容/依据 and the
 * department that checks each, the contact of the initiating department,
 * and the 联合抽查工作方案 itself.
 */
import { CREDIT_CLASSES, type Task } from '@contract'
import type { Ctx } from '../../context'
import { getTask } from '../../tasks/service'
import { previewEligibility } from '../../tasks/preview'
import { scopeWords } from './scopeWords'
import { todayText } from '../../time'
import { getSettings } from '../../settings/service'
import { formalDeptName } from '../../departments/formalName'
import { CHECK_METHODS, type CheckItem, type CheckMethod, type OfficeInfo, type WorkPlanInput } from '../types'

export interface TaskItem extends CheckItem {
  uid: string
  deptId: number
  method: string
}

export interface TaskDocs {
  task: Task
  items: TaskItem[]
  departments: string[]
  lead: string
  partners: string[]
  methods: CheckMethod[]
  /** 《…》 names cited by the items' 检查依据. */
  legalBasis: string[]
  contact: { person: string; phone: string }
}

/** 核查方式 the items name, in the regulation's order; 实地检查 when none is named. */
export function methodsOf(texts: string[]): CheckMethod[] {
  const all = texts.join(' ')
  // Lists write the same method in their own words (现场检查, 材料审查, 网上监测 …).
  const words: Record<CheckMethod, RegExp> = {
    实地检查: /实地|现场/,
    书面检查: /书面|材料|资料/,
    行政部门检查结果或专业意见: /专业意见|检查结果/,
    检验检测: /检验|检测|抽检/,
    网络监测: /网络|网上|在线/,
    委托专业机构辅助: /委托|第三方|专业机构/
  }
  const found = CHECK_METHODS.filter((m) => words[m].test(all))
  return found.length ? found : ['实地检查']
}

/** 《中华人民共和国食品安全法》第三十五条 → 《中华人民共和国食品安全法》, each law once. */
export function lawsOf(bases: string[]): string[] {
  return [...new Set(bases.flatMap((b) => b.match(/《[^》]+》/g) ?? []))]
}

const trimStop = (s: string) => s.trim().replace(/[。；;，,]+$/, '')

export function taskDocs(ctx: Pick<Ctx, 'db' | 'sqlite'>, taskId: number, office: OfficeInfo): TaskDocs {
  const task = getTask(ctx, taskId)
  const uids = task.departments.flatMap((d) => d.itemUids)
  const rows = ctx.sqlite
    .prepare(`SELECT uid, dept_id AS deptId, name, content, basis, method FROM items WHERE uid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(uids)) as { uid: string; deptId: number; name: string; content: string; basis: string; method: string }[]
  const byUid = new Map(rows.map((r) => [r.uid, r]))
  const items: TaskItem[] = []
  for (const d of task.departments)
    for (const uid of d.itemUids) {
      const r = byUid.get(uid)
      // An item deleted after publication is still named on paper by its uid rather than silently dropped.
      items.push(r ? { uid, name: r.name, content: trimStop(r.content), basis: trimStop(r.basis), department: d.deptName, deptId: d.deptId, method: r.method } : { uid, name: `事项 ${uid}`, department: d.deptName, deptId: d.deptId, method: '' })
    }
  const lead = ctx.sqlite.prepare('SELECT contact, phone FROM departments WHERE id = ?').get(task.initiatorDeptId) as { contact: string; phone: string } | undefined
  // The organs that sign and are named in the text go out under their full names (泗阳县市场监督管理局).
  const county = getSettings(ctx).county
  const codeOf = new Map((ctx.sqlite.prepare('SELECT id, code FROM departments').all() as { id: number; code: string }[]).map((d) => [d.id, d.code]))
  const formal = (id: number, name: string) => formalDeptName(county, { name, code: codeOf.get(id) ?? '' })
  return {
    task,
    items,
    departments: task.departments.map((d) => d.deptName),
    lead: formal(task.initiatorDeptId, task.initiatorName),
    partners: task.departments.filter((d) => d.deptId !== task.initiatorDeptId).map((d) => formal(d.deptId, d.deptName)),
    methods: methodsOf(items.map((i) => i.method)),
    legalBasis: lawsOf(items.map((i) => i.basis ?? '')),
    // The initiating department's own contact if it has one, else the office's.
    contact: lead?.contact ? { person: lead.contact, phone: lead.phone || office.contactPhone } : { person: office.contactPerson, phone: office.contactPhone }
  }
}

/** 抽查比例 in words: one figure when every class has the same rule, else per class. */
export function ratioText(task: Task): string {
  const one = (c: (typeof CREDIT_CLASSES)[number]) => {
    const r = task.rule[c]
    return r.mode === 'ratio' ? `${r.value / 10}%` : `${r.value}户`
  }
  const texts = CREDIT_CLASSES.map(one)
  if (texts.every((t) => t === texts[0])) return task.rule.A.mode === 'ratio' ? `按${texts[0]}的比例随机抽取检查对象` : `各信用风险分类各随机抽取${texts[0]}`
  return `按信用风险分类确定抽查比例：${CREDIT_CLASSES.map((c) => `${c}类${task.rule[c].mode === 'ratio' ? '抽取' : ''}${one(c)}`).join('，')}`
}

/** The objects the task covers: the frozen pool once published, else today's eligible count. */
function objectCount(ctx: Pick<Ctx, 'db' | 'sqlite'>, task: Task): number {
  if (task.publishedAt) return (ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM task_pool WHERE task_id = ? AND excluded_reason IS NULL').get(task.id) as { n: number }).n
  return previewEligibility(ctx, task).total.eligible
}

export function workPlanInput(ctx: Pick<Ctx, 'db' | 'sqlite'>, docs: TaskDocs, issueDate = todayText()): WorkPlanInput {
  const { task } = docs
  const names = new Map((ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]).map((d) => [d.id, d.name]))
  return {
    taskNumber: task.taskNo,
    taskName: task.name,
    leadDepartment: docs.lead,
    partnerDepartments: docs.partners,
    recipients: '各成员单位',
    items: docs.items.map(({ name, content, basis, department }) => ({ name, content, basis, department })),
    objectScope: scopeWords(task.scope, (id) => names.get(id) ?? `编号 ${id} 的部门`),
    objectCount: objectCount(ctx, task),
    ratio: ratioText(task),
    periodStart: task.periodStart,
    periodEnd: task.periodEnd,
    methods: docs.methods,
    attachments: [
      {
        title: '抽查事项及责任部门',
        header: ['序号', '检查事项', '检查内容', '检查依据', '责任部门'],
        rows: docs.items.map((it, i) => [String(i + 1), it.name, it.content ?? '', it.basis ?? '', it.department ?? ''])
      }
    ],
    issueDate
  }
}

/**
 * What a task's 通知书 would lack, said before anyone presses 生成: the
 * contact printed on it comes from the initiating department, else 设置.
 * The department is named as the 成员单位 list shows it, where it is filled in.
 */
export function noticeContactProblem(docs: Pick<TaskDocs, 'contact' | 'task'>): string | null {
  if (docs.contact.person && docs.contact.phone) return null
  const what = !docs.contact.person && !docs.contact.phone ? '联系人和联系电话' : !docs.contact.person ? '联系人' : '联系电话'
  return `通知书上必须印联系人和联系电话，目前没有填写${what}。请在“成员单位”中填写${docs.task.initiatorName}的联系人和电话，或在“设置”中填写办公室联系人和电话。`
}
