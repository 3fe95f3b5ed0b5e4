/** Minimal `--flag value` / `--switch` / positional parsing, enough for our commands. */
export interface Parsed {
  positional: string[]
  flags: Map<string, string[]>
}

export function parseArgs(argv: string[], switches: string[] = ['json', 'help']): Parsed {
  const positional: string[] = []
  const flags = new Map<string, string[]>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      const value = inline ?? (switches.includes(name) ? 'true' : argv[++i])
      if (value === undefined) throw new CliError(`参数 --${name} 缺少取值`)
      flags.set(name, [...(flags.get(name) ?? []), value])
    } else positional.push(a)
  }
  return { positional, flags }
}

export class CliError extends Error {}

export const flag = (p: Parsed, name: string): string | undefined => p.flags.get(name)?.at(-1)
export const has = (p: Parsed, name: string): boolean => p.flags.has(name)
export function need(p: Parsed, name: string): string {
  const v = flag(p, name)
  if (!v) throw new CliError(`缺少参数 --${name}`)
  return v
}
