/**
 * Second implementation of suiji-draw/1 and /2, written from docs/draw-algorithm.md
 * alone. Deliberately different in style from the app (explicit byte
 * sorting, BigInt generator, straightforward loops) so that a shared mistake
 * is unlikely.
 */
import { createHash } from 'node:crypto'
import { Xoroshiro } from './xoroshiro'

export type Cls = 'A' | 'B' | 'C' | 'D'
export interface IObject { code: string; name: string; township: string; creditClass: Cls }
export interface IPerson {
  idNumber: string; name: string; deptId: number; certNo: string; certValidUntil: string | null
  active: boolean; isExpert: boolean; specialties: string[]; avoidCodes: string[]; avoidTownships: string[]
}
export interface IDept { deptId: number; requiredSpecialties: string[]; inspectorsPerObject: number; expertsPerObject?: number }
export interface ITask { id: string; initiatingDeptId: number; departments: IDept[]; rule: Record<Cls, { mode: 'ratio' | 'count'; value: number }>; workloadCap?: number }
export interface ISource { kind: 'witness' | 'public'; label: string; value: string }
export interface IMember { idNumber: string; role: '组长' | '组员' | '专家'; overCap: boolean }
export interface IResult { code: string; team: IMember[] }

const CLASSES: Cls[] = ['A', 'B', 'C', 'D']

export function sha256(s: string): string {
  return createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex')
}

function byteOrder(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

export function poolText(pool: IObject[]): string {
  return [...pool].sort((a, b) => byteOrder(a.code, b.code)).map((o) => `${o.code}\t${o.creditClass}\t${o.township}\t${o.name}\n`).join('')
}

function list(xs: string[]): string {
  return Array.from(new Set(xs)).sort(byteOrder).join(',')
}

export function rosterText(people: IPerson[]): string {
  return [...people]
    .sort((a, b) => byteOrder(a.idNumber, b.idNumber))
    .map((p) => [p.idNumber, p.deptId, p.name, p.certNo, p.certValidUntil ?? '', p.active ? 1 : 0, p.isExpert ? 1 : 0, list(p.specialties), list(p.avoidCodes), list(p.avoidTownships)].join('\t') + '\n')
    .join('')
}

export function normalise(s: ISource): ISource {
  const label = s.label.replace(/[\s\u3000]+/g, ' ').trim()
  const digits = s.value.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))
  const pieces = digits.split(/[\s\u3000,，、;；]+/).filter((p) => p.length > 0)
  return { kind: s.kind, label, value: pieces.join(' ') }
}

export function material(task: ITask, date: string, pool: IObject[], people: IPerson[], sources: ISource[]): string {
  const rule = CLASSES.map((c) => `${c}:${task.rule[c].mode}:${task.rule[c].value}`).join(';')
  const src = sources.map(normalise).map((s) => `${s.kind}:${s.label}=${s.value}`).sort(byteOrder)
  const lines = ['suiji-draw/1', `task=${task.id}`, `date=${date}`, `pool=${sha256(poolText(pool))}`, `inspectors=${sha256(rosterText(people))}`, `rule=${rule}`, ...src]
  return lines.map((l) => l + '\n').join('')
}

export interface ISpec { witnesses: number; minDigits: number; publics: string[]; reason?: string }
export interface ILink { headSha256: string; reason: string }

/** §4.2 /2: the header gains the announced sources (and a re-draw's link); the task is named by its number. */
export function materialV2(taskNumber: string, task: ITask, date: string, pool: IObject[], people: IPerson[], spec: ISpec, sources: ISource[], link?: ILink): string {
  const rule = CLASSES.map((c) => `${c}:${task.rule[c].mode}:${task.rule[c].value}`).join(';')
  const src = sources.map(normalise).map((s) => `${s.kind}:${s.label}=${s.value}`).sort(byteOrder)
  const lines = ['suiji-draw/2', `task=${taskNumber}`, `date=${date}`, `pool=${sha256(poolText(pool))}`, `inspectors=${sha256(rosterText(people))}`, `rule=${rule}`]
  lines.push(`witnesses=${spec.witnesses}`, `digits=${spec.minDigits}`)
  for (const l of spec.publics) lines.push(`public=${l}`)
  if (spec.reason) lines.push(`why=${spec.reason}`)
  if (link) lines.push(`supersedes=${link.headSha256}`, `redraw-reason=${link.reason}`)
  return [...lines, ...src].map((l) => l + '\n').join('')
}

/** §4.3: does a set of sources match the announced spec (and the floor)? Returns the first problem or null. */
export function specProblem(spec: ISpec, sources: ISource[], redraw: boolean): string | null {
  if (!Number.isInteger(spec.minDigits) || spec.minDigits < 6 || spec.minDigits > 40) return 'minDigits below 6'
  if (!Number.isInteger(spec.witnesses) || spec.witnesses < 0 || spec.witnesses > 20) return 'witnesses out of range'
  if (spec.publics.length === 0 && spec.witnesses < 2) return 'fewer than two witnesses and no public value'
  if (spec.publics.length === 0 && spec.witnesses < 3 && (spec.reason ?? '').length < 4) return 'fewer than three witnesses without a reason'
  if (redraw && spec.witnesses < 2) return 're-draw without witnesses'
  const sortedPublics = [...spec.publics].sort(byteOrder)
  if (sortedPublics.join('\n') !== spec.publics.join('\n') || new Set(spec.publics).size !== spec.publics.length) return 'publics not sorted or repeated'
  const n = sources.map(normalise)
  const w = n.filter((s) => s.kind === 'witness')
  if (w.length !== spec.witnesses) return 'witness count differs from the spec'
  if (w.some((s) => s.value.replace(/ /g, '').length < spec.minDigits)) return 'a witness typed too few digits'
  const p = n.filter((s) => s.kind === 'public').map((s) => s.label).sort(byteOrder)
  if (p.join('\n') !== sortedPublics.join('\n')) return 'public values differ from the spec'
  return null
}

export function derive(mat: string): string {
  const d = sha256(mat)
  return /^0{32}/.test(d) ? d.slice(32) : d.slice(0, 32)
}

function quota(size: number, r: { mode: 'ratio' | 'count'; value: number }): number {
  const k = r.mode === 'ratio' ? Math.floor((size * r.value + 999) / 1000) : r.value
  return Math.min(k, size)
}

function avoids(p: IPerson, o: IObject): boolean {
  return p.avoidCodes.includes(o.code) || (o.township !== '' && p.avoidTownships.includes(o.township))
}

export function draw(task: ITask, date: string, pool: IObject[], people: IPerson[], sources: ISource[]): { derived: string; result: IResult[] } {
  return drawFrom(material(task, date, pool, people, sources), task, date, pool, people)
}

/** §5–§7 from a given seed material (any version); also returns the caps of §7.3. */
export function drawFrom(mat: string, task: ITask, date: string, pool: IObject[], people: IPerson[]): { derived: string; result: IResult[]; caps: Record<string, { certified: number; experts: number }> } {
  const derived = derive(mat)
  const g = new Xoroshiro(derived)
  const sorted = [...pool].sort((a, b) => byteOrder(a.code, b.code))
  const picked: IObject[] = []
  for (const c of CLASSES) {
    const a = sorted.filter((o) => o.creditClass === c)
    const k = quota(a.length, task.rule[c])
    for (let i = 0; i < k; i++) {
      const j = g.int(i, a.length - 1)
      ;[a[i], a[j]] = [a[j], a[i]]
      picked.push(a[i])
    }
  }
  const K = picked.length
  const roster = [...people].sort((a, b) => byteOrder(a.idNumber, b.idNumber))
  const depts = [...task.departments].sort((a, b) =>
    a.deptId === task.initiatingDeptId ? -1 : b.deptId === task.initiatingDeptId ? 1 : a.deptId - b.deptId
  )
  const plan = depts.map((d) => {
    const C = roster.filter(
      (p) => p.deptId === d.deptId && p.active && !p.isExpert && p.certNo.trim() !== '' && p.certValidUntil !== null && p.certValidUntil >= date && d.requiredSpecialties.every((s) => p.specialties.includes(s))
    )
    const E = roster.filter((p) => p.deptId === d.deptId && p.active && p.isExpert)
    const ne = d.expertsPerObject ?? 0
    const capOf = (slots: number, n: number) => (task.workloadCap !== undefined ? task.workloadCap : slots === 0 || n === 0 ? 0 : Math.ceil(slots / n) + 1)
    return { d, C, E, capC: capOf(K * d.inspectorsPerObject, C.length), capE: capOf(K * ne, E.length), ne }
  })
  const load = new Map<string, number>()
  const L = (p: IPerson) => load.get(p.idNumber) ?? 0
  const result: IResult[] = []
  for (const o of picked) {
    const team: IMember[] = []
    const slot = (list: IPerson[], cap: number, expert: boolean) => {
      const free = list.filter((p) => !team.some((m) => m.idNumber === p.idNumber) && !avoids(p, o))
      const under = free.filter((p) => L(p) < cap)
      let p: IPerson
      let over = false
      if (under.length > 0) p = under[g.int(0, under.length - 1)]
      else {
        const m = Math.min(...free.map(L))
        const least = free.filter((x) => L(x) === m)
        p = least[g.int(0, least.length - 1)]
        over = true
      }
      const role = expert ? '专家' : team.some((x) => x.role !== '专家') ? '组员' : '组长'
      team.push({ idNumber: p.idNumber, role, overCap: over })
      load.set(p.idNumber, L(p) + 1)
    }
    for (const x of plan) {
      for (let i = 0; i < x.d.inspectorsPerObject; i++) slot(x.C, x.capC, false)
      for (let i = 0; i < x.ne; i++) slot(x.E, x.capE, true)
    }
    result.push({ code: o.code, team })
  }
  const caps: Record<string, { certified: number; experts: number }> = {}
  for (const x of plan) caps[String(x.d.deptId)] = { certified: x.capC, experts: x.capE }
  return { derived, result, caps }
}
