/** RFC 4180 CSV with a BOM, so Excel/WPS open the Chinese text without asking for an encoding. */

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading = + - @ would be read as a formula by Excel; codes and hashes must stay text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csv(header: string[], rows: unknown[][]): Uint8Array {
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')
  return new TextEncoder().encode(`\uFEFF${text}\r\n`)
}
