import { vi } from 'vitest'

/** Runs one `suiji` command in-process and collects what it printed with console.log, one call a line. */
export async function runCli(f: (argv: string[]) => Promise<number> | number, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = []
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
  try {
    return { code: await f(argv), out: lines.join('\n') }
  } finally {
    spy.mockRestore()
  }
}
