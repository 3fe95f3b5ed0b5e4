import { resolve } from 'node:path'
import { Workbench } from '../../services/workbench'
import { loadDemo } from '../../services/demo/load'
import { parseArgs, need, flag, has, CliError } from '../args'
import type { Command } from './types'

export const demo: Command = {
  name: 'demo',
  usage: 'demo --db FILE [--objects N] [--seed S] [--today YYYY-MM-DD] [--registry-only] [--json]',
  summary: '生成演示县数据：一单两库和一整年的计划、任务、抽取、检查结果（同一种子、同一日期结果相同）',
  run(argv) {
    const p = parseArgs(argv, ['json', 'help', 'registry-only'])
    const file = resolve(need(p, 'db'))
    const n = Number(flag(p, 'objects') ?? 30000)
    if (!Number.isInteger(n) || n < 100 || n > 200000) throw new CliError('--objects 应为 100 到 200000 之间的整数')
    const wb = new Workbench(file)
    try {
      const today = flag(p, 'today')
      if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliError('--today 应写成 YYYY-MM-DD，例如 2026-12-04')
      const r = loadDemo(wb.ctx(), { objects: n, seed: flag(p, 'seed') ?? 'demo', today, registryOnly: has(p, 'registry-only') })
      if (has(p, 'json')) console.log(JSON.stringify({ file, ...r }))
      else {
        const year = r.tasks === undefined ? '' : `；${r.year} 年度计划 ${r.planEntries} 条，联合抽查任务 ${r.tasks} 项，检查结果 ${r.results} 条`
        console.log(`演示数据已写入 ${file}：检查对象 ${r.objects} 户，执法人员 ${r.inspectors} 人，抽查事项 ${r.items} 项${year}（种子 ${r.seed}）。`)
      }
      return 0
    } finally {
      wb.close()
    }
  }
}
