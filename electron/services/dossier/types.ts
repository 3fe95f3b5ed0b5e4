/** What each part of the dossier contributes: files, and the things it could not contain yet (“尚无”). */

export interface DossierFile {
  /** path inside the zip, e.g. `02-抽取/抽取证据-2026-001-D1.json` */
  path: string
  /** what the file is, in the words of 目录.txt */
  what: string
  data: Uint8Array
}

export interface DossierGap {
  /** the folder it would be in, e.g. `03-文书` */
  section: string
  what: string
  /** why it is not there, e.g. 尚无：任务还没有录入检查结果 */
  why: string
}

export interface DossierPart {
  files: DossierFile[]
  gaps: DossierGap[]
}

export const emptyPart = (): DossierPart => ({ files: [], gaps: [] })

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

/** Text files carry a BOM and CRLF so that Notepad on an office PC shows them right. */
export const textFile = (lines: string[]): Uint8Array => utf8(`\uFEFF${lines.join('\r\n')}\r\n`)
