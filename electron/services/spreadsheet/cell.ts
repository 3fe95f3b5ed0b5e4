/** A cell value as the readers hand it over: never a rich-text or formula object. */
export type RawCell = string | number | boolean | Date | null

/** Excel's serial day (1900 or 1904 system) as the Date at UTC midnight, as the registry's date readers expect. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000))
}

/** Column letters of a cell reference (`AB12` → 28); 0 when there are none. */
export function columnOfRef(ref: string): number {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64)
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96)
    else break
  }
  return n
}

/** Row number of a cell reference (`AB12` → 12); 0 when there is none. */
export function rowOfRef(ref: string): number {
  let i = 0
  while (i < ref.length && ref.charCodeAt(i) > 57) i++
  const n = Number(ref.slice(i).replace(/\$/g, ''))
  return Number.isInteger(n) ? n : 0
}
