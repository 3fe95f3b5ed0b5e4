/**
 * Length limits of imported text, taken from the very zod schemas the edit
 * forms are checked with (one definition): an import never stores what the
 * form would refuse. Over-long required text rejects the row; over-long
 * optional text is cut at the limit with a warning whose raw value — the full
 * text — goes to the 导入警告 sheet of the rejects workbook.
 */
import { inspectorCreateSchema, itemCreateSchema, objectCreateSchema } from '@contract'
import type { RowAccess } from './engine'

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike; checks?: { _zod: { def: { check: string; maximum?: number } } }[] } }
}

function inner(s: ZodLike): ZodLike {
  let t = s
  while (t._zod.def.innerType && ['optional', 'nonoptional', 'nullable', 'default'].includes(t._zod.def.type)) t = t._zod.def.innerType
  return t
}

function maxOf(s: ZodLike): number | null {
  for (const c of s._zod.def.checks ?? []) if (c._zod.def.check === 'max_length' && c._zod.def.maximum !== undefined) return c._zod.def.maximum
  return null
}

export interface TextLimit {
  /** Longest text (UTF-16 units, as the form counts). */
  max: number
  /** For list fields (标签, 业务专长): the longest list. */
  items?: number
}

function limitsOf(schema: unknown): Record<string, TextLimit> {
  const shape = (schema as { shape: Record<string, ZodLike> }).shape
  const out: Record<string, TextLimit> = {}
  for (const [k, v] of Object.entries(shape)) {
    const t = inner(v)
    if (t._zod.def.type === 'string') {
      const m = maxOf(t)
      if (m !== null) out[k] = { max: m }
    } else if (t._zod.def.type === 'array' && t._zod.def.element) {
      const m = maxOf(inner(t._zod.def.element))
      if (m !== null) out[k] = { max: m, items: maxOf(t) ?? undefined }
    }
  }
  return out
}

export const OBJECT_LIMITS = limitsOf(objectCreateSchema)
export const INSPECTOR_LIMITS = limitsOf(inspectorCreateSchema)
export const ITEM_LIMITS = limitsOf(itemCreateSchema)

/** Cuts at the limit without splitting a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s
  const c = s.charCodeAt(max - 1)
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max)
}

/** Reason for a row whose required text is too long, or null. */
export function tooLongRequired(label: string, text: string, limit: TextLimit | undefined): string | null {
  return limit && text.length > limit.max ? `${label}超过 ${limit.max} 字（共 ${text.length} 字），本行未导入，请缩短后重新导入` : null
}

/** Optional text: cut to the limit with a warning that keeps the full text. */
export function fitOptional(a: RowAccess, key: string, label: string, text: string, limit: TextLimit | undefined): string {
  if (!limit || text.length <= limit.max) return text
  a.warn(key, text, `${label}超过 ${limit.max} 字（共 ${text.length} 字），只导入了前 ${limit.max} 字，完整原文见“原值”`)
  return cutText(text, limit.max)
}

/** A list field: each entry and the count within the form's limits; what does not fit is left out with a warning. */
export function fitList(a: RowAccess, key: string, label: string, list: string[], limit: TextLimit | undefined): string[] {
  if (!limit) return list
  const long = list.filter((s) => s.length > limit.max)
  let kept = list.filter((s) => s.length <= limit.max)
  if (long.length) a.warn(key, long.join('、'), `${label}中“${long[0]!.slice(0, 20)}…”超过 ${limit.max} 字，未导入该项`)
  if (limit.items !== undefined && kept.length > limit.items) {
    a.warn(key, kept.slice(limit.items).join('、'), `${label}超过 ${limit.items} 个，只导入了前 ${limit.items} 个，其余见“原值”`)
    kept = kept.slice(0, limit.items)
  }
  return kept
}
