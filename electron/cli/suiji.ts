/**
 * 命令行：`npm run -s suiji -- <command>` over the same services as the app.
 * Exit codes: 0 done, 1 done with a negative answer, 2 could not run.
 */
import { resolve } from 'node:path'
import { busyMessage, describeHolder, lockHolder } from '../services/db/holder'
import { acquireLock } from '../host/instanceLock'
import { UserError } from '../services/errors'
import { CliError } from './args'
import type { Command } from './commands/types'
import { dbInit, auditVerify } from './commands/db'
import { demo } from './commands/demo'
import { importCommand, exportCommand } from './commands/registry'
import { verify } from './commands/verify'
import { drawCommand, drawPublish, drawRedraw, drawReplace } from './commands/draws'
import { planCommands } from './commands/plans'
import { taskCommands } from './commands/tasks'
import { exchangeCommands } from './commands/exchange'
import { docsCommand } from './commands/documents'
import { resultsCommands } from './commands/results'
import { dossierCommand } from './commands/dossier'
import { resultsReviewCommands } from './commands/resultsReview'
import { holidaysImport } from './commands/holidays'

const commands: Command[] = [dbInit, demo, importCommand, exportCommand, ...planCommands, ...taskCommands, drawPublish, drawReplace, drawRedraw, drawCommand, verify, auditVerify, ...exchangeCommands, docsCommand, ...resultsCommands, ...resultsReviewCommands, dossierCommand, holidaysImport]

function help(): string {
  return [
    '双随机联合抽查工作台 命令行',
    '',
    '用法：npm run -s suiji -- <命令> [参数]',
    '',
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    '加 --json 时输出一行 JSON，便于脚本处理。退出码：0 完成，1 完成但结果为否（如校验不一致），2 无法执行。'
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(help())
    return 0
  }
  // Longest match first, so "db init" wins over a hypothetical "db".
  const cmd = [...commands].sort((a, b) => b.name.length - a.name.length).find((c) => argv.join(' ').startsWith(c.name + ' ') || argv.join(' ') === c.name)
  if (!cmd) {
    console.error(`未知命令：${argv.join(' ')}\n\n${help()}`)
    return 2
  }
  const rest = argv.slice(cmd.name.split(' ').length)
  if (rest.includes('--help')) {
    console.log(`用法：npm run -s suiji -- ${cmd.usage}\n${cmd.summary}`)
    return 0
  }
  // The same rule as a second window: a database another program has open is left to it.
  const db = rest.indexOf('--db')
  const file = db >= 0 && rest[db + 1] ? resolve(rest[db + 1]!) : null
  const holder = file ? lockHolder(file) : null
  if (holder) {
    console.error(`错误：该数据库正由${describeHolder(holder)}打开使用。为免两个程序同时修改同一个数据库，命令行不能操作它。请先关闭该程序再运行本命令，或在该程序中完成操作。`)
    return 2
  }
  // And while it runs, the command holds that lock itself: a window, the browser host or another command see who has the database.
  const lock = file ? cliLock(file) : null
  if (lock && !lock.acquired) {
    const other = lockHolder(file!)
    console.error(`错误：该数据库正由${other ? describeHolder(other) : `另一个程序（进程 ${lock.pid}）`}打开使用。请等它完成后再运行本命令。`)
    return 2
  }
  try {
    return await cmd.run(rest)
  } catch (e) {
    // Still locked after the busy timeout: say who holds it instead of “database is locked”.
    const code = (e as { code?: string }).code
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new UserError(`${busyMessage(file)}`, 'busy')
    throw e
  } finally {
    if (lock?.acquired) lock.release()
  }
}

/** The lock file beside the database; none when its folder does not exist yet (`db init` makes it). */
function cliLock(file: string): ReturnType<typeof acquireLock> | null {
  try {
    return acquireLock(file, '', '命令行工具（suiji）')
  } catch {
    return null
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UserError || e instanceof CliError) console.error(`错误：${e.message}`)
    else console.error('程序内部错误：', e)
    process.exit(2)
  }
)
