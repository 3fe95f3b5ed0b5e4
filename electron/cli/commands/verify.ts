import { verifyEvidenceFile } from '../../services/draws/verifyFile'
import { parseArgs, has, CliError } from '../args'
import type { Command } from './types'

export const verify: Command = {
  name: 'verify',
  usage: 'verify EVIDENCE.json [--json]',
  summary: '只凭抽取证据文件重算抽取过程：0 完全一致，1 不一致或被改动，2 无法读取',
  run(argv) {
    const p = parseArgs(argv)
    const file = p.positional[0]
    if (!file) throw new CliError('请给出抽取证据文件（.json）的路径')
    const r = verifyEvidenceFile(file)
    if (has(p, 'json')) console.log(JSON.stringify(r))
    else {
      console.log(r.message)
      for (const d of r.differences) console.log(`  - ${d}`)
    }
    return r.code
  }
}
