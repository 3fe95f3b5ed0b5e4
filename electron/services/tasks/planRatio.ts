import type { DrawRuleSpec } from '@contract'

const CLASSES = ['A', 'B', 'C', 'D'] as const

/** Full-width digits, letters and signs as typed in Chinese spreadsheets, turned half-width. */
function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '')
}

/** A percentage or per-mille figure in ‰, the unit of the draw rule (5 % = 50). */
function permille(num: string, unit: string): number {
  const v = Number(num) * (unit === '%' ? 10 : 1)
  return Math.min(1000, Math.round(v))
}

/**
 * The plan's 抽查比例 (free text agreed between departments) as a per-class
 * rule: “5%” for every class, or “A类1%、B类3%、D类10%” class by class (a class
 * the text leaves out draws none). Null when the text names no ratio the
 * program can read (“抽取20户”, “按比例”): the user then fills the classes in.
 */
export function ruleFromRatioText(text: string): DrawRuleSpec | null {
  const t = halfWidth(text).toUpperCase()
  const rule: DrawRuleSpec = { A: { mode: 'ratio', value: 0 }, B: { mode: 'ratio', value: 0 }, C: { mode: 'ratio', value: 0 }, D: { mode: 'ratio', value: 0 } }
  const perClass = [...t.matchAll(/([ABCD](?:[、,，和及]?[ABCD])*)类?[^\d%‰ABCD]{0,8}?(\d+(?:\.\d+)?)(%|‰)/g)]
  if (perClass.length) {
    for (const m of perClass) for (const c of CLASSES) if (m[1]!.includes(c)) rule[c] = { mode: 'ratio', value: permille(m[2]!, m[3]!) }
    return rule
  }
  const all = /(\d+(?:\.\d+)?)(%|‰)/.exec(t)
  if (!all) return null
  for (const c of CLASSES) rule[c] = { mode: 'ratio', value: permille(all[1]!, all[2]!) }
  return rule
}
