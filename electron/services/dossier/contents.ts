/** 目录.txt: what each file is, its size and SHA-256, and what the dossier does not contain yet. */
import { createHash } from 'node:crypto'
import type { Task } from '@contract'
import { APP_VERSION } from '../version'
import { textFile, type DossierFile, type DossierGap } from './types'

export const INDEX_NAME = '目录.txt'

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

export interface IndexMeta {
  task: Task
  exportedAt: string
  operator: string
  database: string
}

export function indexFile(meta: IndexMeta, files: DossierFile[], gaps: DossierGap[]): Uint8Array {
  const { task } = meta
  const sections = [...new Set([...files.map((f) => f.path.split('/')[0]!), ...gaps.map((g) => g.section)])].sort()
  const lines = [
    '双随机联合抽查　抽查任务归档卷宗　目录',
    '',
    `任务编号：${task.taskNo}`,
    `任务名称：${task.name}`,
    `任务状态：${task.status}`,
    `发起部门：${task.initiatorName}`,
    `导出时间：${meta.exportedAt}`,
    `导出人（操作人员）：${meta.operator}`,
    `程序版本：双随机联合抽查工作台 ${APP_VERSION}`,
    `数据库文件：${meta.database}`,
    '',
    `本卷宗共 ${files.length} 个文件（不含本目录）。每个文件后列出其 SHA-256 校验值，可用以下命令核对：`,
    '  Windows：certutil -hashfile 文件名 SHA256',
    '  麒麟 / 统信 UOS：sha256sum 文件名；或在本文件夹中运行 sha256sum -c 目录.txt，一次核对末尾“校验值清单”中的全部文件（其余各行的格式提示可以忽略）',
    ''
  ]
  for (const s of sections) {
    lines.push(`【${s}】`)
    const here = files.filter((f) => f.path.startsWith(`${s}/`))
    for (const f of here) {
      lines.push(`  ${f.path.slice(s.length + 1)}（${f.data.length} 字节）`, `    ${f.what}`, `    SHA-256：${sha256(f.data)}`)
    }
    for (const g of gaps.filter((x) => x.section === s)) lines.push(`  ${g.what}：${g.why}`)
    lines.push('')
  }
  lines.push('【校验值清单】（sha256sum 格式：校验值、两个空格、文件路径）')
  for (const f of files) lines.push(`${sha256(f.data)}  ${f.path}`)
  return textFile(lines)
}
