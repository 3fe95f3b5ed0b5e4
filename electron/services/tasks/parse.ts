import { z } from 'zod'
import { UserError } from '../errors'
import { describeInputError } from '../inputErrors'

/**
 * Services are also called from the CLI and tests, not only through the
 * validating dispatcher: a schema failure must still reach the user as a
 * Chinese sentence naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  throw new UserError(describeInputError(r.error), 'invalid-input')
}
