/**
 * An error whose message is a plain Chinese sentence meant for the user:
 * what is wrong and what to do. Anything else reaching the API boundary is
 * reported as an internal error.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'invalid'
  ) {
    super(message)
    this.name = 'UserError'
  }
}
