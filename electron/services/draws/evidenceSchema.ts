import { z } from 'zod'

/** Shape of an evidence file; values are checked by recomputation in verify.ts, not here. */
const str = z.string()
const int = z.number().int()
const source = z.object({ kind: z.enum(['witness', 'public']), label: str, value: str })
const seed = z.object({ sources: z.array(source), material: str, materialSha256: str, derived: str })
const classRule = z.object({ mode: z.enum(['ratio', 'count']), value: int })
const quota = z.object({ size: int, quota: int })
const byClass = <T extends z.ZodType>(t: T) => z.object({ A: t, B: t, C: t, D: t })
const member = z.object({ idNumber: str, name: str, deptId: int, role: z.enum(['组长', '组员', '专家']), overCap: z.boolean().optional() })

export const evidenceSchema = z.object({
  format: z.enum(['suiji-evidence/1', 'suiji-evidence/2']),
  algorithm: str,
  prng: z.object({ library: str, version: str, generator: str, distribution: str }),
  appVersion: str,
  drawId: str,
  task: z.object({
    id: str,
    number: str.optional(),
    name: str,
    initiatingDeptId: int,
    departments: z.array(
      z.object({
        deptId: int,
        deptName: str,
        itemIds: z.array(str),
        requiredSpecialties: z.array(str),
        inspectorsPerObject: int,
        expertsPerObject: int.optional()
      })
    ),
    rule: byClass(classRule),
    leaderFromInitiator: z.boolean(),
    workloadCap: int.optional()
  }),
  drawDate: str,
  pool: z.object({
    count: int,
    countsByClass: byClass(int),
    sha256: str,
    // checked by poolEntryProblems: zod over 150 000 entries is too slow for the 2 s goal
    entries: z.array(z.unknown())
  }),
  exclusions: z.array(z.object({ code: str, name: str, reason: str })),
  inspectors: z.object({
    count: int,
    sha256: str,
    // strict: an extra field would be covered by neither the roster hash nor drawSha256
    entries: z.array(
      z.strictObject({
        idNumber: str,
        name: str,
        deptId: int,
        certNo: str,
        certValidUntil: str.nullable(),
        active: z.boolean(),
        isExpert: z.boolean(),
        specialties: z.array(str),
        avoidCodes: z.array(str),
        avoidTownships: z.array(str)
      })
    )
  }),
  quotas: byClass(quota),
  caps: z.record(str, z.object({ certified: int, experts: int })),
  seed,
  result: z.array(z.object({ order: int, code: str, name: str, township: str, creditClass: z.enum(['A', 'B', 'C', 'D']), team: z.array(member) })),
  people: z.object({ operator: str, witnesses: z.array(str), supervisor: str.optional() }),
  times: z.object({ publishedAt: str, drawnAt: str }),
  sourceSpec: z.strictObject({ witnesses: int, minDigits: int, publics: z.array(str), reason: str.optional() }).optional(),
  supersedes: z.strictObject({ drawId: str, drawSha256: str, headSha256: str, adjustments: int, reason: str }).optional(),
  late: z.strictObject({ periodEnd: str, reason: str }).optional(),
  drawSha256: str,
  replacements: z.array(
    z.object({
      seq: int,
      order: int,
      objectCode: str,
      outIdNumber: str,
      outName: str,
      inIdNumber: str,
      inName: str,
      deptId: int,
      role: z.enum(['组长', '组员', '专家']),
      reason: z.enum(['岗位调整', '工作冲突', '健康状况', '执法回避']),
      approver: str,
      policy: z.enum(['manual', 'redraw']),
      seed: seed.optional(),
      candidates: int.optional(),
      operator: str,
      time: str,
      note: str.optional(),
      prevSha256: str,
      sha256: str
    })
  )
})

const POOL_KEYS = ['code', 'creditClass', 'name', 'township']
const CLASSES = new Set(['A', 'B', 'C', 'D'])

/**
 * Pool entries must have exactly the four fields of spec §2: an extra field
 * would be covered by neither the pool hash nor drawSha256.
 */
function poolEntryProblems(entries: unknown[]): string[] {
  const out: string[] = []
  for (let i = 0; i < entries.length && out.length < 20; i++) {
    const e = entries[i] as Record<string, unknown>
    const ok =
      e !== null &&
      typeof e === 'object' &&
      !Array.isArray(e) &&
      Object.keys(e).sort().join() === POOL_KEYS.join() &&
      typeof e.code === 'string' &&
      typeof e.name === 'string' &&
      typeof e.township === 'string' &&
      CLASSES.has(e.creditClass as string)
    if (!ok) out.push(`字段 pool.entries.${i} 应当只有 code、name、township、creditClass 四项且类型正确。`)
  }
  return out
}

/** Chinese description of the first few shape problems. */
export function shapeProblems(value: unknown): string[] {
  const r = evidenceSchema.safeParse(value)
  if (!r.success) return r.error.issues.slice(0, 20).map((i) => `字段 ${i.path.map(String).join('.') || '（根）'} 缺失或类型不对。`)
  return poolEntryProblems((value as { pool: { entries: unknown[] } }).pool.entries)
}
