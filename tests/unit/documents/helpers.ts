/** Opens a generated .docx (a zip) and returns its parts as text. */
import { unzipSync, strFromU8 } from 'fflate'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function parts(buf: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buf))
  const out: Record<string, string> = {}
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) out[name] = strFromU8(data)
  return out
}

export function footers(p: Record<string, string>): string[] {
  return Object.keys(p)
    .filter((k) => /^word\/footer\d+\.xml$/.test(k))
    .map((k) => p[k])
}

/** Visible text of a part (w:t contents joined). */
export function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))

/** Converts with LibreOffice and returns pdfinfo's page count and page size in points. */
export function pdfInfo(docx: string, outDir: string): { pages: number; width: number; height: number; pdf: string } {
  // A profile of its own per conversion: test files run in parallel, and two LibreOffice
  // processes sharing the default profile make one of them fail without output.
  const profile = `-env:UserInstallation=file://${join(outDir, '.lo-profile')}`
  execFileSync(SOFFICE!, [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore', timeout: 120_000 })
  const pdf = join(outDir, docx.split('/').pop()!.replace(/\.docx$/, '.pdf'))
  const info = execFileSync('pdfinfo', [pdf]).toString()
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
  const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!
  return { pages, width: Number(m[1]), height: Number(m[2]), pdf }
}
