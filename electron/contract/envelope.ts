/** What crosses the wire and how a page reads it back; free of zod, so the renderer loads it without the schemas. */

/** Electron would mangle a thrown error, so results are wrapped. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { message: string; code: string } }

/** Turns an envelope back into a value or a thrown error carrying the Chinese message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.data
  throw new ApiError(env.error.message, env.error.code)
}
