/**
 * `suiji export objects|inspectors|items --db DB --out FILE.xlsx|FILE.csv [--dept NAME] [--org TEXT] [--json]`
 * and `suiji export … --template --out FILE.xlsx` for a blank template (no database needed).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Workbench } from '../../workbench'
import { UserError } from '../../errors'
import { parseCliArgs } from '../import/cli'
import { findDepartment } from '../import/items'
import type { Registry } from '../import/types'
import { exportRegistry, writeTemplate } from './export'

export const EXPORT_USAGE = 'export objects|inspectors|items --db DB --out FILE.xlsx|FILE.csv [--dept NAME] [--org 单位] [--template] [--json]'

export async function exportCli(argv: string[]): Promise<number> {
  const args = argv[0] === 'export' ? argv.slice(1) : argv
  let json = false
  let wb: Workbench | null = null
  try {
    const p = parseCliArgs(args, ['json', 'template'])
    json = p.flags.has('json')
    const registry = p.positional[0] as Registry | undefined
    if (!registry || !['objects', 'inspectors', 'items'].includes(registry)) {
      throw new UserError(`请指明导出哪一个名录：objects（检查对象）、inspectors（执法人员）或 items（抽查事项）。用法：${EXPORT_USAGE}`)
    }
    const outFile = p.flags.get('out')
    if (!outFile) throw new UserError(`缺少参数 --out（导出文件，.xlsx 或 .csv）。用法：${EXPORT_USAGE}`)
    const file = resolve(outFile)
    if (p.flags.has('template')) {
      await writeTemplate(registry, file, p.flags.get('org'))
      process.stdout.write(json ? JSON.stringify({ file, rows: 0 }) + '\n' : `空白模板已保存到 ${file}\n`)
      return 0
    }
    const db = p.flags.get('db')
    if (!db) throw new UserError(`缺少参数 --db（数据库文件）。用法：${EXPORT_USAGE}`)
    if (!existsSync(resolve(db))) throw new UserError(`找不到数据库文件“${resolve(db)}”，请检查路径。`)
    wb = new Workbench(resolve(db))
    const ctx = wb.ctx()
    let deptId: number | undefined
    const deptName = p.flags.get('dept')
    if (deptName) {
      const d = findDepartment(ctx, deptName)
      if (!d) throw new UserError(`找不到成员单位“${deptName}”，请填写成员单位的全称、简称或代码。`)
      deptId = d.id
    }
    const r = await exportRegistry(ctx, registry, file, { org: p.flags.get('org'), deptId })
    process.stdout.write(json ? JSON.stringify(r) + '\n' : `已导出 ${r.rows} 条到 ${r.file}\n`)
    return 0
  } catch (e) {
    const msg = e instanceof UserError ? e.message : `程序内部错误：${(e as Error).message}`
    if (json) process.stdout.write(JSON.stringify({ error: msg }) + '\n')
    process.stderr.write(`错误：${msg}\n`)
    return 2
  } finally {
    wb?.close()
  }
}
