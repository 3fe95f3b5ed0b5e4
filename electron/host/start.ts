/**
 * `npm start`: opens the desktop window when Electron can run here, otherwise
 * serves the same program to a browser on 127.0.0.1 and says why.
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectron } from './electronBinary'
import { startHost } from './server'
import { Workbench } from '../services/workbench'
import { runDailyBackup } from '../services/backup'
import { defaultDbFile } from '../services/paths'
import { UserError } from '../services/errors'
import { acquireLock } from './instanceLock'
import { describeHolder, lockHolder } from '../services/db/holder'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const forceBrowser = args.includes('--browser') || process.env.SUIJI_BROWSER === '1'
const dbArg = args.indexOf('--db')
const dbFile = dbArg >= 0 ? resolve(args[dbArg + 1]!) : defaultDbFile()

const electron = forceBrowser ? { missing: '已指定以浏览器方式运行' } : findElectron()
if ('path' in electron) {
  const child = spawn(electron.path, [root, ...(dbArg >= 0 ? ['--db', dbFile] : [])], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  mkdirSync(dirname(dbFile), { recursive: true })
  const probe = acquireLock(dbFile, '')
  if (!probe.acquired) {
    const who = lockHolder(dbFile)
    // A desktop window or a command-line command has no address to send the user to.
    if (!probe.url) console.log(`该数据库正由${who ? describeHolder(who) : `另一个程序（进程 ${probe.pid}）`}使用，同一个数据库不能同时打开两次。请等它完成或关闭后再启动。`)
    else console.log(`本程序已在运行（进程 ${probe.pid}），同一个数据库不能同时打开两次。请在浏览器中打开：\n\n    ${probe.url}\n`)
    process.exit(0)
  }
  probe.release()
  let wb: Workbench
  try {
    wb = new Workbench(dbFile, { migrationsDir: join(root, 'electron/services/db/migrations') })
  } catch (e) {
    console.error(e instanceof UserError ? e.message : e)
    process.exit(2)
  }
  const host = await startHost({ wb, rendererDir: join(root, 'out/renderer'), port: Number(process.env.SUIJI_PORT ?? 0) })
  // 每日自动备份：the first start of each day keeps a copy for 30 days.
  void runDailyBackup(wb.ctx()).catch((e) => console.error('自动备份失败：', e))
  const lock = acquireLock(dbFile, host.launchUrl)
  if (!lock.acquired) {
    console.log(`本程序已在运行，请在浏览器中打开：\n\n    ${lock.url}\n`)
    await host.close()
    wb.close()
    process.exit(0)
  }
  process.on('exit', () => lock.release())
  console.log(`桌面窗口无法启动：${electron.missing}。`)
  console.log('已改用浏览器方式运行本程序（只在本机可访问）。请在浏览器中打开：')
  console.log(`\n    ${host.launchUrl}\n`)
  console.log(`数据库文件：${dbFile}`)
  console.log('按 Ctrl+C 退出。')
  const stop = async () => {
    await host.close()
    wb.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
