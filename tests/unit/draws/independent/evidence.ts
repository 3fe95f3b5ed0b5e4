/**
 * Independent implementation of spec §8 (random re-draw of a replacement)
 * and §9 (canonical JSON and drawSha256), from docs/draw-algorithm.md only.
 */
import { createHash } from 'node:crypto'
import { normalise, type IObject, type IPerson, type ISource } from './impl'
import { Xoroshiro } from './xoroshiro'

function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canon(x))).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const parts: string[] = []
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${canon(o[k])}`)
    return `{${parts.join(',')}}`
  }
  return JSON.stringify(v)
}

function sha(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex')
}

/** §9: without drawSha256, replacements, pool.entries, inspectors.entries. */
export function drawSha256(evidence: Record<string, unknown>): string {
  const copy: Record<string, unknown> = { ...evidence }
  delete copy.drawSha256
  delete copy.replacements
  const { entries: _p, ...pool } = copy.pool as Record<string, unknown>
  const { entries: _i, ...inspectors } = copy.inspectors as Record<string, unknown>
  return sha(canon({ ...copy, pool, inspectors }))
}

export function recordSha256(record: Record<string, unknown>): string {
  const { sha256: _s, ...rest } = record
  return sha(canon(rest))
}

interface Member { idNumber: string; deptId: number; role: string }

/**
 * §8 re-draw: who replaces `outId` on object number `order` (1-based), given
 * the current teams (after earlier replacements), the frozen roster, the
 * department's required specialities and cap.
 */
export function redrawPick(args: {
  drawSha256: string
  seq: number
  order: number
  outId: string
  sources: ISource[]
  teams: Member[][]
  object: IObject
  roster: IPerson[]
  requiredSpecialties: string[]
  cap: number
  date: string
}): { idNumber: string; candidates: number; derived: string } {
  const team = args.teams[args.order - 1]
  const out = team.find((m) => m.idNumber === args.outId)!
  const expert = out.role === '专家'
  const o = args.object
  const cands = args.roster
    .filter((p) => p.deptId === out.deptId && !team.some((m) => m.idNumber === p.idNumber))
    .filter((p) =>
      expert
        ? p.active && p.isExpert
        : p.active && !p.isExpert && p.certNo.trim() !== '' && p.certValidUntil !== null && p.certValidUntil >= args.date && args.requiredSpecialties.every((s) => p.specialties.includes(s))
    )
    .filter((p) => !p.avoidCodes.includes(o.code) && !(o.township !== '' && p.avoidTownships.includes(o.township)))
    .sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1))
  const load = (id: string) => args.teams.reduce((n, t) => n + t.filter((m) => m.idNumber === id).length, 0)
  let drawable = cands.filter((p) => load(p.idNumber) < args.cap)
  if (drawable.length === 0) {
    const m = Math.min(...cands.map((p) => load(p.idNumber)))
    drawable = cands.filter((p) => load(p.idNumber) === m)
  }
  const lines = ['suiji-replace/1', `draw=${args.drawSha256}`, `seq=${args.seq}`, `order=${args.order}`, `out=${args.outId}`]
  const src = args.sources.map(normalise).map((s) => `${s.kind}:${s.label}=${s.value}`)
  src.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  const digest = sha([...lines, ...src].map((l) => l + '\n').join(''))
  const derived = /^0{32}/.test(digest) ? digest.slice(32) : digest.slice(0, 32)
  const g = new Xoroshiro(derived)
  return { idNumber: drawable[g.int(0, drawable.length - 1)].idNumber, candidates: drawable.length, derived }
}
