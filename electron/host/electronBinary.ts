import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron executable if the npm package downloaded it, else why not.
 * (The electron package fetches its binary separately; on a machine without
 * that download the program still runs in the browser host.)
 */
export function findElectron(): { path: string } | { missing: string } {
  let pkgDir: string
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { missing: '未安装 electron 软件包（请运行 npm install）' }
  }
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return { missing: '未找到 Electron 程序文件（安装时未能下载；大陆网络可设置环境变量 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ 后重新运行 npm install）' }
  }
  const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  if (!existsSync(exe)) return { missing: `Electron 程序文件不存在：${exe}` }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: '当前没有图形桌面（未设置 DISPLAY），无法打开窗口' }
  }
  return { path: exe }
}
