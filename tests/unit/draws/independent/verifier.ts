/**
 * A whole-file verifier written from docs/draw-algorithm.md §10 alone (both
 * /1 and /2): recompute hashes, material, draw, caps, drawSha256 and replay
 * every replacement (§8), then report the chain (§8.5). It shares nothing with
 * the program but the text.
 */
import { createHash } from 'node:crypto'
import { drawFrom, material, materialV2, normalise, poolText, rosterText, sha256, specProblem, type IObject, type IPerson, type ISource, type ISpec, type ITask } from './impl'
import { drawSha256 } from './evidence'
import { Xoroshiro } from './xoroshiro'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canon(x))).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
const strictlyAscending = (keys: string[]) => keys.every((k, i) => i === 0 || bytes(keys[i - 1], k) < 0)

export interface IndependentVerdict {
  problems: string[]
  adjustments: number
  headCode: string
}

function certifiedOn(p: IPerson, date: string, specialties: string[]): boolean {
  return p.active && !p.isExpert && p.certNo.trim() !== '' && p.certValidUntil !== null && p.certValidUntil >= date && specialties.every((s) => p.specialties.includes(s))
}

export function verifyIndependently(e: Json): IndependentVerdict {
  const problems: string[] = []
  const v2 = e.algorithm === 'suiji-draw/2'
  if (!v2 && e.algorithm !== 'suiji-draw/1') problems.push('unknown algorithm')
  if (e.format !== (v2 ? 'suiji-evidence/2' : 'suiji-evidence/1')) problems.push('format does not match algorithm')
  const pool: IObject[] = e.pool.entries
  const people: IPerson[] = e.inspectors.entries
  if (!strictlyAscending(pool.map((o) => o.code))) problems.push('pool entries unsorted')
  if (!strictlyAscending(people.map((p) => p.idNumber))) problems.push('roster entries unsorted')
  if (sha256(poolText(pool)) !== e.pool.sha256) problems.push('pool hash')
  if (sha256(rosterText(people)) !== e.inspectors.sha256) problems.push('roster hash')
  const task: ITask = e.task
  const sources: ISource[] = e.seed.sources
  let mat: string
  if (v2) {
    const spec: ISpec = e.sourceSpec
    if (!spec) problems.push('no sourceSpec')
    else {
      const p = specProblem(spec, sources, !!e.supersedes)
      if (p) problems.push(p)
    }
    if (e.supersedes && (e.supersedes.reason.length < 4 || !/^[0-9a-f]{64}$/.test(e.supersedes.headSha256))) problems.push('bad supersedes')
    mat = materialV2(e.task.number, task, e.drawDate, pool, people, spec, sources, e.supersedes)
  } else mat = material(task, e.drawDate, pool, people, sources)
  if (mat !== e.seed.material) problems.push('material')
  if (sha256(mat) !== e.seed.materialSha256) problems.push('material hash')
  const r = drawFrom(mat, task, e.drawDate, pool, people)
  if (r.derived !== e.seed.derived) problems.push('derived seed')
  if (canon(r.caps) !== canon(e.caps)) problems.push('caps')
  const names = new Map(people.map((p) => [p.idNumber, p]))
  const byCode = new Map(pool.map((o) => [o.code, o]))
  if (r.result.length !== e.result.length) problems.push('result length')
  r.result.forEach((x, i) => {
    const y = e.result[i]
    const o = byCode.get(x.code)!
    if (!y || y.order !== i + 1 || y.code !== x.code || y.name !== o.name || y.township !== o.township || y.creditClass !== o.creditClass) return void problems.push(`object ${i + 1}`)
    const want = x.team.map((m) => `${m.idNumber}|${names.get(m.idNumber)!.name}|${names.get(m.idNumber)!.deptId}|${m.role}|${m.overCap}`)
    const got = y.team.map((m: Json) => `${m.idNumber}|${m.name}|${m.deptId}|${m.role}|${!!m.overCap}`)
    if (want.join() !== got.join()) problems.push(`team ${i + 1}`)
  })
  if (drawSha256(e) !== e.drawSha256) problems.push('drawSha256')

  // §8: replay the records on the current teams
  const teams: { idNumber: string; name: string; deptId: number; role: string }[][] = e.result.map((o: Json) => o.team.map((m: Json) => ({ ...m })))
  let prev: string = e.drawSha256
  e.replacements.forEach((rec: Json, i: number) => {
    const where = `record ${i + 1}`
    if (rec.seq !== i + 1 || rec.prevSha256 !== prev) problems.push(`${where} chain`)
    const team = teams[rec.order - 1]
    const object = e.result[rec.order - 1]
    const out = team?.find((m) => m.idNumber === rec.outIdNumber)
    if (!out) return void problems.push(`${where} member`)
    const dept = task.departments.find((d) => d.deptId === out.deptId)!
    const date = String(rec.time).slice(0, 10)
    if (v2 && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(rec.time)) problems.push(`${where} time`)
    const expert = out.role === '专家'
    const cands = people.filter(
      (p) =>
        p.deptId === out.deptId &&
        !team.some((m) => m.idNumber === p.idNumber) &&
        (expert ? p.active && p.isExpert : certifiedOn(p, date, dept.requiredSpecialties)) &&
        !p.avoidCodes.includes(object.code) &&
        !(object.township !== '' && p.avoidTownships.includes(object.township))
    )
    const load = (id: string) => teams.reduce((n, t) => n + t.filter((m) => m.idNumber === id).length, 0)
    const cap = expert ? e.caps[String(out.deptId)].experts : e.caps[String(out.deptId)].certified
    let drawable = cands.filter((p) => load(p.idNumber) < cap)
    if (drawable.length === 0 && cands.length) drawable = cands.filter((p) => load(p.idNumber) === Math.min(...cands.map((c) => load(c.idNumber))))
    let chosen: IPerson | undefined
    if (rec.policy === 'manual') chosen = cands.find((p) => p.idNumber === rec.inIdNumber)
    else {
      const src: ISource[] = rec.seed.sources
      if (v2) {
        const w = src.map(normalise).filter((s) => s.kind === 'witness')
        if (w.length === 0 || w.some((s) => s.value.replace(/ /g, '').length < e.sourceSpec.minDigits)) problems.push(`${where} weak sources`)
      }
      const head = v2
        ? ['suiji-replace/2', `draw=${e.drawSha256}`, `prev=${prev}`, `seq=${i + 1}`, `order=${rec.order}`, `out=${rec.outIdNumber}`]
        : ['suiji-replace/1', `draw=${e.drawSha256}`, `seq=${i + 1}`, `order=${rec.order}`, `out=${rec.outIdNumber}`]
      const lines = src.map(normalise).map((s) => `${s.kind}:${s.label}=${s.value}`).sort(bytes)
      const m = [...head, ...lines].map((l) => l + '\n').join('')
      if (m !== rec.seed.material) problems.push(`${where} material`)
      const d = sha256(m)
      const derived = /^0{32}/.test(d) ? d.slice(32) : d.slice(0, 32)
      if (derived !== rec.seed.derived) problems.push(`${where} derived`)
      if (rec.candidates !== drawable.length) problems.push(`${where} candidates`)
      chosen = drawable.length ? drawable[new Xoroshiro(derived).int(0, drawable.length - 1)] : undefined
    }
    if (!chosen || chosen.idNumber !== rec.inIdNumber || chosen.name !== rec.inName || chosen.deptId !== rec.deptId) problems.push(`${where} newcomer`)
    if (rec.role !== out.role || rec.objectCode !== object.code || rec.outName !== out.name) problems.push(`${where} fields`)
    const { sha256: own, ...rest } = rec
    if (createHash('sha256').update(canon(rest), 'utf8').digest('hex') !== own) problems.push(`${where} hash`)
    team[team.indexOf(out)] = { idNumber: rec.inIdNumber, name: rec.inName, deptId: rec.deptId, role: rec.role }
    prev = own
  })
  const adjustments = (e.supersedes ? e.supersedes.adjustments + 1 : 0) + e.replacements.length
  const headCode = prev.slice(0, 16).toUpperCase().replace(/(.{4})(?!$)/g, '$1-')
  return { problems, adjustments, headCode }
}
