/**
 * Command-line front of the exchange and backup services. Each command is
 * `(argv) => Promise<exit code>`; `exchangeCommands` lists them in the shape
 * of electron/cli/commands/types.ts for the dispatcher.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs, need, has, flag, CliError } from '../args'
import type { Command } from './types'
import { Workbench } from '../../services/workbench'
import { UserError } from '../../services/errors'
import { addPeer, exportKeyFile, getIdentity, initIdentity, listPeers } from '../../services/exchange/identity'
import { exportPackage } from '../../services/exchange/export'
import { applyPackage, previewPackage, type Preview } from '../../services/exchange/merge'
import { createBackup, previewBackup, restoreBackup, type BackupPreview } from '../../services/backup'

const SWITCHES = ['json', 'help', 'full', 'preview', 'theirs', 'ours', 'since-last', 'dry-run', 'with-registry']

async function withWorkbench<T>(dbFile: string, fn: (wb: Workbench) => T | Promise<T>): Promise<T> {
  const wb = new Workbench(resolve(dbFile))
  try {
    return await fn(wb)
  } finally {
    wb.close()
  }
}

export async function identityInit(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const me = await withWorkbench(need(p, 'db'), (wb) => initIdentity(wb.ctx(), { name: need(p, 'name'), deptCode: flag(p, 'dept') }))
  if (has(p, 'json')) console.log(JSON.stringify(me))
  else console.log(`已生成本单位交换身份：${me.name}（代码 ${me.code}）\n指纹：${me.fingerprint}\n请把密钥文件交给对方，并电话念出上面的指纹供对方核对。`)
  return 0
}

export async function identityShow(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const r = await withWorkbench(need(p, 'db'), (wb) => ({ identity: getIdentity(wb.ctx()), peers: listPeers(wb.ctx()) }))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else if (!r.identity) console.log('本机尚未设置交换身份。请运行 identity init。')
  else {
    console.log(`本单位：${r.identity.name}（代码 ${r.identity.code}）\n指纹：${r.identity.fingerprint}`)
    for (const peer of r.peers) console.log(`  ${peer.confirmed ? '已确认' : '未确认'}  ${peer.name}（${peer.code}）  ${peer.fingerprint}`)
  }
  return r.identity ? 0 : 1
}

export async function identityExportKey(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const out = resolve(need(p, 'out'))
  const text = await withWorkbench(need(p, 'db'), (wb) => exportKeyFile(wb.ctx()))
  writeFileSync(out, text)
  const k = JSON.parse(text) as { fingerprint: string }
  if (has(p, 'json')) console.log(JSON.stringify({ file: out, fingerprint: k.fingerprint }))
  else console.log(`密钥文件已写入 ${out}\n指纹：${k.fingerprint}`)
  return 0
}

export async function peerAdd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定对方的密钥文件（.sjkey）')
  const text = readFileSync(resolve(file), 'utf8')
  const peer = await withWorkbench(need(p, 'db'), (wb) => addPeer(wb.ctx(), text, flag(p, 'confirm')))
  if (has(p, 'json')) console.log(JSON.stringify(peer))
  else
    console.log(
      peer.confirmed
        ? `已登记并确认：${peer.name}（${peer.code}），指纹 ${peer.fingerprint}。`
        : `已登记：${peer.name}（${peer.code}），指纹 ${peer.fingerprint}。尚未确认——电话核对指纹后用 --confirm 指纹 再运行一次。`
    )
  return 0
}

export async function exportPackageCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const out = resolve(need(p, 'out'))
  if (has(p, 'full') && has(p, 'since-last')) throw new CliError('--full 与 --since-last 只能选一个')
  const r = await withWorkbench(need(p, 'db'), (wb) => exportPackage(wb.ctx(), { to: need(p, 'to'), full: has(p, 'full'), out, withRegistry: has(p, 'with-registry') }))
  if (has(p, 'json')) console.log(JSON.stringify({ file: r.file, bytes: r.bytes, packageId: r.manifest.packageId, kind: r.manifest.kind, contents: r.manifest.contents }))
  else {
    const parts = Object.entries(r.manifest.contents).map(([e, n]) => `${e} ${n}`)
    console.log(`交换包已写入 ${r.file}（${r.manifest.kind === 'full' ? '全量' : '增量'}，${parts.join('，')}）`)
  }
  return 0
}

/** Refusals whose file could not even be read as a package. */
const UNREADABLE = new Set(['io', 'not-a-package', 'truncated'])

function printPreview(pv: Preview) {
  console.log(`来自：${pv.from.name}（${pv.from.code}），制作于 ${pv.createdAt}，${pv.kind === 'full' ? '全量' : '增量'}，程序版本 ${pv.appVersion}`)
  if (pv.upgradedFrom !== null) console.log(`（较早版本的交换包，已由数据结构第 ${pv.upgradedFrom} 版升级到第 ${pv.schemaVersion} 版）`)
  if (pv.alreadyImported) console.log('该交换包此前已导入，再次导入不会改变任何数据。')
  if (pv.peerLogWarning) console.log(`警告：${pv.peerLogWarning}`)
  if (pv.olderThanLast) console.log('警告：已导入过该单位更晚制作的交换包，此包可能已过时。')
  for (const e of pv.entities) console.log(`  ${e.label}：新增 ${e.new}，更新 ${e.updated}，未变 ${e.unchanged}，保留本方较新 ${e.keptLocal}，冲突 ${e.conflicts}，拒收 ${e.refused}`)
  for (const r of pv.refusals) console.log(`  拒收：${r.sentence}`)
  for (const c of pv.conflicts.slice(0, 50)) {
    console.log(`  冲突 ${c.entityLabel}“${c.label}”：${c.changes.map((f) => `${f.field} 本方=${JSON.stringify(f.ours)} 对方=${JSON.stringify(f.theirs)}`).join('；')}`)
  }
}

export async function importPackageCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定交换包文件（.sjbx）')
  if (has(p, 'theirs') && has(p, 'ours')) throw new CliError('--theirs 与 --ours 只能选一个')
  const json = has(p, 'json')
  try {
    return await withWorkbench(need(p, 'db'), (wb) => {
      const ctx = wb.ctx()
      if (has(p, 'preview')) {
        const pv = previewPackage(ctx, resolve(file))
        if (json) console.log(JSON.stringify({ applied: false, ...pv }))
        else printPreview(pv)
        return 0
      }
      const rule = has(p, 'theirs') ? 'theirs' : has(p, 'ours') ? 'ours' : undefined
      const r = applyPackage(ctx, resolve(file), { default: rule })
      if (json) console.log(JSON.stringify(r))
      else {
        printPreview(r)
        console.log(r.applied ? `已导入。处理冲突 ${r.decisions.length} 处。` : '未作改动。')
      }
      return 0
    })
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    const code = UNREADABLE.has(e.code) ? 2 : 1
    if (json) console.log(JSON.stringify({ applied: false, refused: true, code: e.code, message: e.message }))
    console.error(`错误：${e.message}`)
    return code
  }
}

/**
 * `exchange import` as issue 8 names it: `--dry-run` previews, a refusal of any
 * kind exits 2, and `--json` prints the counts (new/updated/unchanged/conflicts).
 */
export async function exchangeImportCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定交换包文件（.sjbx）')
  if (has(p, 'theirs') && has(p, 'ours')) throw new CliError('--theirs 与 --ours 只能选一个')
  const json = has(p, 'json')
  const counts = (r: Preview & { applied?: boolean }) => ({
    applied: r.applied ?? false,
    alreadyImported: r.alreadyImported,
    new: r.totals.new,
    updated: r.totals.updated,
    unchanged: r.totals.unchanged,
    conflicts: r.totals.conflicts,
    keptLocal: r.totals.keptLocal,
    refused: r.totals.refused,
    refusals: r.refusals,
    peerLogWarning: r.peerLogWarning,
    entities: Object.fromEntries(r.entities.map(({ entity, label: _l, ...c }) => [entity, c]))
  })
  try {
    return await withWorkbench(need(p, 'db'), (wb) => {
      const ctx = wb.ctx()
      const r = has(p, 'dry-run')
        ? previewPackage(ctx, resolve(file))
        : applyPackage(ctx, resolve(file), { default: has(p, 'theirs') ? 'theirs' : has(p, 'ours') ? 'ours' : undefined })
      if (json) console.log(JSON.stringify(counts(r)))
      else {
        printPreview(r)
        if (!has(p, 'dry-run')) console.log('applied' in r && r.applied ? '已导入。' : '未作改动。')
      }
      return 0
    })
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    if (json) console.log(JSON.stringify({ applied: false, refused: true, code: e.code, message: e.message }))
    console.error(`错误：${e.message}`)
    return 2
  }
}

export async function backupCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const out = flag(p, 'out')
  const r = await withWorkbench(need(p, 'db'), (wb) => createBackup(wb.ctx(), out ? resolve(out) : undefined))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else console.log(`已备份到 ${r.file}（${r.bytes} 字节）`)
  return 0
}

function describeBackup(b: BackupPreview): string {
  const counts = Object.entries(b.counts).map(([t, n]) => `${t} ${n}`).join('，')
  return `备份 ${b.file}：程序版本 ${b.appVersion}，${counts}，最后操作 ${b.lastAuditAt ?? '无'}${b.lastAuditAction ? `（${b.lastAuditAction}）` : ''}`
}

export async function restoreCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定备份文件')
  const r = await restoreBackup(resolve(file), resolve(need(p, 'db')))
  if (has(p, 'json')) console.log(JSON.stringify(r))
  else console.log(`${describeBackup(r.restored)}\n已恢复到 ${resolve(need(p, 'db'))}${r.safetyCopy ? `；恢复前的文件另存为 ${r.safetyCopy}` : ''}`)
  return 0
}

export async function backupShowCmd(argv: string[]): Promise<number> {
  const p = parseArgs(argv, SWITCHES)
  const file = p.positional[0]
  if (!file) throw new CliError('请指定备份文件')
  const b = previewBackup(resolve(file))
  if (has(p, 'json')) console.log(JSON.stringify(b))
  else console.log(describeBackup(b))
  return 0
}

export const exchangeCommands: Command[] = [
  { name: 'identity init', usage: 'identity init --db DB --name 名称 [--dept 单位代码] [--json]', summary: '生成本单位交换身份与密钥（不加 --dept 为办公室）', run: identityInit },
  { name: 'identity show', usage: 'identity show --db DB [--json]', summary: '显示本单位身份、指纹和已登记的交换单位', run: identityShow },
  { name: 'identity export-key', usage: 'identity export-key --db DB --out FILE.sjkey', summary: '导出本单位密钥文件，交给对方登记', run: identityExportKey },
  { name: 'peer add', usage: 'peer add FILE.sjkey --db DB [--confirm 指纹]', summary: '登记对方单位的密钥；核对指纹后确认', run: peerAdd },
  { name: 'export-package', usage: 'export-package --db DB --to 单位代码|any [--full] [--with-registry] --out FILE.sjbx [--json]', summary: '导出交换包（默认只含上次发给该单位后的变动；办公室发给成员单位时加 --with-registry 附带全县名录库）', run: exportPackageCmd },
  {
    name: 'import-package',
    usage: 'import-package FILE.sjbx --db DB [--preview] [--theirs|--ours] [--json]',
    summary: '校验并导入交换包；退出码 0 已导入或预览成功，1 被拒绝，2 无法读取',
    run: importPackageCmd
  },
  { name: 'backup', usage: 'backup --db DB [--out FILE]', summary: '在线备份整个数据库', run: backupCmd },
  { name: 'backup show', usage: 'backup show FILE [--json]', summary: '查看备份中的内容（各类记录数、最后操作时间、程序版本）', run: backupShowCmd },
  { name: 'restore', usage: 'restore BACKUP --db DB', summary: '用备份替换数据库（先另存当前文件）', run: restoreCmd },
  // The names issue 8 gives; same services as above.
  { name: 'agency init', usage: 'agency init --db DB --name 名称 [--dept 单位代码] [--json]', summary: '同 identity init', run: identityInit },
  { name: 'agency show', usage: 'agency show --db DB [--json]', summary: '同 identity show', run: identityShow },
  { name: 'agency export-key', usage: 'agency export-key --db DB --out FILE.sjkey', summary: '同 identity export-key', run: identityExportKey },
  { name: 'agency trust', usage: 'agency trust KEYFILE --db DB [--confirm 指纹]', summary: '同 peer add', run: peerAdd },
  {
    name: 'exchange export',
    usage: 'exchange export --db DB --to 单位代码|any [--since-last|--full] [--with-registry] --out FILE.sjbx [--json]',
    summary: '同 export-package（--since-last 为默认）',
    run: exportPackageCmd
  },
  {
    name: 'exchange import',
    usage: 'exchange import FILE.sjbx --db DB [--dry-run] [--theirs|--ours] [--json]',
    summary: '校验并导入交换包；退出码 0 已导入或无需改动，2 被拒绝；--json 输出新增/更新/未变/冲突数',
    run: exchangeImportCmd
  }
]
