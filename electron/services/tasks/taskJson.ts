/**
 * The task file of `suiji task create --json-file TASK.json` (docs/tasks.md):
 * departments and items may be written by name, ratios as “1.5%”, “15‰” or
 * “5户”. This turns it into the service's TaskInput, or says in Chinese what
 * is wrong.
 */
import type { Ctx } from '../context'
import { UserError } from '../errors'
import { deptResolver } from '../plans/deptNames'
import { CREDIT_CLASSES, OBJECT_KINDS, OBJECT_KIND_LABELS, type TaskInput } from '@contract'

type Json = Record<string, unknown>

const bad = (msg: string) => new UserError(`任务文件有误：${msg}`, 'invalid-task-file')

function strings(v: unknown, what: string): string[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) throw bad(`“${what}”应为列表，例如 ["城关镇", "东关镇"]。`)
  return v.map((x) => String(x).trim()).filter(Boolean)
}

/** One class rule: {mode, value} (value in ‰), {count}, {percent}, {permille}, or text “1.5%”, “15‰”, “5户”. */
export function parseClassRule(v: unknown, cls: string): { mode: 'ratio' | 'count'; value: number } {
  const fail = () => bad(`${cls} 类的抽取规则“${JSON.stringify(v)}”看不懂，请写成 "3%"、"30‰"、"5户" 或 {"mode":"ratio","value":30}。`)
  let r: { mode: 'ratio' | 'count'; value: number }
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, '')
    const m = /^(\d+(?:\.\d+)?)(%|‰|户|家|个)$/.exec(s)
    if (!m) throw fail()
    const n = Number(m[1])
    r = m[2] === '%' ? { mode: 'ratio', value: Math.round(n * 10) } : m[2] === '‰' ? { mode: 'ratio', value: n } : { mode: 'count', value: n }
    if (m[2] === '%' && Math.abs(n * 10 - Math.round(n * 10)) > 1e-9) throw bad(`${cls} 类的比例 ${s} 精确到 0.1%（1‰），请改写。`)
  } else if (v && typeof v === 'object') {
    const o = v as Json
    if (o.mode === 'ratio' || o.mode === 'count') r = { mode: o.mode, value: Number(o.value) }
    else if ('count' in o) r = { mode: 'count', value: Number(o.count) }
    else if ('permille' in o) r = { mode: 'ratio', value: Number(o.permille) }
    else if ('percent' in o) r = { mode: 'ratio', value: Math.round(Number(o.percent) * 10) }
    else throw fail()
  } else throw fail()
  if (!Number.isInteger(r.value) || r.value < 0) throw bad(`${cls} 类的${r.mode === 'ratio' ? '比例（‰）' : '数量'}必须是不小于 0 的整数。`)
  return r
}

export function taskInputFromJson(ctx: Pick<Ctx, 'sqlite'>, raw: unknown): TaskInput {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('文件内容应为一个 JSON 对象。')
  const j = raw as Json
  const resolve = deptResolver(ctx)
  const dept = (v: unknown, role: string) => {
    if (typeof v === 'number') return v
    const d = resolve(String(v ?? ''))
    if (!d) throw bad(`${role}“${String(v ?? '')}”不是成员单位，请写成员单位的全称、简称或代码。`)
    return d.id
  }
  const itemsOf = ctx.sqlite.prepare(`SELECT uid, name FROM items WHERE dept_id = ?`)
  const departments = (Array.isArray(j.departments) ? j.departments : []).map((x, i) => {
    const o = (x ?? {}) as Json
    const deptId = dept(o.dept ?? o.deptId, `第 ${i + 1} 个参加部门`)
    const own = itemsOf.all(deptId) as { uid: string; name: string }[]
    const itemUids = strings(o.items ?? o.itemUids, 'items').map((ref) => own.find((it) => it.uid === ref || it.name === ref)?.uid ?? ref)
    return {
      deptId,
      itemUids,
      inspectorsPerObject: Number(o.inspectorsPerObject ?? 1),
      expertsPerObject: Number(o.expertsPerObject ?? 0),
      requiredSpecialties: strings(o.requiredSpecialties, 'requiredSpecialties')
    }
  })
  const s = (j.scope ?? {}) as Json
  const kinds = strings(s.kinds, 'scope.kinds').map((k) => {
    const kind = OBJECT_KINDS.find((x) => x === k || OBJECT_KIND_LABELS[x] === k)
    if (!kind) throw bad(`对象类别“${k}”不对，只能是 市场主体、机关事业单位 或 社会团体。`)
    return kind
  })
  const rule = (j.rule ?? {}) as Json
  const period = (j.period ?? {}) as Json
  const adhoc = (j.adhoc ?? {}) as Json
  return {
    taskNo: j.taskNo === undefined ? undefined : String(j.taskNo),
    name: String(j.name ?? ''),
    year: j.year === undefined ? undefined : Number(j.year),
    planEntryUid: j.planEntry === undefined ? null : String(j.planEntry),
    adhocReason: (adhoc.reason ?? j.adhocReason ?? null) as TaskInput['adhocReason'],
    adhocNote: String(adhoc.note ?? j.adhocNote ?? ''),
    initiatorDeptId: dept(j.initiator ?? j.initiatorDeptId, '发起部门'),
    departments,
    scope: {
      kinds,
      townships: strings(s.townships, 'scope.townships'),
      industries: strings(s.industries, 'scope.industries'),
      tags: strings(s.tags, 'scope.tags'),
      ownerDeptIds: strings(s.ownerDepts, 'scope.ownerDepts').map((n) => dept(n, '名录库部门')),
      regStatus: s.regStatus === undefined ? ['存续'] : strings(s.regStatus, 'scope.regStatus'),
      include: strings(s.include, 'scope.include'),
      exclude: strings(s.exclude, 'scope.exclude'),
      codesOnly: s.codesOnly === true,
      note: String(s.note ?? '')
    },
    rule: Object.fromEntries(CREDIT_CLASSES.map((c) => {
      if (rule[c] === undefined) throw bad(`缺少 ${c} 类对象的抽取规则（不抽请写 "0%"）。`)
      return [c, parseClassRule(rule[c], c)]
    })) as TaskInput['rule'],
    periodStart: String(period.start ?? j.periodStart ?? ''),
    periodEnd: String(period.end ?? j.periodEnd ?? ''),
    leaderFromInitiator: j.leaderFromInitiator === undefined ? true : j.leaderFromInitiator === true
  }
}
