import { newUid } from '../ids'
import { and, asc, eq, type SQL } from 'drizzle-orm'
import { tasks } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { UserError } from '../errors'
import { nowText } from '../time'
import { taskInputSchema, type DrawRuleSpec, type ObjectScope, type Task, type TaskDepartmentSpec, type TaskInput, type TaskInputParsed, type TaskStatus } from '@contract'
import { normalizeScope } from './scope'
import { parseInput } from './parse'
import { checkItemsOnLists, checkRatiosAgainstCap, deptMap, strictestCap } from './rules'

type TaskRow = typeof tasks.$inferSelect

export function toTask(row: TaskRow, depts = new Map<number, { name: string }>()): Task {
  const parts = JSON.parse(row.departments) as TaskDepartmentSpec[]
  const name = (id: number) => depts.get(id)?.name ?? `编号 ${id} 的部门`
  return {
    id: row.id,
    uid: row.uid,
    taskNo: row.taskNo,
    year: row.year,
    name: row.name,
    planEntryUid: row.planEntryUid,
    adhocReason: row.adhocReason,
    adhocNote: row.adhocNote,
    initiatorDeptId: row.initiatorDeptId,
    initiatorName: name(row.initiatorDeptId),
    departments: parts.map((p) => ({ ...p, deptName: name(p.deptId) })),
    jointDeptIds: parts.map((p) => p.deptId).filter((d) => d !== row.initiatorDeptId),
    scope: JSON.parse(row.scope) as ObjectScope,
    rule: JSON.parse(row.rule) as DrawRuleSpec,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    leaderFromInitiator: row.leaderFromInitiator,
    status: row.status,
    cancelReason: row.cancelReason,
    cancelledFrom: row.cancelledFrom,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function getTaskRow(ctx: Pick<Ctx, 'db'>, id: number): TaskRow {
  const row = ctx.db.select().from(tasks).where(eq(tasks.id, id)).get()
  if (!row) throw new UserError(`找不到编号为 ${id} 的抽查任务，可能已被删除，请刷新后重试。`, 'not-found')
  return row
}

export function getTask(ctx: Pick<Ctx, 'db' | 'sqlite'>, id: number): Task {
  return toTask(getTaskRow(ctx, id), deptMap(ctx))
}

export function findTaskByNo(ctx: Pick<Ctx, 'db' | 'sqlite'>, taskNo: string): Task | null {
  const row = ctx.db.select().from(tasks).where(eq(tasks.taskNo, taskNo)).get()
  return row ? toTask(row, deptMap(ctx)) : null
}

export function listTasks(ctx: Pick<Ctx, 'db' | 'sqlite'>, q: { year?: number; status?: TaskStatus } = {}): Task[] {
  const where: SQL[] = []
  if (q.year) where.push(eq(tasks.year, q.year))
  if (q.status) where.push(eq(tasks.status, q.status))
  const depts = deptMap(ctx)
  return ctx.db
    .select()
    .from(tasks)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(tasks.taskNo))
    .all()
    .map((r) => toTask(r, depts))
}

/** Next free 任务编号 of the year: 2026-001, 2026-002 … */
export function nextTaskNo(ctx: Pick<Ctx, 'sqlite'>, year: number): string {
  const rows = ctx.sqlite.prepare(`SELECT task_no AS no FROM tasks WHERE task_no LIKE ?`).all(`${year}-%`) as { no: string }[]
  const max = rows.reduce((m, r) => Math.max(m, Number(r.no.split('-')[1]) || 0), 0)
  return `${year}-${String(max + 1).padStart(3, '0')}`
}

/**
 * Everything a task must satisfy before it is saved: departments exist, the
 * initiator takes part, R1 (items on each department's own list), R3 (ratio
 * caps of 一般 items), R5 (two certified inspectors per object), a sane period,
 * and either a plan entry or a 临时 reason.
 */
export function validateTask(ctx: Ctx, t: TaskInputParsed, selfId?: number): { year: number; scope: ObjectScope } {
  const depts = deptMap(ctx)
  const dept = (id: number, role: string) => {
    const d = depts.get(id)
    if (!d) throw new UserError(`${role}（编号 ${id}）不是成员单位，请从成员单位中选择。`, 'dept-not-found')
    if (!d.active) throw new UserError(`${d.name}已停用，不能参加新的抽查任务。请先在“成员单位”中启用，或改选其他部门。`, 'dept-inactive')
    return d
  }
  const initiator = dept(t.initiatorDeptId, '发起部门')
  const seen = new Set<number>()
  for (const p of t.departments) {
    const d = dept(p.deptId, '参加部门')
    if (seen.has(p.deptId)) throw new UserError(`${d.name}在参加部门中出现了两次，请合并为一行。`, 'dept-duplicate')
    seen.add(p.deptId)
  }
  if (!seen.has(t.initiatorDeptId)) {
    throw new UserError(`发起部门${initiator.name}也要列入参加部门，并选择本部门检查的事项。`, 'initiator-missing')
  }
  const items = checkItemsOnLists(ctx, t.departments, depts)
  checkRatiosAgainstCap(t.rule, strictestCap(items), depts)
  const inspectors = t.departments.reduce((s, p) => s + p.inspectorsPerObject, 0)
  if (inspectors < 2) throw new UserError('每个检查对象至少需要 2 名持有执法证的检查人员，请增加各部门每户派出的人数。', 'too-few-inspectors')

  if (t.periodEnd < t.periodStart) throw new UserError(`检查时间的结束日期 ${t.periodEnd} 早于开始日期 ${t.periodStart}，请改正。`, 'invalid-period')
  const year = t.year ?? Number(t.periodStart.slice(0, 4))
  if (Number(t.periodStart.slice(0, 4)) !== year) throw new UserError(`检查开始日期 ${t.periodStart} 不在 ${year} 年度内，请改正日期或年度。`, 'invalid-period')

  if (t.planEntryUid) {
    const e = ctx.sqlite.prepare(`SELECT status FROM plan_entries WHERE uid = ?`).get(t.planEntryUid) as { status: string } | undefined
    if (!e) throw new UserError('所选的年度计划条目不存在，可能已被删除。请重新选择计划条目，或改为临时任务。', 'plan-not-found')
    if (e.status === '已取消' || e.status === '已合并') throw new UserError(`所选的年度计划条目${e.status}，不能据此建立任务。请选择合并后的条目或其他条目。`, 'plan-inactive')
  } else if (!t.adhocReason) {
    throw new UserError('不在年度计划内的临时任务必须说明事由：上级交办、投诉举报、专项整治或其他。', 'adhoc-reason')
  }
  if (t.adhocReason === '其他' && !t.adhocNote) throw new UserError('临时任务事由选择“其他”时，请写明具体事由。', 'adhoc-reason')

  const scope = normalizeScope(t.scope)
  if (scope.codesOnly && scope.include.length === 0) throw new UserError('“仅限指定对象”的任务请列出要抽查的对象代码。', 'empty-scope')

  if (t.taskNo) {
    const other = ctx.sqlite.prepare(`SELECT id, name FROM tasks WHERE task_no = ?`).get(t.taskNo) as { id: number; name: string } | undefined
    if (other && other.id !== selfId) throw new UserError(`任务编号 ${t.taskNo} 已被任务“${other.name}”使用，请换一个编号或留空自动编号。`, 'duplicate')
  }
  return { year, scope }
}

export function createTask(ctx: Ctx, input: TaskInput): Task {
  const t = parseInput(taskInputSchema, input)
  return ctx.sqlite.transaction(() => {
    const { year, scope } = validateTask(ctx, t)
    const now = nowText()
    const row = ctx.db
      .insert(tasks)
      .values({
        uid: newUid(),
        taskNo: t.taskNo ?? nextTaskNo(ctx, year),
        year,
        name: t.name,
        planEntryUid: t.planEntryUid ?? null,
        adhocReason: t.planEntryUid ? null : (t.adhocReason ?? null),
        adhocNote: t.adhocNote,
        initiatorDeptId: t.initiatorDeptId,
        departments: JSON.stringify(t.departments),
        scope: JSON.stringify(scope),
        rule: JSON.stringify(t.rule),
        periodStart: t.periodStart,
        periodEnd: t.periodEnd,
        leaderFromInitiator: t.leaderFromInitiator,
        createdAt: now,
        updatedAt: now
      })
      .returning()
      .get()
    const task = toTask(row, deptMap(ctx))
    audit(ctx, { action: '新建抽查任务', entity: 'task', entityId: row.uid, detail: { ...task, id: undefined } })
    return task
  })()
}

/** The message every refused change of a frozen task carries. */
export function frozenMessage(row: TaskRow): string {
  if (row.status === '已取消') return `任务“${row.name}”（${row.taskNo}）已取消，不能再修改。`
  return `任务“${row.name}”（${row.taskNo}）的抽查方案已于 ${row.publishedAt ?? '此前'} 公布（当前状态：${row.status}），抽查范围、抽取规则等内容已冻结，不能再修改。如确需调整，请取消本任务并说明原因，再新建任务。`
}

export function updateTask(ctx: Ctx, input: { id: number } & Partial<TaskInput>): Task {
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, input.id)
    if (row.status !== '草稿') throw new UserError(frozenMessage(row), 'frozen')
    const before = toTask(row)
    const { id, ...patch } = input
    const merged = parseInput(taskInputSchema, {
      taskNo: before.taskNo,
      name: before.name,
      year: before.year,
      planEntryUid: before.planEntryUid,
      adhocReason: before.adhocReason,
      adhocNote: before.adhocNote,
      initiatorDeptId: before.initiatorDeptId,
      departments: before.departments.map(({ deptName: _n, ...p }) => p),
      scope: before.scope,
      rule: before.rule,
      periodStart: before.periodStart,
      periodEnd: before.periodEnd,
      leaderFromInitiator: before.leaderFromInitiator,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    })
    // a changed start date moves the task into that year unless the year was given explicitly
    if (patch.periodStart && patch.year === undefined) merged.year = Number(merged.periodStart.slice(0, 4))
    const { year, scope } = validateTask(ctx, merged, id)
    const next = {
      taskNo: merged.taskNo ?? before.taskNo,
      year,
      name: merged.name,
      planEntryUid: merged.planEntryUid ?? null,
      adhocReason: merged.planEntryUid ? null : (merged.adhocReason ?? null),
      adhocNote: merged.adhocNote,
      initiatorDeptId: merged.initiatorDeptId,
      departments: JSON.stringify(merged.departments),
      scope: JSON.stringify(scope),
      rule: JSON.stringify(merged.rule),
      periodStart: merged.periodStart,
      periodEnd: merged.periodEnd,
      leaderFromInitiator: merged.leaderFromInitiator
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [k, v] of Object.entries(next)) {
      const old = row[k as keyof TaskRow]
      if (old !== v) changes[k] = { from: old, to: v }
    }
    if (Object.keys(changes).length === 0) return toTask(row, deptMap(ctx))
    const saved = ctx.db
      .update(tasks)
      .set({ ...next, updatedAt: nowText() })
      .where(eq(tasks.id, id))
      .returning()
      .get()
    audit(ctx, { action: '修改抽查任务', entity: 'task', entityId: row.uid, detail: changes })
    return toTask(saved, deptMap(ctx))
  })()
}

/** Only a draft may disappear; from 方案已公布 on a task can only be cancelled, with a reason. */
export function deleteTask(ctx: Ctx, id: number): { id: number } {
  return ctx.sqlite.transaction(() => {
    const row = getTaskRow(ctx, id)
    if (row.status !== '草稿') {
      throw new UserError(`任务“${row.name}”（${row.taskNo}）${row.publishedAt ? '的方案已公布' : `当前状态为${row.status}`}，不能删除，只能取消并说明原因。`, 'not-deletable')
    }
    ctx.db.delete(tasks).where(eq(tasks.id, id)).run()
    audit(ctx, { action: '删除抽查任务草稿', entity: 'task', entityId: row.uid, detail: toTask(row) })
    return { id }
  })()
}
