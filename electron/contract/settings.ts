/** 设置 (settings.*) and 成员单位 (departments.*). */
import { z } from 'zod'
import { ch, none, withoutDefaults } from './common'

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

export const settingsChannels = {
  // settings
  'settings.get': ch<Settings>()(none),
  'settings.update': ch<Settings>()(settingsSchema.partial()),

  // 成员单位
  'departments.list': ch<Department[]>()(z.object({ includeInactive: z.boolean().default(true) }).optional()),
  'departments.create': ch<Department>()(departmentInput),
  'departments.update': ch<Department>()(z.object({ id: z.number().int().positive(), ...withoutDefaults(deptFields) }).partial().required({ id: true })),
  'departments.move': ch<Department[]>()(z.object({ id: z.number().int().positive(), direction: z.enum(['up', 'down']) }))
} as const
