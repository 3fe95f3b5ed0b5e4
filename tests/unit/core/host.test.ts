import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { networkInterfaces } from 'node:os'
import { request } from 'node:http'
import { Workbench } from '../../../electron/services/workbench'
import { startHost } from '../../../electron/host/server'
import { acquireLock } from '../../../electron/host/instanceLock'
import { tempDir } from '../../helpers/tmp'
import { exportDir, uploadDir } from '../../../electron/services/files/locations'

const t = tempDir('suiji-host-')
afterAll(t.cleanup)

describe('browser host', () => {
  it('listens on 127.0.0.1 only, checks Host, and serves no file outside the renderer folder', async () => {
    const wb = new Workbench(join(t.dir, 'h.db'))
    const host = await startHost({ wb, rendererDir: t.dir })
    try {
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)
      if (external) {
        await expect(fetch(`http://${external.address}:${host.port}/`)).rejects.toThrow()
      }
      // fetch() will not forge a Host header; a DNS-rebinding page would arrive with its own name.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: '/api/app.info', method: 'POST', headers: { 'X-Suiji-Token': host.token, Host: 'evil.example' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(403)
      const traversal = await fetch(`${host.url}..%2F..%2Fetc%2Fpasswd`)
      expect(traversal.status).toBe(404)
      const dl = await fetch(`${host.url}download?token=${host.token}&path=${encodeURIComponent('/etc/passwd')}`)
      expect(dl.status).toBe(404)
    } finally {
      await host.close()
      wb.close()
    }
  })

  it('a malformed address gets 400; an oversized body gets 413 with a Chinese sentence; an upload may be larger than an ordinary call', async () => {
    const wb = new Workbench(join(t.dir, 'limits.db'))
    const host = await startHost({ wb, rendererDir: t.dir })
    try {
      const raw = (path: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          })
          req.on('error', reject)
          req.end()
        })
      expect(await raw('/%E0%A4%A')).toBe(400)
      expect(await raw('/api/%ZZ')).toBe(400)
      const call = (channel: string, body: string) =>
        fetch(`${host.url}api/${channel}`, { method: 'POST', headers: { 'X-Suiji-Token': host.token, 'Content-Type': 'application/json' }, body })
      const big = await call('app.info', JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }))
      expect(big.status).toBe(413)
      expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/超过 5 MB/)
      // Files no longer ride inside a JSON call: a big one there is an ordinary oversized call.
      const inJson = await call('files.upload', JSON.stringify({ name: '名录.xlsx', base64: Buffer.alloc(8 * 1024 * 1024, 7).toString('base64') }))
      expect(inJson.status).toBe(413)
      const file = Buffer.alloc(8 * 1024 * 1024, 7)
      const up = await fetch(`${host.url}upload?name=${encodeURIComponent('名录.xlsx')}`, { method: 'POST', headers: { 'X-Suiji-Token': host.token }, body: file })
      expect(up.status).toBe(200)
      const path = ((await up.json()) as { data: { path: string } }).data.path
      expect(path.endsWith('名录.xlsx')).toBe(true)
      expect(readFileSync(path).equals(file)).toBe(true)
    } finally {
      await host.close()
      wb.close()
    }
  })

  it('streams an upload to disk up to the limit; one byte more gets 413 with a Chinese sentence and leaves nothing behind', async () => {
    mkdirSync(join(t.dir, 'own'))
    const wb = new Workbench(join(t.dir, 'own', 'upload.db')) // its own upload folder
    const limit = 64 * 1024
    const host = await startHost({ wb, rendererDir: t.dir, maxUploadBytes: limit })
    const folder = uploadDir(wb.file)
    const leftovers = () => readdirSync(folder)
    /** A raw upload; `chunked` sends no Content-Length, so only counting the bytes can stop it. */
    const upload = (body: Buffer, opts: { chunked?: boolean; token?: string; name?: string; beforeRest?: () => Promise<void> } = {}) =>
      new Promise<{ status: number; body: { ok: boolean; data?: { path: string }; error?: { message: string } } }>((resolve, reject) => {
        const headers: Record<string, string | number> = { Host: `127.0.0.1:${host.port}`, 'X-Suiji-Token': opts.token ?? host.token, 'Content-Type': 'application/octet-stream' }
        if (!opts.chunked) headers['Content-Length'] = body.length
        const req = request({ host: '127.0.0.1', port: host.port, path: `/upload?name=${encodeURIComponent(opts.name ?? '交换包.sjbx')}`, method: 'POST', headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
        })
        req.on('error', reject)
        const half = Math.floor(body.length / 2)
        req.write(body.subarray(0, half))
        void (opts.beforeRest ?? (async () => {}))().then(() => req.end(body.subarray(half)), reject)
      })
    try {
      const exact = Buffer.alloc(limit, 1)
      exact.write('头部', 0)
      // The first half is on disk before the second is sent: the body is written as it arrives, not kept in memory.
      const ok = await upload(exact, {
        chunked: true,
        beforeRest: async () => {
          while (!leftovers().some((n) => n.endsWith('.upload.part') && statSync(join(folder, n)).size > 0)) await new Promise((r) => setTimeout(r, 10))
        }
      })
      expect(ok.status).toBe(200)
      expect(readFileSync(ok.body.data!.path).equals(exact)).toBe(true)
      expect(leftovers()).toHaveLength(1)

      for (const chunked of [false, true]) {
        const over = await upload(Buffer.alloc(limit + 1, 2), { chunked })
        expect(over.status).toBe(413)
        expect(over.body.error!.message).toBe('文件太大（超过 64 KB），无法上传。请拆分后再导入。')
        expect(leftovers()).toHaveLength(1)
      }
      expect((await upload(Buffer.alloc(10), { token: 'wrong' })).status).toBe(401)
      expect((await upload(Buffer.alloc(10), { name: ' ' })).status).toBe(400)
      expect(leftovers()).toHaveLength(1)
    } finally {
      await host.close()
      wb.close()
    }
  })

  it('hands a folder of generated files inside the export folder over as one .zip, and nothing else', async () => {
    const wb = new Workbench(join(t.dir, 'z.db'))
    const host = await startHost({ wb, rendererDir: t.dir })
    try {
      const folder = join(exportDir(wb.file), '2026-001检查通知书')
      mkdirSync(join(folder, '附件'), { recursive: true })
      writeFileSync(join(folder, '001 某某餐馆.docx'), 'docx-bytes-1')
      writeFileSync(join(folder, '002 某某超市.docx'), 'docx-bytes-2')
      writeFileSync(join(folder, '附件', '说明.txt'), '说明')
      const get = (path: string, token = host.token) => fetch(`${host.url}download-folder?token=${token}&path=${encodeURIComponent(path)}`)
      const ok = await get(folder)
      expect(ok.status).toBe(200)
      expect(ok.headers.get('content-disposition')).toContain(encodeURIComponent('2026-001检查通知书.zip'))
      const files = unzipSync(new Uint8Array(await ok.arrayBuffer()))
      expect(Object.keys(files).sort()).toEqual(['001 某某餐馆.docx', '002 某某超市.docx', '附件/说明.txt'])
      expect(strFromU8(files['002 某某超市.docx']!)).toBe('docx-bytes-2')
      // the attacks: no token, a folder outside, a way out with .., the export folder's parent, a file instead of a folder
      expect((await get(folder, 'wrong')).status).toBe(401)
      expect((await get('/etc')).status).toBe(404)
      expect((await get(join(folder, '..', '..'))).status).toBe(404)
      expect((await get(t.dir)).status).toBe(404)
      expect((await get(join(folder, '001 某某餐馆.docx'))).status).toBe(404)
    } finally {
      await host.close()
      wb.close()
    }
  })

  it('the lock file naming the launch URL (with its token) is readable by its owner only', () => {
    const db = join(t.dir, 'mode.db')
    const lock = acquireLock(db, 'http://127.0.0.1:1234/?token=secret')
    expect(lock.acquired).toBe(true)
    if (process.platform !== 'win32') expect(statSync(`${db}.lock`).mode & 0o777).toBe(0o600)
    if (lock.acquired) lock.release()
  })

  it('a second instance on the same database is pointed at the first', () => {
    const db = join(t.dir, 'locked.db')
    const first = acquireLock(db, 'http://127.0.0.1:1234/?token=x')
    expect(first.acquired).toBe(true)
    // A lock held by a live other process (our parent, the test runner) is respected.
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:1234/?token=x' }))
    const second = acquireLock(db, 'http://127.0.0.1:5678/')
    expect(second).toEqual({ acquired: false, url: 'http://127.0.0.1:1234/?token=x', pid: process.ppid })
    // A lock left by a dead process is taken over.
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, url: 'old' }))
    const third = acquireLock(db, 'new')
    expect(third.acquired).toBe(true)
  })
})
