import { resolve } from 'node:path'
import { Workbench } from '../../services/workbench'
import { generateDemoCounty } from '../../services/demo/generate'
import { parseArgs, need, flag, has, CliError } from '../args'
import type { Command } from './types'

export const demo: Command = {
  name: 'demo',
  usage: 'demo --db FILE [--objects N] [--seed S] [--json]',
  summary: '生成演示县数据（检查对象、执法人员、抽查事项清单），同一种子结果相同',
  run(argv) {
    const p = parseArgs(argv)
    const file = resolve(need(p, 'db'))
    const n = Number(flag(p, 'objects') ?? 30000)
    if (!Number.isInteger(n) || n < 100 || n > 200000) throw new CliError('--objects 应为 100 到 200000 之间的整数')
    const wb = new Workbench(file)
    try {
      const r = generateDemoCounty(wb.ctx(), { objects: n, seed: flag(p, 'seed') ?? 'demo' })
      if (has(p, 'json')) console.log(JSON.stringify({ file, ...r }))
      else console.log(`演示数据已写入 ${file}：检查对象 ${r.objects} 户，执法人员 ${r.inspectors} 人，抽查事项 ${r.items} 项（种子 ${r.seed}）。`)
      return 0
    } finally {
      wb.close()
    }
  }
}
