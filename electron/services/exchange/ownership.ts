import type Database from 'better-sqlite3'
import type { EntityAdapter } from './adapters'
import type { Portable } from './records'
import type { AgencyRole } from './identity'

/** The verified sender of a package: from our registry of peers, never from the package. */
export interface Sender {
  code: string
  name: string
  role: AgencyRole
  fingerprint: string
}

type Fields = Record<string, unknown>

/**
 * Who may create and change each kind of record (the table in
 * docs/exchange.md). `owner` names the department that maintains a record,
 * from its portable fields; null = the office maintains it.
 */
interface Rule {
  /** The maintaining department's code, or null when only the office maintains it. */
  owner(f: Fields): string | null
  /** The office may create and change it (registries, plans, tasks, draws). */
  office: boolean
  /** The maintaining department may (create and) change it. */
  department: boolean
  /** Unit for counting refused records in a sentence. */
  unit: string
}

const deptField = (col: string) => (f: Fields) => (typeof f[col] === 'string' ? (f[col] as string) : null)

const officeOnly = (unit = '条'): Rule => ({ owner: () => null, office: true, department: false, unit })

export const OWNERSHIP: Record<string, Rule> = {
  departments: { owner: (f) => String(f.code), office: true, department: true, unit: '个' },
  objects: { owner: deptField('owner_dept_id'), office: true, department: true, unit: '户' },
  inspectors: { owner: deptField('dept_id'), office: true, department: true, unit: '人' },
  items: { owner: deptField('dept_id'), office: true, department: true, unit: '项' },
  plan_entries: { owner: deptField('initiator_dept_id'), office: true, department: true, unit: '条' },
  tasks: officeOnly('个'),
  task_pool: officeOnly('户'),
  draw_plans: officeOnly('个'),
  draws: officeOnly('次'),
  draw_replacements: officeOnly('次'),
  object_inspections: officeOnly('户'),
  task_outcomes: officeOnly('个'),
  // Results are entered by the department that inspected (谁检查、谁录入); the office never rewrites them.
  inspection_results: { owner: deptField('dept_id'), office: false, department: true, unit: '条' },
  result_corrections: { owner: () => null, office: false, department: true, unit: '条' },
  // The department's own review of its results (提交审核, 通过, 退回): only that department records them.
  result_reviews: { owner: deptField('dept_id'), office: false, department: true, unit: '条' },
  // 停止公示 and 回访 of one object of a task: the office, or a department that inspected that object in that task (checked below).
  result_public_stops: { owner: () => null, office: true, department: true, unit: '条' },
  result_revisits: { owner: () => null, office: true, department: true, unit: '条' }
}

/** Records about one inspected object of a task, owned by the departments that have results for it there. */
const ABOUT_AN_INSPECTED_OBJECT = new Set(['result_public_stops', 'result_revisits'])

export interface Refusal {
  /** The sentence without the count, e.g. “县市场监管局无权修改县卫健局维护的检查对象”. */
  reason: string
  unit: string
}

/**
 * Decides whether the sender may write one record. The existing record's
 * maintainer counts as much as the incoming one's: a department cannot take
 * over another's record by naming itself the owner.
 */
export class Ownership {
  private deptName: Database.Statement
  private resultDept: Database.Statement
  private contentResultDept: Database.Statement | null
  private taskDepts: Database.Statement
  private published: Database.Statement
  private inspectedHere: Database.Statement
  private correctedInPackage: Set<string>
  /** task uid | object code of results of the sender's this package may write: its 停止公示/回访 on them are its own. */
  private inspectedInPackage = new Set<string>()

  constructor(
    private readonly sqlite: Database.Database,
    content: Database.Database,
    private readonly sender: Sender
  ) {
    this.deptName = sqlite.prepare('SELECT name FROM departments WHERE code = ?').pluck()
    this.resultDept = sqlite.prepare('SELECT d.code FROM inspection_results r JOIN departments d ON d.id = r.dept_id WHERE r.uid = ?').pluck()
    this.contentResultDept = hasTable(content, 'inspection_results')
      ? content.prepare('SELECT d.code FROM inspection_results r JOIN departments d ON d.id = r.dept_id WHERE r.id = ?').pluck()
      : null
    this.taskDepts = sqlite.prepare(`SELECT departments FROM tasks WHERE uid = ?`).pluck()
    this.inspectedHere = sqlite
      .prepare(
        `SELECT 1 FROM inspection_results r JOIN tasks t ON t.id = r.task_id JOIN departments d ON d.id = r.dept_id WHERE t.uid = ? AND r.object_code = ? AND d.code = ? LIMIT 1`
      )
      .pluck()
    this.published = sqlite.prepare(`SELECT 1 FROM task_outcomes o JOIN tasks t ON t.id = o.task_id WHERE t.uid = ? AND o.published_on IS NOT NULL`).pluck()
    // A published result changes only together with its correction (R11), which must come in the same package and be new here.
    this.correctedInPackage = new Set()
    if (hasTable(content, 'result_corrections') && hasTable(content, 'inspection_results')) {
      const known = sqlite.prepare('SELECT 1 FROM result_corrections c JOIN inspection_results r ON r.id = c.result_id WHERE r.uid = ? AND c.at = ?').pluck()
      for (const { uid, at } of content.prepare('SELECT r.uid, c.at FROM result_corrections c JOIN inspection_results r ON r.id = c.result_id').all() as { uid: string; at: string }[]) {
        if (!known.get(uid, at)) this.correctedInPackage.add(uid)
      }
    }
  }

  private nameOf(code: string | null): string {
    if (code === null) return '县双随机办'
    return (this.deptName.get(code) as string | undefined) ?? `代码为 ${code} 的单位`
  }

  /** null when the sender may write this record, else why not. */
  check(a: EntityAdapter, incoming: Portable, local: Portable | null, incomingRowOwner?: () => string | null): Refusal | null {
    const rule = OWNERSHIP[a.entity]
    if (!rule) return { reason: `${this.sender.name}发来的${a.label}不在交换范围内`, unit: '条' }
    const s = this.sender
    const verb = local ? '修改' : '新增'
    if (s.role === 'office') {
      if (rule.office) return null
      return { reason: `${s.name}无权${verb}各部门录入的${a.label}`, unit: rule.unit }
    }
    if (!rule.department) return { reason: `${s.name}无权${verb}${this.nameOf(null)}维护的${a.label}`, unit: rule.unit }
    const owners = new Set<string | null>()
    if (a.entity === 'result_corrections') {
      const uid = String(incoming.fields.result_id ?? '')
      owners.add((this.resultDept.get(uid) as string | undefined) ?? incomingRowOwner?.() ?? null)
    } else {
      owners.add(rule.owner(incoming.fields))
      if (local) owners.add(rule.owner(local.fields))
    }
    if (ABOUT_AN_INSPECTED_OBJECT.has(a.entity)) {
      const task = String(incoming.fields.task_id ?? '')
      const object = String(incoming.fields.object_code ?? '')
      if (this.inspectedHere.get(task, object, s.code) || this.inspectedInPackage.has(`${task}|${object}`)) return null
      return { reason: `${s.name}未检查该对象（或不在该任务中），无权${verb}其${a.label}`, unit: rule.unit }
    }
    if (a.entity === 'departments' && !local) return { reason: `${s.name}无权新增成员单位`, unit: rule.unit }
    for (const o of owners) {
      if (o !== s.code) return { reason: `${s.name}无权${verb}${this.nameOf(o)}维护的${a.label}`, unit: rule.unit }
    }
    if (a.entity === 'inspection_results') {
      const task = String(incoming.fields.task_id ?? '')
      if (!this.takesPart(task)) return { reason: `${s.name}未参加该任务，无权${verb}其${a.label}`, unit: rule.unit }
      if (local && this.published.get(task) && !this.correctedInPackage.has(incoming.key)) {
        return { reason: `${s.name}发来的${a.label}改动了已公示的结果却没有附带经批准的更正记录`, unit: rule.unit }
      }
      this.inspectedInPackage.add(`${task}|${String(incoming.fields.object_code ?? '')}`)
    }
    return null
  }

  /** The owner of a correction's result as the package has it (when we do not have that result yet). */
  contentOwnerOfResult(resultId: unknown): string | null {
    return typeof resultId === 'number' ? ((this.contentResultDept?.get(resultId) as string | undefined) ?? null) : null
  }

  private takesPart(taskUid: string): boolean {
    const json = this.taskDepts.get(taskUid) as string | undefined
    if (!json) return false
    try {
      const parts = JSON.parse(json) as { deptId?: number }[]
      const id = this.sqlite.prepare('SELECT id FROM departments WHERE code = ?').pluck().get(this.sender.code) as number | undefined
      return parts.some((p) => p.deptId === id)
    } catch {
      return false
    }
  }
}

function hasTable(sqlite: Database.Database, table: string): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)
}
