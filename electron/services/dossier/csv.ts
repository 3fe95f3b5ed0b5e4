/** RFC 4180 CSV with a BOM, so Excel/WPS open the Chinese text without asking for an encoding. */
import { csvField as cell } from '../spreadsheet/csvSafe'

export function csv(header: string[], rows: unknown[][]): Uint8Array {
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')
  return new TextEncoder().encode(`\uFEFF${text}\r\n`)
}
