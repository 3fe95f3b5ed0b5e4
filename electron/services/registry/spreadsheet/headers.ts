import { normalizeHeader, cellText, type RawCell } from './normalize'

/** One column a registry understands, with the captions offices use for it. */
export interface FieldSpec {
  key: string
  /** The caption we write in exports (first one is also the official 附件 caption). */
  label: string
  aliases: string[]
}

export interface HeaderMatch {
  /** Sheet row numbers holding the header (one, or two for 附件3's 抽查项目 / 抽查类别 + 检查事项). */
  headerRows: number[]
  /** Caption as written, per column (index 0 = column A); sub-captions win over their group caption. */
  captions: string[]
  /** field key → 1-based column. */
  columns: Record<string, number>
}

export function aliasIndex(fields: FieldSpec[]): Map<string, string> {
  const m = new Map<string, string>()
  for (const f of fields) for (const a of [f.label, ...f.aliases]) if (!m.has(normalizeHeader(a))) m.set(normalizeHeader(a), f.key)
  return m
}

function matchRow(cells: RawCell[], index: Map<string, string>): Map<number, string> {
  const found = new Map<number, string>()
  const used = new Set<string>()
  cells.forEach((c, i) => {
    const key = index.get(normalizeHeader(cellText(c)))
    if (key && !used.has(key)) {
      used.add(key)
      found.set(i, key)
    }
  })
  return found
}

/**
 * Finds the header among the first rows of a sheet: the row matching the most
 * known captions, completed by the row below (or above) where a merged group
 * caption such as 抽查项目 spans its sub-captions. Returns null when fewer than
 * `minMatches` captions are recognised or a required field is missing.
 */
export function findHeader(
  rows: { row: number; cells: RawCell[] }[],
  fields: FieldSpec[],
  required: string[][],
  minMatches = 2
): HeaderMatch | null {
  const index = aliasIndex(fields)
  let best = -1
  let bestScore = 0
  const matches = rows.map((r) => matchRow(r.cells, index))
  matches.forEach((m, i) => {
    if (m.size > bestScore) {
      bestScore = m.size
      best = i
    }
  })
  if (best < 0 || bestScore < minMatches) return null
  const main = matches[best]!
  const keys = new Set(main.values())
  const colOf = new Map<string, number>()
  for (const [c, k] of main) colOf.set(k, c)
  const captions = rows[best]!.cells.map((c) => cellText(c))
  const headerRows = [rows[best]!.row]

  for (const j of [best + 1, best - 1]) {
    const nb = rows[j]
    if (!nb || Math.abs(nb.row - rows[best]!.row) !== 1) continue
    let added = 0
    for (const [c, k] of matches[j]!) {
      // Only under (or over) a cell that is empty or a group caption, never over a recognised one.
      if (main.has(c) || keys.has(k)) continue
      keys.add(k)
      colOf.set(k, c)
      captions[c] = cellText(nb.cells[c] ?? null)
      added++
    }
    if (added > 0) {
      headerRows.push(nb.row)
      // Fill captions of columns merged vertically over both rows.
      nb.cells.forEach((cell, c) => {
        if (!captions[c] && cellText(cell)) captions[c] = cellText(cell)
      })
    }
  }
  for (const group of required) if (!group.some((k) => keys.has(k))) return null
  headerRows.sort((a, b) => a - b)
  const columns: Record<string, number> = {}
  for (const [k, c] of colOf) columns[k] = c + 1
  return { headerRows, captions, columns }
}

const NOTE = /^(注|备注|说明|填表说明|制表人|填表人|审核人|审核|制表单位|制表日期|制表时间|填报单位|填报人|填报日期|联系人|联系电话|负责人|单位负责人)\s*\d*\s*[:：、.]/

export function isNoteText(s: string): boolean {
  return NOTE.test(s) || /^(注|填表说明)$/.test(s)
}
