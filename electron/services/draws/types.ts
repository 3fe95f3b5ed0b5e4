/**
 * Plain-data inputs and outputs of the two random draws (objects, then
 * inspectors). Nothing here touches the database: the task service loads
 * these from SQLite, freezes them at 方案已公布, and hands them to the draw.
 * The exact meaning of every field for the algorithm is in
 * docs/draw-algorithm.md; keep the two in step.
 */

export const ALGORITHM_V1 = 'suiji-draw/1'
export const ALGORITHM_V2 = 'suiji-draw/2'
/** what new draws use; /1 records keep verifying forever with the /1 rules */
export const ALGORITHM_ID = ALGORITHM_V2
export type AlgorithmId = typeof ALGORITHM_V1 | typeof ALGORITHM_V2
export const EVIDENCE_FORMAT_V1 = 'suiji-evidence/1'
export const EVIDENCE_FORMAT = 'suiji-evidence/2'
export type EvidenceFormat = typeof EVIDENCE_FORMAT_V1 | typeof EVIDENCE_FORMAT
export const REPLACEMENT_V1 = 'suiji-replace/1'
export const REPLACEMENT_ALGORITHM_ID = 'suiji-replace/2'
/** spec §4.3: the least digits a witness types under /2; a county may raise it, never lower it */
export const MIN_WITNESS_DIGITS = 6
/** pinned in package.json; the evidence records it so a verifier years later knows what to install */
export const PURE_RAND_VERSION = '8.4.2'

export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const
export type CreditClass = (typeof CREDIT_CLASSES)[number]

/** One eligible object in the frozen pool (after exclusions). */
export interface PoolEntry {
  /** normalised 统一社会信用代码 / 注册号 (ASCII, no spaces); unique in the pool */
  code: string
  name: string
  /** 乡镇/片区; '' when unknown (then only code-based 回避 applies) */
  township: string
  creditClass: CreditClass
}

/** An object left out of the pool, printed with its reason (R2, R4). */
export interface Exclusion {
  code: string
  name: string
  reason: string
}

/** One person in the frozen 执法检查人员名录库 snapshot. */
export interface Inspector {
  /** 身份证号; unique; also the tie-break order of the matching */
  idNumber: string
  name: string
  deptId: number
  /** 执法证号; '' = no certificate */
  certNo: string
  /** 执法证有效期至 YYYY-MM-DD; null = unknown → not valid */
  certValidUntil: string | null
  active: boolean
  /** 专家/辅助人员: may join a team as an extra member, never counts (R5) */
  isExpert: boolean
  specialties: string[]
  /** object codes this person must not inspect (R6) */
  avoidCodes: string[]
  /** townships this person must not inspect (R6, 所所交叉) */
  avoidTownships: string[]
}

/** How many objects to draw from one credit class. */
export interface ClassRule {
  /** ratio: value is 千分比 (‰, integer 0–1000, 5 % = 50); count: value is a number of objects */
  mode: 'ratio' | 'count'
  value: number
}

export type DrawRule = Record<CreditClass, ClassRule>

/** One participating department (the initiating one included). */
export interface TaskDepartment {
  deptId: number
  deptName: string
  /** the department's own 抽查事项 (item uids) this team member checks */
  itemIds: string[]
  /** 业务专长 every one of this department's certified members must hold (R7); [] = none */
  requiredSpecialties: string[]
  /** certified inspectors this department sends to every drawn object */
  inspectorsPerObject: number
  /** extra 专家/辅助人员 per object from this department; never counted; default 0 */
  expertsPerObject?: number
}

export interface DrawTask {
  /** the task's internal id (kept in the evidence; /1 put it in the seed material) */
  id: string
  /** 任务编号 as printed on paper; /2 puts it in the seed material */
  number?: string
  name: string
  initiatingDeptId: number
  departments: TaskDepartment[]
  rule: DrawRule
  /** R5: the team leader must come from the initiating department */
  leaderFromInitiator: boolean
  /** per-inspector maximum number of objects in this task; absent = per department ceil(slots / eligible) + 1 */
  workloadCap?: number
}

export type SeedSourceKind = 'witness' | 'public'

/**
 * One seed source. witness: label = the witness's name, value = the digits
 * they typed. public: label names the value in advance (e.g. “福彩3D 2026300期”),
 * value = the published numbers (e.g. “5 1 8”).
 */
export interface SeedSource {
  kind: SeedSourceKind
  label: string
  value: string
}

/**
 * /2: the seed sources as the 抽取方案公告 fixes them before the draw (spec §4.3).
 * The draw refuses any other set, and the spec is inside the seed material.
 */
export interface SourceSpec {
  /** exactly this many witnesses type digits */
  witnesses: number
  /** each witness types at least this many digits (≥ 6) */
  minDigits: number
  /** the exact public values by name and period, e.g. “福彩3D 第2026300期开奖号码” */
  publics: string[]
  /** why there are fewer than three witnesses and no public value (printed on the 公告) */
  reason?: string
}

/** /2: a re-draw names the draw it replaces, that draw's chain head and the reason (spec §8.4). */
export interface Supersedes {
  drawId: string
  drawSha256: string
  /** head of the superseded draw's chain (its last replacement, or its drawSha256) */
  headSha256: string
  /** adjustments of the superseded draw's chain */
  adjustments: number
  reason: string
}

/** Everything the draw needs. Same input → same output, forever. */
export interface DrawInput {
  task: DrawTask
  /** YYYY-MM-DD; 执法证 validity is judged on this date */
  drawDate: string
  pool: PoolEntry[]
  inspectors: Inspector[]
  sources: SeedSource[]
  /** /2 only */
  spec?: SourceSpec
  supersedes?: Supersedes
}

export type TeamRole = '组长' | '组员' | '专家'

export interface TeamMember {
  idNumber: string
  name: string
  deptId: number
  role: TeamRole
  /** the per-inspector cap had to be exceeded because 回避 left nobody else (see spec §7.4) */
  overCap?: boolean
}

export interface DrawnObject {
  /** 1-based draw order */
  order: number
  code: string
  name: string
  township: string
  creditClass: CreditClass
  team: TeamMember[]
}

export interface StratumQuota {
  size: number
  quota: number
}

export interface SeedInfo {
  sources: SeedSource[]
  /** the exact seed material text (UTF-8 bytes are hashed) */
  material: string
  /** SHA-256 of the material, hex */
  materialSha256: string
  /** the 128-bit generator state, 32 hex digits */
  derived: string
}

export interface DrawOutcome {
  poolSha256: string
  inspectorsSha256: string
  quotas: Record<CreditClass, StratumQuota>
  /** per department: the workload cap actually applied */
  caps: Record<string, { certified: number; experts: number }>
  seed: SeedInfo
  result: DrawnObject[]
}

export const REPLACEMENT_REASONS = ['岗位调整', '工作冲突', '健康状况', '执法回避'] as const
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number]
export type ReplacementPolicy = 'manual' | 'redraw'

export interface ReplacementRequest {
  /** draw order of the object whose team changes */
  order: number
  /** 身份证号 of the member leaving */
  outIdNumber: string
  reason: ReplacementReason
  /** 分管负责人 who approved */
  approver: string
  policy: ReplacementPolicy
  /** manual: the chosen person */
  inIdNumber?: string
  /** redraw: a new seed source (e.g. digits from a witness at the re-draw) */
  sources?: SeedSource[]
  operator: string
  /** YYYY-MM-DD HH:mm:ss */
  time: string
  note?: string
}

export interface ReplacementRecord {
  seq: number
  order: number
  objectCode: string
  outIdNumber: string
  outName: string
  inIdNumber: string
  inName: string
  deptId: number
  role: TeamRole
  reason: ReplacementReason
  approver: string
  policy: ReplacementPolicy
  /** redraw only */
  seed?: SeedInfo
  /** redraw only: how many people were eligible */
  candidates?: number
  operator: string
  time: string
  note?: string
  /** hash of the previous record (or of the draw for seq 1) — chains the records */
  prevSha256: string
  sha256: string
}

export interface EvidencePeople {
  operator: string
  witnesses: string[]
  supervisor?: string
}

export interface EvidenceTimes {
  /** 方案已公布 (pool and rule frozen) */
  publishedAt: string
  /** the draw itself */
  drawnAt: string
}

/** The evidence file (.json). Everything needed to re-verify, nothing else. */
export interface DrawEvidence {
  format: EvidenceFormat
  algorithm: AlgorithmId
  prng: { library: 'pure-rand'; version: string; generator: 'xoroshiro128plus'; distribution: 'uniformInt' }
  appVersion: string
  drawId: string
  task: DrawTask
  drawDate: string
  pool: { count: number; countsByClass: Record<CreditClass, number>; sha256: string; entries: PoolEntry[] }
  exclusions: Exclusion[]
  inspectors: { count: number; sha256: string; entries: Inspector[] }
  quotas: Record<CreditClass, StratumQuota>
  caps: Record<string, { certified: number; experts: number }>
  seed: SeedInfo
  result: DrawnObject[]
  people: EvidencePeople
  times: EvidenceTimes
  /** /2: the announced source specification the draw had to use */
  sourceSpec?: SourceSpec
  /** /2: set on a re-draw */
  supersedes?: Supersedes
  /** /2: drawn after the task's inspection period ended, with the stated reason */
  late?: { periodEnd: string; reason: string }
  /** SHA-256 of the canonical JSON of every field above (§9 of the spec) */
  drawSha256: string
  replacements: ReplacementRecord[]
}

export type VerifyResult = { ok: true } | { ok: false; differences: string[] }
