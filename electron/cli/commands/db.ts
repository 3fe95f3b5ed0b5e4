import { resolve } from 'node:path'
import { openDatabase } from '../../services/db/open'
import { Workbench } from '../../services/workbench'
import { verifyAuditChain } from '../../services/audit/log'
import { parseArgs, need, has } from '../args'
import type { Command } from './types'

export const dbInit: Command = {
  name: 'db init',
  usage: 'db init --db FILE [--json]',
  summary: '新建（或升级）数据库文件，写入默认成员单位',
  run(argv) {
    const p = parseArgs(argv)
    const file = resolve(need(p, 'db'))
    const opened = openDatabase(file)
    const migrated = opened.migrated
    opened.sqlite.close()
    const wb = new Workbench(file)
    const ctx = wb.ctx()
    const departments = (ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM departments').get() as { n: number }).n
    wb.close()
    if (has(p, 'json')) console.log(JSON.stringify({ file, migrated, departments }))
    else console.log(`数据库已就绪：${file}\n应用迁移：${migrated.length ? migrated.join('、') : '无（已是最新）'}\n成员单位：${departments} 个`)
    return 0
  }
}

export const auditVerify: Command = {
  name: 'audit verify',
  usage: 'audit verify --db FILE [--json]',
  summary: '校验审计日志哈希链，发现被修改或删除的记录',
  run(argv) {
    const p = parseArgs(argv)
    const wb = new Workbench(resolve(need(p, 'db')))
    const r = verifyAuditChain(wb.ctx())
    wb.close()
    if (has(p, 'json')) console.log(JSON.stringify(r))
    else console.log(r.ok ? `审计日志完整：共 ${r.entries} 条，哈希链一致。` : `审计日志被篡改：第 ${r.brokenAt!.id} 条，${r.brokenAt!.reason}。`)
    return r.ok ? 0 : 1
  }
}
