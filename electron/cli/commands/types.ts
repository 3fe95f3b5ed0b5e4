export interface Command {
  /** e.g. "db init" */
  name: string
  usage: string
  summary: string
  /** Returns the exit code: 0 done, 1 done but negative (e.g. verification failed), 2 could not run. */
  run(argv: string[]): Promise<number> | number
}
