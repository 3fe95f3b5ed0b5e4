/**
 * `suiji import objects|inspectors|items FILE --db DB [--dept NAME] [--dry-run] [--expect-fingerprint SHA256] [--json] [--rejects OUT.xlsx]`.
 * --dry-run reads, checks and compares only: the same counts, nothing written,
 * and prints the file's fingerprint; `--expect-fingerprint` with it imports
 * only if the file is still the one previewed (as the page's confirm does).
 * Exit 0 when the file was read (even with rejected rows), 2 when it could not be read at all.
 *
 * `suiji export objects|inspectors|items --db DB --out FILE.xlsx|FILE.csv [--dept NAME] [--org TEXT] [--json]`
 * and `suiji export … --template --out FILE.xlsx` for a blank template (no database needed).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Workbench } from '../../services/workbench'
import { UserError } from '../../services/errors'
import { importObjects } from '../../services/registry/import/objects'
import { importInspectors } from '../../services/registry/import/inspectors'
import { findDepartment, importItems } from '../../services/registry/import/items'
import { writeRejectsFile } from '../../services/registry/import/rejects'
import { REGISTRY_LABELS, type ImportResult, type Registry } from '../../services/registry/import/types'
import type { ObjectKind } from '../../services/registry/spreadsheet/layouts'
import { exportRegistry, writeTemplate } from '../../services/registry/export/export'
import type { Command } from './types'

export const IMPORT_USAGE =
  'import objects|inspectors|items FILE --db DB [--dept NAME] [--kind market|institution|social] [--dry-run] [--expect-fingerprint SHA256] [--json] [--rejects OUT.xlsx]'

interface Args {
  positional: string[]
  flags: Map<string, string>
}

export function parseCliArgs(argv: string[], switches: string[]): Args {
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (!a.startsWith('--')) {
      positional.push(a)
      continue
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    const value = inline ?? (switches.includes(name) ? 'true' : argv[++i])
    if (value === undefined) throw new UserError(`参数 --${name} 缺少取值。用法：${IMPORT_USAGE}`)
    flags.set(name, value)
  }
  return { positional, flags }
}

const REGISTRIES: Registry[] = ['objects', 'inspectors', 'items']

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n')
}

export function summaryLines(r: ImportResult): string[] {
  const lines = r.dryRun
    ? [
        `${REGISTRY_LABELS[r.registry]}导入预览（未写入数据库）：${r.file}${r.encoding ? `（按 ${r.encoding} 编码读取）` : ''}`,
        `读取 ${r.read} 行：将新增 ${r.imported}，将更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected}，警告 ${r.warnings}`
      ]
    : [
        `${REGISTRY_LABELS[r.registry]}导入完成：${r.file}${r.encoding ? `（按 ${r.encoding} 编码读取）` : ''}`,
        `读取 ${r.read} 行：新增 ${r.imported}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected}，警告 ${r.warnings}`
      ]
  for (const c of r.changes.slice(0, 50)) lines.push(`  ${r.dryRun ? '将更新' : '更新'} ${c.sheet} 第 ${c.row} 行 ${c.key}：${c.fields.map((f) => `${f.field}“${f.old}”→“${f.new}”`).join('；')}`)
  if (r.changes.length > 50) lines.push(`  …… 另有 ${r.changes.length - 50} 行${r.dryRun ? '将' : '已'}更新，用 --rejects 文件名.xlsx 保存全部明细`)
  for (const x of r.rejects.slice(0, 50)) lines.push(`  拒绝 ${x.sheet} 第 ${x.row} 行：${x.reason}`)
  if (r.rejects.length > 50) lines.push(`  …… 另有 ${r.rejects.length - 50} 行被拒绝，用 --rejects 文件名.xlsx 保存全部`)
  for (const w of r.warningList.slice(0, 50)) lines.push(`  警告 ${w.sheet} 第 ${w.row} 行 ${w.field}：${w.message}`)
  if (r.dryRun && r.fingerprint) {
    lines.push(`文件指纹（SHA-256）：${r.fingerprint}`, `  核对无误后导入时加上 --expect-fingerprint ${r.fingerprint}：文件若在预览之后被改动，将拒绝导入。`)
  }
  return lines
}

export async function importCli(argv: string[]): Promise<number> {
  const args = argv[0] === 'import' ? argv.slice(1) : argv
  let json = false
  let wb: Workbench | null = null
  try {
    const p = parseCliArgs(args, ['json', 'dry-run'])
    const dryRun = p.flags.has('dry-run')
    json = p.flags.has('json')
    const [registry, file] = p.positional as [Registry | undefined, string | undefined]
    if (!registry || !REGISTRIES.includes(registry)) throw new UserError(`请指明导入哪一个名录：objects（检查对象）、inspectors（执法人员）或 items（抽查事项）。用法：${IMPORT_USAGE}`)
    if (!file) throw new UserError(`缺少要导入的表格文件。用法：${IMPORT_USAGE}`)
    const db = p.flags.get('db')
    if (!db) throw new UserError(`缺少参数 --db（数据库文件）。用法：${IMPORT_USAGE}`)
    const kind = p.flags.get('kind') as ObjectKind | undefined
    if (kind && !['market', 'institution', 'social'].includes(kind)) {
      throw new UserError(`--kind 应为 market（市场主体）、institution（机关/事业单位）或 social（社会团体），现为“${kind}”。`)
    }
    const expectFingerprint = p.flags.get('expect-fingerprint')?.toLowerCase()
    if (expectFingerprint !== undefined && !/^[0-9a-f]{64}$/.test(expectFingerprint)) {
      throw new UserError(`--expect-fingerprint 应为预览（--dry-run）打印的 64 位文件指纹，现为“${expectFingerprint}”。`)
    }
    wb = new Workbench(resolve(db))
    const ctx = wb.ctx()
    const path = resolve(file)
    const r =
      registry === 'objects'
        ? await importObjects(ctx, path, { kind, dryRun, expectFingerprint })
        : registry === 'inspectors'
          ? await importInspectors(ctx, path, { dryRun, expectFingerprint })
          : await importItems(ctx, path, { dept: p.flags.get('dept'), dryRun, expectFingerprint })
    const rejectsOut = p.flags.get('rejects')
    let rejectsError: string | undefined
    if (rejectsOut) {
      // The import has committed by now: a rejects file that cannot be written does not undo it.
      try {
        await writeRejectsFile(r, resolve(rejectsOut))
      } catch (e) {
        rejectsError = `无法写入“${resolve(rejectsOut)}”（${(e as Error).message}），请确认该文件没有在 Excel/WPS 中打开、目录可写。`
        process.stderr.write(`错误：${rejectsError}\n`)
      }
    }
    if (json) {
      out(
        JSON.stringify({
          dryRun,
          ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}),
          ...(r.encoding ? { encoding: r.encoding } : {}),
          read: r.read,
          imported: r.imported,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          warnings: r.warnings,
          rejects: r.rejects.map((x) => ({ row: x.row, reason: x.reason, ...(r.sheets.length > 1 ? { sheet: x.sheet } : {}) })),
          warningList: r.warningList.map((w) => ({ row: w.row, field: w.field, raw: w.raw, message: w.message })),
          changes: r.changes.map((c) => ({ row: c.row, key: c.key, fields: c.fields, ...(r.sheets.length > 1 ? { sheet: c.sheet } : {}) })),
          ...(rejectsError ? { rejectsFileError: rejectsError } : {})
        })
      )
    } else {
      out(summaryLines(r).join('\n'))
      if (rejectsOut && !rejectsError) out(`被拒绝的行和更新明细已保存到 ${resolve(rejectsOut)}，改正后可再次导入。`)
    }
    return 0
  } catch (e) {
    const msg = e instanceof UserError ? e.message : `程序内部错误：${(e as Error).message}`
    if (json) out(JSON.stringify({ error: msg }))
    process.stderr.write(`错误：${msg}\n`)
    return 2
  } finally {
    wb?.close()
  }
}

export const EXPORT_USAGE = 'export objects|inspectors|items --db DB --out FILE.xlsx|FILE.csv [--dept NAME] [--org 单位] [--template] [--json]'

export async function exportCli(argv: string[]): Promise<number> {
  const args = argv[0] === 'export' ? argv.slice(1) : argv
  let json = false
  let wb: Workbench | null = null
  try {
    const p = parseCliArgs(args, ['json', 'template'])
    json = p.flags.has('json')
    const registry = p.positional[0] as Registry | undefined
    if (!registry || !['objects', 'inspectors', 'items'].includes(registry)) {
      throw new UserError(`请指明导出哪一个名录：objects（检查对象）、inspectors（执法人员）或 items（抽查事项）。用法：${EXPORT_USAGE}`)
    }
    const outFile = p.flags.get('out')
    if (!outFile) throw new UserError(`缺少参数 --out（导出文件，.xlsx 或 .csv）。用法：${EXPORT_USAGE}`)
    const file = resolve(outFile)
    if (p.flags.has('template')) {
      await writeTemplate(registry, file, p.flags.get('org'))
      process.stdout.write(json ? JSON.stringify({ file, rows: 0 }) + '\n' : `空白模板已保存到 ${file}\n`)
      return 0
    }
    const db = p.flags.get('db')
    if (!db) throw new UserError(`缺少参数 --db（数据库文件）。用法：${EXPORT_USAGE}`)
    if (!existsSync(resolve(db))) throw new UserError(`找不到数据库文件“${resolve(db)}”，请检查路径。`)
    wb = new Workbench(resolve(db))
    const ctx = wb.ctx()
    let deptId: number | undefined
    const deptName = p.flags.get('dept')
    if (deptName) {
      const d = findDepartment(ctx, deptName)
      if (!d) throw new UserError(`找不到成员单位“${deptName}”，请填写成员单位的全称、简称或代码。`)
      deptId = d.id
    }
    const r = await exportRegistry(ctx, registry, file, { org: p.flags.get('org'), deptId })
    process.stdout.write(json ? JSON.stringify(r) + '\n' : `已导出 ${r.rows} 条到 ${r.file}\n`)
    return 0
  } catch (e) {
    const msg = e instanceof UserError ? e.message : `程序内部错误：${(e as Error).message}`
    if (json) process.stdout.write(JSON.stringify({ error: msg }) + '\n')
    process.stderr.write(`错误：${msg}\n`)
    return 2
  } finally {
    wb?.close()
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: IMPORT_USAGE,
  summary: '从 .xlsx 或 .csv 导入检查对象、执法人员或抽查事项（--dry-run 只预览；拒绝的行带行号和原因）',
  run: (argv) => importCli(argv)
}

export const exportCommand: Command = {
  name: 'export',
  usage: EXPORT_USAGE,
  summary: '按附件3/附件4格式导出名录库或事项清单（.xlsx 或带 BOM 的 .csv）',
  run: (argv) => exportCli(argv)
}
