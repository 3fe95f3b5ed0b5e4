import { OBJECT_KINDS, OBJECT_KIND_LABELS, type ObjectScope } from '@contract'
import { normalizeScope } from '../tasks/scope'

/**
 * 抽查对象范围 as one spreadsheet cell: “键：值、值” segments joined by “；”.
 * The same text reads back into the same scope, so a sheet round-trips.
 */
const KEYS = {
  kinds: '对象类别',
  townships: '乡镇',
  industries: '行业',
  tags: '标签',
  ownerDeptIds: '名录库',
  regStatus: '登记状态',
  include: '指定对象',
  exclude: '排除对象',
  note: '说明'
} as const
const ONLY = '仅限指定对象'
const ALL = '全部检查对象'

export function describeScope(scopeIn: ObjectScope, deptName: (id: number) => string): string {
  const s = normalizeScope(scopeIn)
  const seg: string[] = []
  if (s.kinds.length) seg.push(`${KEYS.kinds}：${s.kinds.map((k) => OBJECT_KIND_LABELS[k]).join('、')}`)
  if (s.townships.length) seg.push(`${KEYS.townships}：${s.townships.join('、')}`)
  if (s.industries.length) seg.push(`${KEYS.industries}：${s.industries.join('、')}`)
  if (s.tags.length) seg.push(`${KEYS.tags}：${s.tags.join('、')}`)
  if (s.ownerDeptIds.length) seg.push(`${KEYS.ownerDeptIds}：${s.ownerDeptIds.map(deptName).join('、')}`)
  if (s.regStatus.join() !== '存续') seg.push(`${KEYS.regStatus}：${s.regStatus.join('、')}`)
  if (s.include.length) seg.push(`${KEYS.include}：${s.include.join('、')}`)
  if (s.exclude.length) seg.push(`${KEYS.exclude}：${s.exclude.join('、')}`)
  if (s.codesOnly) seg.push(ONLY)
  if (s.note) seg.push(`${KEYS.note}：${s.note.replace(/[；;]/g, '，')}`)
  return seg.length ? seg.join('；') : ALL
}

export interface ParsedScope {
  scope: ObjectScope
  /** text that was not a recognised filter, kept as the scope's note */
  unrecognised: string[]
  /** department names in 名录库 that are not member departments */
  unknownDepts: string[]
}

export function parseScope(text: string, resolveDept: (name: string) => { id: number } | null): ParsedScope {
  const raw: Record<string, unknown> = { kinds: [], townships: [], industries: [], tags: [], ownerDeptIds: [], include: [], exclude: [] }
  const unrecognised: string[] = []
  const unknownDepts: string[] = []
  const notes: string[] = []
  const list = (v: string) => v.split(/[、，,\s]+/).map((x) => x.trim()).filter(Boolean)
  for (const segRaw of text.split(/[；;\n]+/)) {
    const seg = segRaw.trim()
    if (!seg || seg === ALL) continue
    if (seg === ONLY) {
      raw.codesOnly = true
      continue
    }
    const m = /^([^：:]+)[：:](.*)$/s.exec(seg)
    const key = m?.[1]?.trim()
    const val = m?.[2]?.trim() ?? ''
    const field = (Object.keys(KEYS) as (keyof typeof KEYS)[]).find((k) => KEYS[k] === key)
    if (!field) {
      unrecognised.push(seg)
      continue
    }
    if (field === 'note') notes.push(val)
    else if (field === 'kinds') {
      const kinds: string[] = []
      for (const label of list(val)) {
        const k = OBJECT_KINDS.find((x) => OBJECT_KIND_LABELS[x] === label || (x === 'institution' && /机关|事业/.test(label)))
        if (k) kinds.push(k)
        else unrecognised.push(`${KEYS.kinds}：${label}`)
      }
      raw.kinds = kinds
    } else if (field === 'ownerDeptIds') {
      raw.ownerDeptIds = list(val).flatMap((n) => {
        const d = resolveDept(n)
        if (!d) unknownDepts.push(n)
        return d ? [d.id] : []
      })
    } else raw[field] = list(val)
  }
  raw.note = [...notes, ...unrecognised].join('，')
  return { scope: normalizeScope(raw as never), unrecognised, unknownDepts }
}
