/**
 * What every domain file of the contract shares: the channel declarator, the
 * small input shapes used across domains, and the envelope that crosses the wire.
 */
import { z } from 'zod'

/** Declares a channel: its input schema now, its result type as a type parameter. */
export function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input }) as { input: I; __result?: O }
}
export const none = z.object({}).strict().optional()

export const text = z.string().trim()
export const nonEmpty = (msg: string) => z.string().trim().min(1, msg)
export const ymd = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD，例如 2026-04-01')

/**
 * For `update` channels: a partial patch must not have its absent fields
 * filled by their defaults (that would silently reset them).
 */
export function withoutDefaults<T extends Record<string, z.ZodType>>(fields: T): { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as never
}

export const id = z.number().int().positive()
export const year = z.number().int().min(2000).max(2100)

/** A path the user picked; the message says what to pick. */
export const file = (what: string) => z.string().trim().min(1, `请选择${what}`)

export { ApiError, unwrap, type Envelope } from './envelope'
