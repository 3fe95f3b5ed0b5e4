/**
 * `suiji plan …` commands. Each takes the arguments after its own name and
 * returns the exit code (0 done, 1 done but refused/negative, 2 cannot run —
 * the dispatcher maps thrown UserError/CliError to 2).
 */
import { resolve } from 'node:path'
import { Workbench } from '../../services/workbench'
import { CliError, flag, has, need, parseArgs } from '../args'
import type { Command } from './types'
import { importPlanXlsx } from '../../services/plans/importXlsx'
import { exportPlanXlsx } from '../../services/plans/xlsx'
import { r12Report } from '../../services/plans/county'
import { deptResolver } from '../../services/plans/deptNames'

function yearOf(text: string): number {
  const y = Number(text)
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new CliError(`年度“${text}”不对，请写四位年份，例如 --year 2026`)
  return y
}

async function withWorkbench<T>(db: string, f: (wb: Workbench) => Promise<T> | T): Promise<T> {
  const wb = new Workbench(resolve(db))
  try {
    return await f(wb)
  } finally {
    wb.close()
  }
}

/** plan import FILE --db DB [--json] */
export async function planImport(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定要导入的计划表文件，例如：plan import 计划表.xlsx --db 工作台.db')
  const r = await withWorkbench(need(p, 'db'), (wb) => importPlanXlsx(wb.ctx(), resolve(file)))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else {
    if (r.ok) console.log(`已导入：新增 ${r.created} 条，更新 ${r.updated} 条。`)
    else console.log(`未导入任何内容：计划表有 ${r.errors.length} 处错误，请改正后重新导入。`)
    for (const e of r.errors) console.log(`  第 ${e.row} 行：${e.reason}`)
    for (const w of r.warnings) console.log(`  提示（第 ${w.row} 行）：${w.reason}`)
  }
  return r.ok ? 0 : 1
}

/** plan export --db DB --year Y --out FILE.xlsx [--dept NAME] */
export async function planExport(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const year = yearOf(need(p, 'year'))
  const out = resolve(need(p, 'out'))
  const r = await withWorkbench(need(p, 'db'), (wb) => {
    const ctx = wb.ctx()
    const deptText = flag(p, 'dept')
    let deptId: number | undefined
    if (deptText) {
      const d = deptResolver(ctx)(deptText)
      if (!d) throw new CliError(`“${deptText}”不是成员单位，请写成员单位的全称或简称。`)
      deptId = d.id
    }
    return exportPlanXlsx(ctx, { year, file: out, deptId })
  })
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else console.log(`已导出 ${year} 年度计划 ${r.rows} 条：${r.file}`)
  return 0
}

/** plan r12 --db DB --year Y [--json] — exit 1 when some member department has no joint inspection */
export async function planR12(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const year = yearOf(need(p, 'year'))
  const r = await withWorkbench(need(p, 'db'), (wb) => r12Report(wb.ctx(), year))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else if (!r.missing.length) console.log(`${year} 年度全部 ${r.activeMembers} 个成员单位都发起或参与了部门联合抽查。`)
  else {
    console.log(`${year} 年度 ${r.activeMembers} 个成员单位中，有 ${r.missing.length} 个既未发起也未参与部门联合抽查：`)
    for (const m of r.missing) console.log(`  ${m.name}`)
  }
  return r.missing.length ? 1 : 0
}

export const planCommands: Command[] = [
  { name: 'plan import', usage: 'plan import FILE --db DB [--json]', summary: '导入附件5格式的年度部门联合抽查计划表（有错则整表不导入）', run: planImport },
  { name: 'plan export', usage: 'plan export --db DB --year Y --out FILE.xlsx [--dept NAME]', summary: '导出年度部门双随机联合抽查工作计划表（全县或一个部门）', run: planExport },
  { name: 'plan r12', usage: 'plan r12 --db DB --year Y [--json]', summary: '列出本年度既未发起也未参与部门联合抽查的成员单位', run: planR12 }
]
