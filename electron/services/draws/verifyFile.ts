import { readFileSync } from 'node:fs'
import { shortHash } from './evidence'
import { verifyEvidence } from './verify'
import type { DrawEvidence } from './types'

export interface VerifyFileResult {
  /** 0 = reproduces exactly, 1 = does not reproduce or was altered, 2 = unreadable */
  code: 0 | 1 | 2
  message: string
  differences: string[]
}

/** For `suiji verify EVIDENCE.json` and the app's “打开证据文件复核”. Needs nothing but the file. */
export function verifyEvidenceFile(path: string): VerifyFileResult {
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
  if (!value || typeof value !== 'object' || (value as { format?: unknown }).format !== 'suiji-evidence/1') {
    return { code: 2, message: `${path} 不是本程序导出的抽取证据文件（缺少 format: suiji-evidence/1），无法复核。`, differences: [] }
  }
  const r = verifyEvidence(value)
  const e = value as DrawEvidence
  if (r.ok) {
    return { code: 0, message: `一致：按证据文件重新计算，抽取结果与记录完全相同（抽取编号 ${e.drawId}，校验码 ${shortHash(e)}）。`, differences: [] }
  }
  return { code: 1, message: `不一致：发现 ${r.differences.length} 处不同，该证据文件不能复现原抽取结果或已被改动。`, differences: r.differences }
}
