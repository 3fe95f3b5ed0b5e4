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
  format: z.literal('suiji-evidence/1'),
  algorithm: str,
  prng: z.object({ library: str, version: str, generator: str, distribution: str }),
  appVersion: str,
  drawId: str,
  task: z.object({
    id: str,
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
    entries: z.array(z.object({ code: str, name: str, township: str, creditClass: z.enum(['A', 'B', 'C', 'D']) }))
  }),
  exclusions: z.array(z.object({ code: str, name: str, reason: str })),
  inspectors: z.object({
    count: int,
    sha256: str,
    entries: z.array(
      z.object({
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

/** Chinese description of the first few shape problems. */
export function shapeProblems(value: unknown): string[] {
  const r = evidenceSchema.safeParse(value)
  if (r.success) return []
  return r.error.issues.slice(0, 20).map((i) => `字段 ${i.path.map(String).join('.') || '（根）'} 缺失或类型不对。`)
}
