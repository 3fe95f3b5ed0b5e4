import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { getTaskRow } from '../../tasks/service'
import { canonicalInspectors, canonicalPool } from '../canonical'
import { findPlan, prepareFromDb } from './plan'
import { nextTurn, type Report } from '../../jobs/runner'

/** What exporting a published file does first (the job's status says it at once). */
export const POOL_FILE_FIRST_PHASE = '整理冻结的对象池和执法人员名单'

/**
 * The pool and roster as published with the 抽取方案公告 (spec §2, §3, §12):
 * the exact bytes that are hashed, so that a stranger with these files, the
 * 公告 and the witnesses' digits can redo the draw, plus a readable .xlsx.
 * The names carry the first 16 hex digits of the hashes, as the paper prints.
 */
export type PoolFileKind = 'pool' | 'roster' | 'workbook'

export function poolFileNames(poolSha256: string, rosterSha256: string): Record<PoolFileKind, string> {
  return {
    pool: `对象池-${poolSha256.slice(0, 16)}.txt`,
    roster: `执法人员名单-${rosterSha256.slice(0, 16)}.txt`,
    workbook: `对象池与执法人员名单-${poolSha256.slice(0, 16)}.xlsx`
  }
}

function write(file: string, data: string | Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, data)
  } catch (err) {
    throw new UserError(`无法写入文件 ${file}（${(err as NodeJS.ErrnoException).code ?? '写入失败'}），请换一个保存位置。`, 'write-failed')
  }
}

async function workbook(file: string, taskNo: string, taskName: string, pool: string, roster: string, poolSha: string, rosterSha: string, report: Report): Promise<void> {
  try {
    mkdirSync(dirname(file), { recursive: true })
  } catch {
    throw new UserError(`无法写入文件 ${file}，请换一个保存位置。`, 'write-failed')
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true })
  const about = wb.addWorksheet('说明')
  about.columns = [{ width: 22 }, { width: 80 }]
  for (const row of [
    ['任务编号', taskNo],
    ['任务名称', taskName],
    ['对象池 SHA-256', poolSha],
    ['执法人员名单 SHA-256', rosterSha],
    ['说明', '本表便于阅读。哈希值按同时公布的两个 .txt 文件的字节计算（每行一条，字段以制表符分隔，按代码或身份证号升序），复算抽取时请使用 .txt 文件。']
  ])
    about.addRow(row).commit()
  about.commit()
  const poolLines = pool.split('\n').filter(Boolean)
  const rosterLines = roster.split('\n').filter(Boolean)
  const total = poolLines.length + rosterLines.length
  let done = 0
  // a county-wide pool is a hundred thousand rows: the bar moves, and the program answers, every few thousand
  const rows = async (ws: ExcelJS.Worksheet, lines: string[], phase: string) => {
    for (const line of lines) {
      ws.addRow(line.split('\t')).commit()
      if (++done % 2000 === 0) {
        report(phase, done, total)
        await nextTurn()
      }
    }
    ws.commit()
  }
  const ps = wb.addWorksheet('对象池')
  ps.columns = [{ width: 24 }, { width: 10 }, { width: 16 }, { width: 40 }]
  ps.addRow(['统一社会信用代码/注册号', '信用风险分类', '乡镇/片区', '名称']).commit()
  report('写入对象池', 0, total)
  await rows(ps, poolLines, '写入对象池')
  const rs = wb.addWorksheet('执法人员名单')
  rs.columns = [20, 8, 10, 16, 14, 8, 8, 20, 30, 20].map((width) => ({ width }))
  rs.addRow(['身份证号', '部门编号', '姓名', '执法证号', '执法证有效期至', '在职', '专家', '业务专长', '回避对象', '回避片区']).commit()
  report('写入执法人员名单', done, total)
  await rows(rs, rosterLines, '写入执法人员名单')
  report('压缩并保存表格', total, total)
  await wb.commit()
}

/** Writes one of the published files of a frozen plan; `report` follows the rows of the workbook. */
export async function exportPoolFile(ctx: Ctx, taskId: number, kind: PoolFileKind, file: string, report: Report = () => {}): Promise<{ file: string; sha256: string }> {
  report(POOL_FILE_FIRST_PHASE, 0, 0)
  const plan = findPlan(ctx, taskId)
  const task = getTaskRow(ctx, taskId)
  if (!plan) throw new UserError(`任务“${task.name}”（${task.taskNo}）还没有公布抽取方案，对象池和执法人员名单尚未冻结，请先公布抽取方案。`, 'not-published')
  const p = prepareFromDb(ctx, taskId, plan.drawDate, plan).prepared
  const pool = canonicalPool(p.pool)
  const roster = canonicalInspectors(p.inspectors)
  let sha256 = p.poolSha256
  if (kind === 'pool') write(file, pool)
  else if (kind === 'roster') {
    write(file, roster)
    sha256 = p.inspectorsSha256
  } else await workbook(file, task.taskNo, task.name, pool, roster, p.poolSha256, p.inspectorsSha256, report)
  audit(ctx, { action: '导出公布的对象池文件', entity: 'task', entityId: task.uid, detail: { kind, file, sha256 } })
  return { file, sha256 }
}
