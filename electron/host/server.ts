import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../services/api/dispatch'
import { handlers } from '../services/api/handlers'
import type { Workbench } from '../services/workbench'
import { CSP } from './csp'
import { exportDir } from '../services/files/locations'
import { zipFolder } from '../services/files/zipFolder'
import { UPLOAD_LIMIT, UploadTooLarge, receiveUpload, tooLargeUploadMessage } from './upload'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon'
}

export interface Host {
  url: string
  /** The URL to open: carries the per-launch token the page needs for every call. */
  launchUrl: string
  port: number
  token: string
  close(): Promise<void>
}

export interface HostOptions {
  wb: Workbench
  rendererDir: string
  port?: number
  token?: string
  /** Largest file `/upload` takes; UPLOAD_LIMIT unless a test wants a small one. */
  maxUploadBytes?: number
}

/** Ordinary calls are small JSON; files come in through `/upload`, streamed to disk. */
const MAX_BODY = 5 * 1024 * 1024

class TooLarge extends Error {}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The body, refused as soon as it passes `max` (a stated Content-Length above
 * it is refused before reading). Read by events, not `for await`: leaving that
 * loop early would destroy the socket the 413 has to go out on.
 */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.reject(new TooLarge())
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= max) return void chunks.push(chunk)
      req.off('data', onData)
      chunks.length = 0
      req.resume() // the rest is read and thrown away
      reject(new TooLarge())
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const tooLarge = (message: string) => JSON.stringify({ ok: false, error: { code: 'too-large', message } })
const BODY_TOO_LARGE = '请求内容过大，超过 5 MB 的上限。请减少一次提交的内容后重试。'

/**
 * Serves the built renderer and the API contract on 127.0.0.1 only.
 * Every API call must carry the per-launch token; Host and Origin must name
 * this very server, so another site in the same browser cannot call it.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const root = normalize(opts.rendererDir)
  let port = 0
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`]
  const maxUpload = opts.maxUploadBytes ?? UPLOAD_LIMIT

  /** Calls from the page (API and uploads): same origin, POST, the launch token. A refusal is sent and true returned. */
  const refused = (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      send(res, 403, JSON.stringify({ ok: false, error: { code: 'origin', message: '拒绝访问：来源不符。' } }))
      return true
    }
    if (req.method !== 'POST') {
      send(res, 405, JSON.stringify({ ok: false, error: { code: 'method', message: '只接受 POST 调用。' } }))
      return true
    }
    if (!sameToken(req.headers['x-suiji-token'] as string | undefined, token)) {
      send(res, 401, JSON.stringify({ ok: false, error: { code: 'token', message: '访问口令无效：请使用启动时显示的完整地址重新打开本页面。' } }))
      return true
    }
    return false
  }

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, JSON.stringify({ ok: false, error: { code: 'host', message: '拒绝访问：主机名不符。' } }))
      let url: URL
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
        decodeURIComponent(url.pathname)
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'url', message: '请求地址格式错误。请使用启动时显示的完整地址重新打开本页面。' } }))
      }
      if (url.pathname === '/upload') {
        // A file the user chose in the page: the raw bytes, written to the upload folder as they arrive.
        if (refused(req, res)) return
        const name = url.searchParams.get('name')?.trim()
        if (!name) return send(res, 400, JSON.stringify({ ok: false, error: { code: 'name', message: '上传时缺少文件名。请重新选择文件。' } }))
        try {
          const path = await receiveUpload(req, opts.wb.file, name, maxUpload)
          return send(res, 200, JSON.stringify({ ok: true, data: { path } }))
        } catch (e) {
          if (!(e instanceof UploadTooLarge)) {
            if (!req.complete) return res.destroy() // the page went away mid-upload: nobody to answer
            throw e
          }
          res.setHeader('Connection', 'close')
          return send(res, 413, tooLarge(tooLargeUploadMessage(maxUpload)))
        }
      }
      if (url.pathname.startsWith('/api/')) {
        if (refused(req, res)) return
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
        let text: string
        try {
          text = await readBody(req, MAX_BODY)
        } catch (e) {
          if (!(e instanceof TooLarge)) throw e
          res.setHeader('Connection', 'close')
          // The rest of the body is drained by the server, not stored.
          return send(res, 413, tooLarge(BODY_TOO_LARGE))
        }
        let input: unknown
        try {
          input = text ? JSON.parse(text) : undefined
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'json', message: '请求格式错误。' } }))
        }
        return send(res, 200, JSON.stringify(await dispatch(handlers, opts.wb, channel, input)))
      }
      if (url.pathname === '/download') {
        // Files the program wrote into the export folder, handed to the browser as a download.
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, '访问口令无效', 'text/plain; charset=utf-8')
        const dir = normalize(exportDir(opts.wb.file))
        const file = normalize(url.searchParams.get('path') ?? '')
        if (!file.startsWith(dir + sep)) return send(res, 404, 'not found', 'text/plain')
        try {
          const body = await readFile(file)
          res.writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.slice(dir.length + 1))}`,
            'Cache-Control': 'no-store'
          })
          return res.end(body)
        } catch {
          return send(res, 404, 'not found', 'text/plain')
        }
      }
      if (url.pathname === '/download-folder') {
        // A folder of generated files (每户一个文件) inside the export folder, as one .zip.
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, '访问口令无效', 'text/plain; charset=utf-8')
        const dir = normalize(exportDir(opts.wb.file))
        const folder = normalize(url.searchParams.get('path') ?? '')
        if (!folder.startsWith(dir + sep)) return send(res, 404, 'not found', 'text/plain')
        try {
          if (!(await stat(folder)).isDirectory()) return send(res, 404, 'not found', 'text/plain')
          const body = zipFolder(folder)
          res.writeHead(200, {
            'Content-Type': 'application/zip',
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(folder) + '.zip')}`,
            'Cache-Control': 'no-store'
          })
          return res.end(body)
        } catch {
          return send(res, 404, 'not found', 'text/plain')
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain')
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
      const file = normalize(join(root, rel))
      if (!file.startsWith(root + sep)) return send(res, 404, 'not found', 'text/plain')
      try {
        send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream')
      } catch {
        send(res, 404, 'not found', 'text/plain')
      }
    } catch (e) {
      send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: `程序内部错误：${(e as Error).message}` } }))
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
