/**
 * 02-抽取: the 抽取方案公告 as committed, then every draw of the task — the
 * one in force and any it superseded — as its evidence file and its 抽取记录,
 * and every replacement. Built from the stored records without the draws
 * service's file exports, which would each add an audit entry.
 */
import type { Ctx } from '../context'
import type { Task } from '@contract'
import { announcement, findPlan, listDraws, drawRecordInput, exclusionsCsv, exclusionsFileName } from '../draws/records'
import { drawRow, fullEvidence } from '../draws/records/store'
import { drawView } from '../draws/records/view'
import { serialiseEvidence, shortHash } from '../draws/evidence'
import { verifyEvidence } from '../draws/verify'
import { buildDrawRecord } from '../documents'
import { csv } from './csv'
import { emptyPart, textFile, utf8, type DossierPart } from './types'

const DIR = '02-抽取'

export async function drawPart(ctx: Ctx, task: Task, signal: AbortSignal, report: (phase: string, done: number, total: number) => void): Promise<DossierPart> {
  const part = emptyPart()
  if (findPlan(ctx, task.id)) {
    const a = announcement(ctx, task.id)
    part.files.push(
      { path: `${DIR}/抽取方案公告.json`, what: '抽取方案公告（抽取前公布：对象池和人员名单的哈希、规则、种子的形成方式）', data: utf8(`${JSON.stringify(a, null, 2)}\n`) },
      {
        path: `${DIR}/抽取方案公告.txt`,
        what: '抽取方案公告的文字版',
        data: textFile([
          `${a.taskNo}　${a.taskName}　抽取方案公告`,
          `公布时间：${a.publishedAt}　抽取日期：${a.drawDate}`,
          `抽取算法：${a.algorithm}（${a.prng}）`,
          `可抽对象 ${a.poolCount} 户，对象池 SHA-256：${a.poolSha256}`,
          `执法人员名单 ${a.inspectorsCount} 人，名单 SHA-256：${a.inspectorsSha256}`,
          `应抽 ${a.drawCount} 户：`,
          ...a.ruleLines.map((l) => `  ${l}`),
          '排除对象：',
          ...(a.exclusionSummary.length ? a.exclusionSummary.map((x) => `  ${x.reason}：${x.count} 户`) : ['  无']),
          '种子的形成：',
          ...a.seedFormation.map((l) => `  ${l}`)
        ])
      }
    )
  } else {
    part.gaps.push({ section: DIR, what: '抽取方案公告', why: '尚无：任务还没有公布抽取方案（冻结执法人员名单和抽取日期）' })
  }

  const draws = listDraws(ctx, task.id)
  if (!draws.length) {
    part.gaps.push({ section: DIR, what: '抽取证据文件和抽取记录', why: '尚无：任务还没有进行随机抽取' })
    return part
  }
  const replacements: unknown[][] = []
  const summary: string[] = [`${task.taskNo}　${task.name}　抽取情况`, '']
  for (const [i, d] of draws.entries()) {
    if (signal.aborted) return part
    // a large pool takes seconds to re-verify and lay out: say which draw is being worked on
    report(`抽取记录：${d.drawId}`, i, draws.length)
    const row = drawRow(ctx, d.drawId)
    const e = fullEvidence(ctx, row)
    const check = verifyEvidence(JSON.parse(serialiseEvidence(e)))
    const state = d.superseded ? '已被重新抽取替代' : '现行有效'
    const verified = check.ok ? '复核一致' : `复核不一致（${check.differences.length} 处）`
    part.files.push({
      path: `${DIR}/抽取证据-${d.drawId}.json`,
      what: `抽取 ${d.drawId} 的证据文件（${state}；含 ${e.replacements.length} 次人员替换；校验码 ${shortHash(e)}；导出时${verified}）。可用“suiji verify 文件名”独立复核`,
      data: utf8(serialiseEvidence(e))
    })
    const supersedes = row.supersedesDrawId ? { drawId: row.supersedesDrawId, reason: row.supersedeReason } : null
    const docx = await buildDrawRecord(drawRecordInput(e, task.taskNo, supersedes))
    part.files.push({ path: `${DIR}/抽取记录-${d.drawId}.docx`, what: `抽取 ${d.drawId} 的随机抽取记录（${state}；供签字存档）`, data: docx })
    // the record counts the exclusions by reason and names this file for the full list
    if (e.exclusions.length)
      part.files.push({ path: `${DIR}/${exclusionsFileName(d.drawId)}`, what: `抽取 ${d.drawId} 排除的 ${e.exclusions.length} 个对象及原因（抽取记录的附件）`, data: exclusionsCsv(e) })
    summary.push(
      `抽取编号 ${d.drawId}（${state}）`,
      `  抽取时间：${e.times.drawnAt}　抽中 ${d.objectCount} 户　校验码 ${shortHash(e)}`,
      `  操作人员：${e.people.operator}　见证人：${e.people.witnesses.join('、') || '无'}${e.people.supervisor ? `　监督人：${e.people.supervisor}` : ''}`,
      `  种子来源：${e.seed.sources.map((s) => `${s.label}=${s.value}`).join('；')}`,
      ...(supersedes ? [`  替代 ${supersedes.drawId}，原因：${supersedes.reason}`] : []),
      `  人员替换：${e.replacements.length} 次`,
      ''
    )
    for (const r of drawView(ctx, row, e).replacements) {
      replacements.push([d.drawId, r.seq, r.order, r.objectName, r.objectCode, r.deptName, r.role, r.outName, r.inName, r.reason, r.approver, r.policy === 'redraw' ? '随机重抽' : '人工指定', r.operator, r.time])
    }
  }
  part.files.push({ path: `${DIR}/抽取情况.txt`, what: '本任务历次抽取一览（现行与被替代的抽取、见证人、种子来源）', data: textFile(summary) })
  if (replacements.length) {
    part.files.push({
      path: `${DIR}/人员替换记录.csv`,
      what: `检查人员替换记录 ${replacements.length} 条（原抽取结果不变，替换另行记录）`,
      data: csv(['抽取编号', '替换序号', '对象序号', '检查对象', '统一社会信用代码（注册号）', '部门', '角色', '被替换人员', '替换人员', '替换原因', '批准人（分管负责人）', '替换方式', '操作人员', '时间'], replacements)
    })
  } else {
    part.gaps.push({ section: DIR, what: '人员替换记录', why: '尚无：本任务没有替换过检查人员' })
  }
  return part
}
