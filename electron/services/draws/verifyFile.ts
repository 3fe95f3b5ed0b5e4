import { readFileSync } from 'node:fs'
import { chainHead, shortHash } from './evidence'
import { verifyEvidence } from './verify'
import type { DrawEvidence } from './types'

/** What the paper 抽取记录 prints about the chain (spec §8.5), to compare with the file. */
export interface PaperChain {
  adjustments?: number
  /** 链头校验码 as printed, e.g. 1A2B-3C4D-5E6F-7081 */
  headCode?: string
}

export interface VerifyFileResult {
  /** 0 = reproduces exactly, 1 = does not reproduce or was altered, 2 = unreadable */
  code: 0 | 1 | 2
  message: string
  differences: string[]
}

/** For `suiji verify EVIDENCE.json` and the app's “打开证据文件复核”. Needs nothing but the file. */
export function verifyEvidenceFile(path: string, paper: PaperChain = {}): VerifyFileResult {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '无法读取'
    return { code: 2, message: `证据文件 ${path} ${reason}，请检查路径。`, differences: [] }
  }
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return { code: 2, message: `${path} 不是有效的 JSON 文件，无法复核。请确认选择的是抽取时导出的证据文件（.json）。`, differences: [] }
  }
  const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined
  if (format !== 'suiji-evidence/1' && format !== 'suiji-evidence/2') {
    return { code: 2, message: `${path} 不是本程序导出的抽取证据文件，无法复核。请选择抽取时导出的证据文件（.json）。`, differences: [] }
  }
  return checkEvidence(value, paper)
}

/** Verify a parsed evidence object and compare its chain with what the paper prints. */
export function checkEvidence(value: unknown, paper: PaperChain = {}): VerifyFileResult {
  const r = verifyEvidence(value)
  const e = value as DrawEvidence
  const differences = r.ok ? [] : [...r.differences]
  if (r.ok) {
    const chain = chainHead(e)
    if (paper.adjustments !== undefined && paper.adjustments !== chain.adjustments) {
      differences.push(`调整次数：纸质抽取记录印的是 ${paper.adjustments} 次，证据文件只能推出 ${chain.adjustments} 次，有替换或重新抽取的记录被删去或添加。`)
    }
    const printed = paper.headCode?.toUpperCase().replace(/[^0-9A-F]/g, '')
    if (printed !== undefined && printed !== chain.headCode.replace(/-/g, '')) {
      differences.push(`链头校验码：纸质抽取记录印的是 ${paper.headCode}，按证据文件算出 ${chain.headCode}，替换或重新抽取的记录与纸面不符。`)
    }
    if (differences.length === 0) {
      return {
        code: 0,
        message: `一致：按证据文件重新计算，抽取结果与记录完全相同（抽取编号 ${e.drawId}，校验码 ${shortHash(e)}，调整 ${chain.adjustments} 次，链头校验码 ${chain.headCode}）。请与纸质抽取记录上印的调整次数和链头校验码核对。`,
        differences: []
      }
    }
  }
  return { code: 1, message: `不一致：发现 ${differences.length} 处不同，该证据文件不能复现原抽取结果或已被改动。`, differences }
}
