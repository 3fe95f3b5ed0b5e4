/**
 * 05-操作日志: the audit entries that concern this task — the task itself,
 * its draws and replacements, its results and corrections, the 发文字号 its
 * 工作方案 took, and what an exchange changed on them — with the hash chain
 * of the whole log checked at the time of export.
 */
import type { AuditEntry, Task } from '@contract'
import type { Ctx } from '../context'
import { verifyAuditChain } from '../audit/log'
import { readHead } from '../audit/anchor'
import { fingerprintOf } from '../exchange/keys'
import { csv } from './csv'
import { emptyPart, textFile, type DossierPart } from './types'

const DIR = '05-操作日志'

const ENTITY_LABELS: Record<string, string> = {
  task: '抽查任务',
  tasks: '抽查任务（数据交换）',
  draw_plans: '抽取方案（数据交换）',
  draw: '随机抽取',
  draws: '随机抽取（数据交换）',
  result: '检查结果',
  inspection_results: '检查结果（数据交换）',
  settings: '发文字号'
}

/** An audit entry with the link to the one before it, which the chain check needs. */
export interface AuditRow extends AuditEntry {
  prevHash: string
}

export function taskAuditEntries(ctx: Pick<Ctx, 'sqlite'>, task: Pick<Task, 'id' | 'uid' | 'taskNo'>): AuditRow[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash FROM audit_log
        WHERE (entity IN ('task', 'tasks', 'draw_plans') AND entity_id = @uid)
           OR (entity IN ('draw', 'draws') AND entity_id IN (SELECT draw_id FROM draws WHERE task_id = @id))
           OR (entity IN ('result', 'inspection_results') AND entity_id IN (SELECT uid FROM inspection_results WHERE task_id = @id))
           -- 后续处置办结 names the result by its row id
           OR (entity = 'result' AND entity_id IN (SELECT CAST(id AS TEXT) FROM inspection_results WHERE task_id = @id))
           OR (entity = 'settings' AND entity_id = 'docNextNumber' AND substr(json_extract(detail, '$.purpose'), 1, length(@prefix)) = @prefix)
        ORDER BY id`
    )
    .all({ uid: task.uid, id: task.id, prefix: `${task.taskNo} ` }) as AuditRow[]
}

export function auditPart(ctx: Ctx, task: Task, exportedAt: string): DossierPart {
  const part = emptyPart()
  const rows = taskAuditEntries(ctx, task)
  part.files.push({
    path: `${DIR}/本任务操作日志.csv`,
    what: `操作日志中与本任务有关的 ${rows.length} 条记录（任务、抽取、人员替换、检查结果、更正、发文字号），按时间顺序；每条附哈希链的前后哈希`,
    data: csv(
      ['日志序号', '时间', '操作人', '操作', '对象类型', '对象标识', '详细内容', '前一条哈希', '本条哈希'],
      rows.map((r) => [r.id, r.at, r.actor, r.action, ENTITY_LABELS[r.entity] ?? r.entity, r.entityId, r.detail, r.prevHash, r.hash])
    )
  })
  const chain = verifyAuditChain(ctx)
  const signed = readHead(ctx.sqlite)
  const head = ctx.sqlite.prepare(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string } | undefined
  part.files.push({
    path: `${DIR}/操作日志完整性校验.txt`,
    what: `导出时对全部操作日志哈希链的校验结果（${chain.ok ? '完整' : '发现异常'}）`,
    data: textFile([
      '操作日志完整性校验',
      `校验时间：${exportedAt}`,
      `校验范围：本数据库的全部操作日志，共 ${chain.entries} 条`,
      chain.ok
        ? '结论：完整。每条记录的内容与其哈希相符，前后链接无缺失，没有发现修改、插入或删除。'
        : `结论：发现异常。第 ${chain.brokenAt?.id} 条：${chain.brokenAt?.reason}。该条及以后的记录不能证明未被改动，请向系统管理员报告，并从备份核对。`,
      ...(head ? [`最后一条记录：序号 ${head.id}，哈希 ${head.hash}`, '（今后可核对：同一数据库中该序号记录的哈希应与此相同。）'] : []),
      ...(signed
        ? [`签名锚点：序号 ${signed.seq}，哈希 ${signed.hash}`, `锚点签名（Ed25519，Base64）：${signed.signature}`, `签名公钥指纹：${fingerprintOf(signed.publicKey)}`]
        : []),
      '',
      '说明：每条日志的哈希由前一条的哈希和本条的时间、操作人、操作、对象和内容计算（SHA-256），',
      '任何一条被修改、插入或删除，都会使其后的链接对不上。本任务的日志见“本任务操作日志.csv”。'
    ])
  })
  return part
}
