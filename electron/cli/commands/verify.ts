import { verifyEvidenceFile } from '../../services/draws/verifyFile'
import { parseArgs, has, flag, CliError } from '../args'
import type { Command } from './types'

export const verify: Command = {
  name: 'verify',
  usage: 'verify EVIDENCE.json [--adjustments N] [--head 链头校验码] [--json]',
  summary: '只凭抽取证据文件重算抽取过程，并与纸质记录上的调整次数、链头校验码核对：0 完全一致，1 不一致或被改动，2 无法读取',
  run(argv) {
    const p = parseArgs(argv)
    const file = p.positional[0]
    if (!file) throw new CliError('请给出抽取证据文件（.json）的路径')
    const adj = flag(p, 'adjustments')
    if (adj !== undefined && !/^\d+$/.test(adj)) throw new CliError('--adjustments 应为纸质抽取记录上印的调整次数（整数）')
    const head = flag(p, 'head')
    if (head !== undefined && !/^[0-9A-Fa-f]{4}(-?[0-9A-Fa-f]{4}){3}$/.test(head)) throw new CliError('--head 应为纸质抽取记录上印的链头校验码，如 1A2B-3C4D-5E6F-7081')
    const r = verifyEvidenceFile(file, { ...(adj !== undefined ? { adjustments: Number(adj) } : {}), ...(head ? { headCode: head } : {}) })
    if (has(p, 'json')) console.log(JSON.stringify(r))
    else {
      console.log(r.message)
      for (const d of r.differences) console.log(`  - ${d}`)
    }
    return r.code
  }
}
