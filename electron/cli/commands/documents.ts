/**
 * `suiji docs KIND --db DB [--task ID] [--dept NAME] [--year Y] [--township T] [--out FILE|DIR] [--combined] [--overwrite] [--json]`
 * Same mapping and files as the 文书 page.
 */
import { resolve, sep } from 'node:path'
import { DOCUMENT_KINDS_LIST, type DocumentKind } from '@contract'
import { Workbench } from '../../services/workbench'
import type { Ctx } from '../../services/context'
import { UserError } from '../../services/errors'
import { DOCUMENT_KINDS, generateDocument } from '../../services/documents/fromDb'
import { CliError, flag, has, need, parseArgs } from '../args'
import { taskIdOf } from '../workbench'
import type { Command } from './types'

/** Short names for the command line beside the kind ids. */
const ALIASES: Record<string, DocumentKind> = {
  items: 'itemList',
  market: 'registryMarket',
  institutions: 'registryInstitution',
  social: 'registrySocial',
  inspectors: 'registryInspectors',
  plan: 'annualPlan',
  workplan: 'workPlan',
  notice: 'notices',
  form: 'forms',
  record: 'drawRecord',
  summary: 'resultSummary',
  public: 'publicResults'
}

function kindOf(raw: string | undefined): DocumentKind {
  if (!raw) throw new CliError(`请写明文书种类：${kindList()}`)
  const k = (DOCUMENT_KINDS_LIST as readonly string[]).includes(raw) ? (raw as DocumentKind) : ALIASES[raw.toLowerCase()]
  if (!k) throw new CliError(`未知的文书种类“${raw}”。可用：${kindList()}`)
  return k
}

function kindList(): string {
  const alias = Object.fromEntries(Object.entries(ALIASES).map(([a, k]) => [k, a]))
  return DOCUMENT_KINDS.filter((k) => k.available)
    .map((k) => `${alias[k.kind] ?? k.kind}（${k.label}）`)
    .join('、')
}

function deptIdOf(ctx: Ctx, name: string): number {
  const rows = ctx.sqlite.prepare('SELECT id, name, short_name AS shortName, code FROM departments').all() as { id: number; name: string; shortName: string; code: string }[]
  const hit = rows.find((d) => d.name === name || d.shortName === name || d.code === name.toUpperCase()) ?? rows.filter((d) => d.name.includes(name)).at(0)
  if (!hit) throw new UserError(`找不到名为“${name}”的成员单位。请写全称、简称或代码。`, 'not-found')
  return hit.id
}

export const DOCS_USAGE = 'docs KIND --db DB [--task 编号] [--dept 部门] [--year 年度] [--township 乡镇] [--out 文件.docx|文件夹] [--combined] [--overwrite] [--json]'

export async function docsCli(argv: string[]): Promise<number> {
  const p = parseArgs(argv, ['json', 'help', 'combined', 'overwrite'])
  const kind = kindOf(p.positional[0])
  const wb = new Workbench(resolve(need(p, 'db')))
  try {
    const ctx = wb.ctx()
    const task = flag(p, 'task')
    const dept = flag(p, 'dept')
    const year = flag(p, 'year')
    if (year && !/^\d{4}$/.test(year)) throw new CliError(`--year 应为四位年份，当前为“${year}”`)
    const out = flag(p, 'out')
    const json = has(p, 'json')
    let last = -1
    const r = await generateDocument(
      ctx,
      {
        kind,
        taskId: task ? taskIdOf(ctx, task) : undefined,
        deptId: dept ? deptIdOf(ctx, dept) : undefined,
        year: year ? Number(year) : undefined,
        filter: { township: flag(p, 'township') },
        // Separate files unless --combined, as a folder is the natural --out for a batch.
        mode: has(p, 'combined') ? 'combined' : 'separate',
        path: out ? resolve(out) + (/[\\/]$/.test(out) ? sep : '') : undefined,
        overwrite: has(p, 'overwrite')
      },
      process.cwd(),
      {
        onProgress: (phase, done, total) => {
          const pct = total ? Math.floor((done / total) * 10) : 0
          if (!json && total > 20 && pct !== last) (last = pct), process.stderr.write(`\r${phase} ${done}/${total}`)
        }
      }
    )
    if (!json && last >= 0) process.stderr.write('\n')
    if (json) console.log(JSON.stringify({ kind, files: r.files, folder: r.folder, docNumber: r.docNumber ?? null, elapsedMs: Math.round(r.elapsedMs) }))
    else {
      console.log(r.files.length === 1 ? `已生成：${r.files[0]}` : `已生成 ${r.files.length} 个文件，位于：${r.folder}`)
      if (r.docNumber) console.log(`发文字号：${r.docNumber}`)
    }
    return 0
  } finally {
    wb.close()
  }
}

export const docsCommand: Command = {
  name: 'docs',
  usage: DOCS_USAGE,
  summary: '生成文书（.docx）：事项清单、名录库、年度计划表、工作方案、抽取记录、通知书、检查表、结果汇总表、结果公示表；批量文书默认每户一个文件，加 --combined 合订为一个文件',
  run: (argv) => docsCli(argv)
}
