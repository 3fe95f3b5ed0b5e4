/** 通知书/告知书 and 检查表 for every drawn object of a task. */
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import { todayText } from '../../time'
import type { InspectionFormInput, NoticeInput, ObjectInfo } from '../types'
import { planFormSheets } from '../inspectionForm'
import type { DrawObject, DrawView } from './drawView'
import type { TaskDocs } from './task'

/** What an object must have ready, by the 核查方式 the items call for. */
export const DEFAULT_MATERIALS = ['营业执照（登记证书）副本原件及复印件', '法定代表人（负责人）身份证明，委托他人的另附授权委托书', '与检查事项有关的许可证件、台账、合同、票据等资料']

/** Address and legal representative from the registry where the draw did not carry them. */
function objectInfos(ctx: Pick<Ctx, 'sqlite'>, objects: DrawObject[]): ObjectInfo[] {
  const q = ctx.sqlite.prepare('SELECT address, legal_rep AS legalRep FROM objects WHERE code = ?')
  return objects.map((o) => {
    const r = o.address === undefined || o.legalRep === undefined ? (q.get(o.code) as { address: string; legalRep: string } | undefined) : undefined
    return { name: o.name, code: o.code, address: o.address ?? r?.address ?? '', legalRepresentative: o.legalRep ?? r?.legalRep ?? '' }
  })
}

function drawnObjects(draw: DrawView, docs: TaskDocs): DrawObject[] {
  if (draw.objects.length === 0) throw new UserError(`任务“${docs.task.name}”的抽取结果中没有检查对象，无法生成文书。`, 'empty')
  return [...draw.objects].sort((a, b) => a.order - b.order)
}

/**
 * The inspection days a notice issued on `issueDate` may announce: the task's
 * period, less the days already gone. A notice must never tell an object it
 * will be inspected on a day that has passed.
 */
export function announcedPeriod(docs: TaskDocs, issueDate: string): { start: string; end: string } {
  const { task } = docs
  if (issueDate > task.periodEnd) {
    throw new UserError(
      `任务“${task.name}”（${task.taskNo}）的检查期限已于 ${task.periodEnd} 结束，通知书不能告知已经过去的检查时间。检查已在期限内完成的，无需再发通知书；确需检查的，请取消本任务，按新的检查期限新建任务、公布方案并抽取后再生成通知书。`,
      'period-ended'
    )
  }
  return { start: issueDate > task.periodStart ? issueDate : task.periodStart, end: task.periodEnd }
}

export function noticeInputs(ctx: Pick<Ctx, 'sqlite'>, docs: TaskDocs, draw: DrawView, opts: { kind?: '通知书' | '告知书'; issueDate?: string } = {}): NoticeInput[] {
  const issueDate = opts.issueDate ?? todayText()
  const period = announcedPeriod(docs, issueDate)
  const objects = drawnObjects(draw, docs)
  const infos = objectInfos(ctx, objects)
  const items = docs.items.map(({ name, content, department }) => ({ name, content, department }))
  return infos.map((object) => ({
    kind: opts.kind,
    object,
    taskNumber: docs.task.taskNo,
    taskName: docs.task.name,
    legalBasis: docs.legalBasis,
    items,
    periodStart: period.start,
    periodEnd: period.end,
    methods: docs.methods,
    materials: DEFAULT_MATERIALS,
    contact: docs.contact,
    issuingDepartment: docs.lead,
    partnerDepartments: docs.partners,
    issueDate
  }))
}

const ROLE_ORDER = { 组长: 0, 组员: 1, 专家: 2 } as const

export function formInputs(ctx: Pick<Ctx, 'sqlite'>, docs: TaskDocs, draw: DrawView): InspectionFormInput[] {
  const objects = drawnObjects(draw, docs)
  const infos = objectInfos(ctx, objects)
  const items = docs.items.map(({ name, content, basis, department }) => ({ name, content, basis, department }))
  return objects.map((o, i) => ({
    sheets: planFormSheets(items, o.team.length),
    taskNumber: docs.task.taskNo,
    taskName: docs.task.name,
    departments: docs.departments,
    object: infos[i],
    items,
    inspectors: [...o.team]
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
      .map((m) => ({ name: m.role === '专家' ? `${m.name}（专家）` : m.name, certificateNo: m.certNo, department: m.deptName, leader: m.role === '组长' }))
  }))
}
