/**
 * The one API contract shared by renderer, preload and main.
 *
 * Each channel is `group.method` → a zod schema for its input and the type of
 * its result. Main registers every channel through one validating wrapper
 * (IPC in Electron, HTTP in the browser host); the preload and the browser
 * client generate `window.api.group.method(input)` from the same list.
 * Nothing else crosses the boundary.
 */
import { z } from 'zod'

/** Declares a channel: its input schema now, its result type as a type parameter. */
function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input }) as { input: I; __result?: O }
}
const none = z.object({}).strict().optional()

// ───────────────────────── shared shapes ─────────────────────────

export const settingsSchema = z.object({
  officeName: z.string().trim().min(1, '请填写办公室名称').max(60),
  county: z.string().trim().min(1, '请填写县（市、区）名称').max(30),
  operatorName: z.string().trim().max(20),
  publicationDays: z.number().int().min(1, '公示期限至少 1 个工作日').max(60, '公示期限不超过 60 个工作日'),
  docPrefix: z.string().trim().max(20),
  docNextNumber: z.number().int().min(1).max(99999),
  contactPerson: z.string().trim().max(20),
  contactPhone: z.string().trim().max(30),
  sealText: z.string().trim().max(60),
  replacementPolicy: z.enum(['manual', 'redraw'])
})
export type Settings = z.infer<typeof settingsSchema>

const deptFields = {
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(40, '单位名称不超过 40 个字'),
  shortName: z.string().trim().min(1, '请填写简称').max(20, '简称不超过 20 个字'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, '代码应为 2–12 位大写字母或数字'),
  contact: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(30).default(''),
  active: z.boolean().default(true)
}
export const departmentInput = z.object(deptFields)
export type DepartmentInput = z.input<typeof departmentInput>

export interface Department {
  id: number
  name: string
  shortName: string
  code: string
  sortOrder: number
  active: boolean
  contact: string
  phone: string
  createdAt: string
  updatedAt: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  detail: string
  hash: string
}

export interface AppInfo {
  version: string
  dbFile: string
  /** true in the Electron window (file dialogs available), false in the browser host. */
  desktop: boolean
  counts: { departments: number; objects: number; inspectors: number; items: number }
  /** True when the registries are empty: the UI offers the demo county. */
  empty: boolean
}

export interface DemoSummary {
  objects: number
  inspectors: number
  items: number
  seed: string
}

/** A long operation running in the main process (import, batch documents …), polled by the UI. */
export interface JobStatus {
  id: string
  kind: string
  label: string
  phase: string
  done: number
  total: number
  state: 'running' | 'done' | 'failed' | 'cancelled'
  message: string
  result: unknown
}

const fileFilters = z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).default([])

// ───────────────────────── channels ─────────────────────────

export const contract = {
  // app & database file
  'app.info': ch<AppInfo>()(none),
  'app.openDatabase': ch<AppInfo>()(z.object({ file: z.string().trim().min(1, '请填写数据库文件路径') })),
  'app.backup': ch<{ file: string; bytes: number }>()(z.object({ file: z.string().trim().optional() })),
  'app.loadDemo': ch<DemoSummary>()(
    z.object({ objects: z.number().int().min(100).max(200_000).default(30_000), seed: z.string().max(40).default('demo') })
  ),

  // settings
  'settings.get': ch<Settings>()(none),
  'settings.update': ch<Settings>()(settingsSchema.partial()),

  // 成员单位
  'departments.list': ch<Department[]>()(z.object({ includeInactive: z.boolean().default(true) }).optional()),
  'departments.create': ch<Department>()(departmentInput),
  'departments.update': ch<Department>()(z.object({ id: z.number().int().positive(), ...deptFields }).partial().required({ id: true })),
  'departments.move': ch<Department[]>()(z.object({ id: z.number().int().positive(), direction: z.enum(['up', 'down']) })),

  // 审计日志
  'audit.list': ch<AuditEntry[]>()(
    z
      .object({ entity: z.string().optional(), entityId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .optional()
  ),
  'audit.verify': ch<{ ok: boolean; entries: number; brokenAt?: { id: number; reason: string } }>()(none),

  // 后台任务 (long operations)
  'jobs.status': ch<JobStatus>()(z.object({ id: z.string() })),
  'jobs.cancel': ch<JobStatus>()(z.object({ id: z.string() })),

  // 文件：desktop dialogs where available; uploads and the export folder in the browser
  'files.pickOpen': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), filters: fileFilters })),
  'files.pickSave': ch<{ available: boolean; path: string | null }>()(z.object({ title: z.string(), defaultName: z.string().min(1), filters: fileFilters })),
  'files.upload': ch<{ path: string }>()(z.object({ name: z.string().min(1), base64: z.string().max(200 * 1024 * 1024, '文件太大（超过 150 MB），请拆分后再导入') })),
  'files.reveal': ch<{ shown: boolean }>()(z.object({ path: z.string() }))
} as const

// ───────────────────────── derived types ─────────────────────────

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type ResultOf<C extends ChannelName> = NonNullable<Contract[C]['__result']>

type GroupOf<K> = K extends `${infer G}.${string}` ? G : never
type MethodOf<K, G extends string> = K extends `${G}.${infer M}` ? M : never
type Fn<C extends ChannelName> = undefined extends InputOf<C> ? (input?: InputOf<C>) => Promise<ResultOf<C>> : (input: InputOf<C>) => Promise<ResultOf<C>>

/** `window.api`: one async method per channel, grouped by the part before the dot. */
export type Api = {
  [G in GroupOf<ChannelName>]: { [M in MethodOf<ChannelName, G>]: Fn<Extract<`${G}.${M}`, ChannelName>> }
}

/** What crosses the wire: Electron would mangle a thrown error, so results are wrapped. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { message: string; code: string } }

export const channelNames = Object.keys(contract) as ChannelName[]

/** Builds the grouped API object from one transport function (used by preload and the browser client). */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const name of channelNames) {
    const [group, method] = name.split('.') as [string, string]
    ;(api[group] ??= {})[method] = (input?: unknown) => invoke(name, input)
  }
  return api as unknown as Api
}

/** Turns an envelope back into a value or a thrown error carrying the Chinese message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}
export function unwrap<T>(env: Envelope<T>): T {
  if (env.ok) return env.data
  throw new ApiError(env.error.message, env.error.code)
}
