/** `suiji dossier TASK --db DB --out FILE.zip [--json]`: the task's 归档卷宗, the same .zip as the button on the task page. */
import { has, need, parseArgs } from '../args'
import { taskIdOf, withCtxAsync } from '../workbench'
import { exportDossier } from '../../services/dossier'
import type { Command } from './types'

export async function dossierCli(argv: string[]): Promise<number> {
  const p = parseArgs(argv)
  const out = need(p, 'out')
  const json = has(p, 'json')
  let last = ''
  // progress goes to stderr so that --json keeps stdout to one line; each phase once
  const progress = (phase: string) => {
    if (phase !== last && phase !== '完成') process.stderr.write(`  ${phase}……\n`)
    last = phase
  }
  const r = await withCtxAsync(need(p, 'db'), (ctx) =>
    exportDossier(ctx, taskIdOf(ctx, p.positional[0]), out, {
      onProgress: json ? undefined : progress
    })
  )
  if (json) {
    console.log(JSON.stringify(r))
    return 0
  }
  console.log(`已导出任务 ${r.taskNo} 的归档卷宗：${r.file}`)
  console.log(`共 ${r.files} 个文件，${(r.bytes / 1024).toFixed(0)} KB，SHA-256 ${r.sha256}`)
  if (r.gaps.length) {
    console.log('卷宗中尚无：')
    for (const g of r.gaps) console.log(`  ${g}`)
  }
  return 0
}

export const dossierCommand: Command = {
  name: 'dossier',
  usage: 'dossier TASK --db DB --out FILE.zip [--json]',
  summary: '导出抽查任务的归档卷宗（.zip）：方案、对象池、历次抽取及证据、人员替换、文书、检查结果及更正、操作日志，附目录和 SHA-256',
  run: dossierCli
}
