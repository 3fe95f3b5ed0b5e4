import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { csv } from '../../dossier/csv'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { getTaskRow } from '../../tasks/service'
import { buildDrawRecord, type DrawRecordInput } from '../../documents'
import type { EvidenceCheck } from '@contract'
import { chainHead, serialiseEvidence, shortHash } from '../evidence'
import { poolFileNames } from './poolFiles'
import { verifyEvidenceFile, type PaperChain } from '../verifyFile'
import { ALGORITHM_V1, CREDIT_CLASSES, type DrawEvidence, type SourceSpec } from '../types'
import { ruleLines } from './announcement'
import { drawRow, fullEvidence } from './store'
import { nextTurn, type Report } from '../../jobs/runner'

function write(file: string, data: string | Buffer): number {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, data)
  } catch (err) {
    throw new UserError(`无法写入文件 ${file}（${(err as NodeJS.ErrnoException).code ?? '写入失败'}），请换一个保存位置。`, 'write-failed')
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length
}

/** What the 抽取记录 and the evidence file do first: gather the pool, exclusions and adjustments of the draw. */
export const EVIDENCE_FIRST_PHASE = '汇总抽取证据（对象池、排除名单、调整记录）'

/** The evidence file (.json): the draw and every replacement since; `suiji verify` needs nothing else. */
export function exportEvidence(ctx: Ctx, drawId: string, file: string): { file: string; bytes: number; shortHash: string } {
  const e = fullEvidence(ctx, drawRow(ctx, drawId))
  const bytes = write(file, serialiseEvidence(e))
  audit(ctx, { action: '导出抽取证据文件', entity: 'draw', entityId: drawId, detail: { file, bytes, replacements: e.replacements.length } })
  return { file, bytes, shortHash: shortHash(e) }
}

export function verifyFile(file: string, paper: PaperChain = {}): EvidenceCheck {
  return verifyEvidenceFile(file, paper)
}

const ROLE_ORDER = { 组长: 0, 组员: 1, 专家: 2 } as const

/** The attachment beside a 抽取记录 that lists every excluded object (the record prints the counts by reason). */
export function exclusionsFileName(drawId: string): string {
  return `排除对象名单-${drawId}.csv`
}

/** The full list of excluded objects as a spreadsheet-readable file. */
export function exclusionsCsv(e: Pick<DrawEvidence, 'exclusions'>): Uint8Array {
  return csv(['序号', '名称', '统一社会信用代码（注册号）', '排除原因'], e.exclusions.map((x, i) => [i + 1, x.name, x.code, x.reason]))
}

/** Maps the evidence onto the documents work's 抽取记录. */
export function drawRecordInput(e: DrawEvidence, taskNo: string, supersedes: { drawId: string; reason: string } | null): DrawRecordInput {
  const deptName = new Map(e.task.departments.map((d) => [d.deptId, d.deptName]))
  const totalDrawn = CREDIT_CLASSES.reduce((s, c) => s + e.quotas[c].quota, 0)
  const sourceLabel = (k: string) => (k === 'witness' ? '见证人' : '公开数值')
  return {
    drawId: e.drawId,
    taskNumber: taskNo,
    taskName: e.task.name,
    drawKind: '检查对象及执法检查人员（双随机）',
    algorithmId: e.algorithm === ALGORITHM_V1 ? '本程序公开的双随机抽取算法第 1 版' : '本程序公开的双随机抽取算法第 2 版',
    algorithmVersion: `程序版本 ${e.appVersion}`,
    committedAt: e.times.publishedAt,
    drawnAt: e.times.drawnAt,
    strata: [
      ...CREDIT_CLASSES.map((c) => ({ name: `${c} 类`, poolCount: e.quotas[c].size, drawCount: e.quotas[c].quota, poolHash: '（含在全部对象名单中）' })),
      { name: '全部对象', poolCount: e.pool.count, drawCount: totalDrawn, poolHash: e.pool.sha256 },
      { name: '执法人员名单', poolCount: e.inspectors.count, drawCount: e.result.reduce((s, o) => s + o.team.length, 0), poolHash: e.inspectors.sha256 }
    ],
    exclusions: e.exclusions.map((x) => ({ name: x.name, code: x.code, reason: x.reason })),
    rule: [
      ...ruleLines(e.task.rule, e.quotas),
      `抽取日期 ${e.drawDate}：执法证须在该日有效；每户检查组至少 2 名持证执法人员${e.task.leaderFromInitiator ? '，组长由发起部门人员担任' : ''}。`,
      ...e.task.departments.map(
        (d) =>
          `${d.deptName}：每户派 ${d.inspectorsPerObject} 名持证人员${d.expertsPerObject ? `、${d.expertsPerObject} 名专家` : ''}${d.requiredSpecialties.length ? `，须具备业务专长“${d.requiredSpecialties.join('、')}”` : ''}；每人本任务最多 ${e.caps[String(d.deptId)]?.certified ?? '—'} 户。`
      ),
      `种子材料 SHA-256：${e.seed.materialSha256}`
    ],
    seedSources: e.seed.sources.map((s) => ({ label: `${sourceLabel(s.kind)} ${s.label}`, value: s.value })),
    derivedSeed: e.seed.derived,
    results: e.result.map((o) => {
      const team = [...o.team].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
      const leader = team.find((m) => m.role === '组长')
      return {
        order: o.order,
        name: o.name,
        code: o.code,
        stratum: `${o.creditClass} 类`,
        // the record's 检查组 column is narrow: the size of the team; names follow in 组长/组员
        team: `${team.length} 人`,
        leader: leader?.name ?? '',
        members: team.filter((m) => m !== leader).map((m) => (m.role === '专家' ? `${m.name}（专家）` : m.name))
      }
    }),
    replacements: e.replacements.map((r) => ({
      original: `${r.outName}（第 ${r.order} 户）`,
      replacement: `${r.inName}${r.policy === 'redraw' ? '（随机重抽）' : '（人工指定）'}`,
      reason: r.reason,
      approvedBy: r.approver,
      at: r.time
    })),
    operator: e.people.operator,
    witnesses: e.people.witnesses,
    ...(e.people.supervisor ? { supervisor: e.people.supervisor } : {}),
    evidenceHash: e.drawSha256,
    checkCode: shortHash(e),
    ...(e.exclusions.length ? { exclusionsFile: exclusionsFileName(e.drawId) } : {}),
    qrText: `suiji-evidence ${e.drawId} ${e.drawSha256} ${shortHash(e)}`,
    ...(supersedes ? { supersedes } : {}),
    ...(e.sourceSpec ? { announcedSources: specWords(e.sourceSpec) } : {}),
    ...(e.sourceSpec ? { poolFiles: poolFileWords(e) } : {}),
    ...(e.late ? { lateReason: `检查期限 ${e.late.periodEnd} 已过，${e.late.reason}` } : {}),
    chain: { adjustments: chainHead(e).adjustments, headCode: chainHead(e).headCode }
  }
}

export function specWords(s: SourceSpec): string {
  const parts: string[] = []
  if (s.witnesses > 0) parts.push(`${s.witnesses} 名见证人各输入至少 ${s.minDigits} 位数字`)
  if (s.publics.length) parts.push(`公开数值${s.publics.map((l) => `“${l}”`).join('、')}`)
  if (s.reason) parts.push(`见证人少于 3 名的原因：${s.reason}`)
  return parts.join('；')
}

function poolFileWords(e: DrawEvidence): string[] {
  const names = poolFileNames(e.pool.sha256, e.inspectors.sha256)
  return [`${names.pool}（SHA-256 ${e.pool.sha256}）`, `${names.roster}（SHA-256 ${e.inspectors.sha256}）`]
}

/**
 * 抽取记录 (.docx) with QR code, check code, 第x页 共y页 and signature lines,
 * and beside it the attachment it names with every excluded object.
 */
export async function drawRecordDocx(ctx: Ctx, drawId: string, file: string, report: Report = () => {}): Promise<{ file: string; attachment?: string }> {
  report(EVIDENCE_FIRST_PHASE, 0, 0)
  const row = drawRow(ctx, drawId)
  const e = fullEvidence(ctx, row)
  const task = getTaskRow(ctx, row.taskId)
  const input = drawRecordInput(e, task.taskNo, row.supersedesDrawId ? { drawId: row.supersedesDrawId, reason: row.supersedeReason } : null)
  report('排版抽取记录', 0, 0)
  await nextTurn()
  const buf = await buildDrawRecord(input)
  const attachment = input.exclusionsFile ? join(dirname(file), input.exclusionsFile) : undefined
  if (attachment) write(attachment, Buffer.from(exclusionsCsv(e)))
  write(file, buf)
  audit(ctx, { action: '生成抽取记录', entity: 'draw', entityId: drawId, detail: { file, ...(attachment ? { attachment, exclusions: e.exclusions.length } : {}) } })
  return attachment ? { file, attachment } : { file }
}
