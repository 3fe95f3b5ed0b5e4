/**
 * What the plan and task pages share: lifecycle colours, the member
 * departments and registry facets (loaded once per page), each department's
 * item list (cached), and the plain-language summary of a scope.
 */
import { ref } from 'vue'
import type { Department, ObjectFacets, ObjectScope, RegistryItem, TaskStatus } from '@contract'
import { api } from '../../api'
import { KIND_LABEL } from '../registry/labels'

export type TagType = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error'

/** One colour per lifecycle step, so that a list reads at a glance. */
export const STATUS_TAG: Record<TaskStatus, TagType> = {
  草稿: 'default',
  方案已公布: 'info',
  已抽取: 'primary',
  检查中: 'warning',
  已完成: 'success',
  已公示: 'success',
  已取消: 'error'
}

export const PLAN_STATUS_TAG: Record<string, TagType> = { 草稿: 'default', 已报送: 'info', 已发布: 'success', 已合并: 'warning', 已取消: 'error' }

export const emptyScope = (): ObjectScope => ({
  kinds: [],
  townships: [],
  industries: [],
  tags: [],
  ownerDeptIds: [],
  regStatus: ['存续'],
  include: [],
  exclude: [],
  codesOnly: false,
  note: ''
})

/** Years offered by the year selectors: last year to two years ahead. */
export function yearOptions(around = new Date().getFullYear()) {
  return [around - 1, around, around + 1, around + 2].map((y) => ({ label: `${y} 年度`, value: y }))
}

/** Departments, facets and item lists, fetched once and shared by the editors of a page. */
export function useCatalog() {
  const departments = ref<Department[]>([])
  const facets = ref<ObjectFacets>({ townships: [], industries: [], tags: [], statuses: [] })
  const items = ref(new Map<number, RegistryItem[]>())
  const itemByUid = ref(new Map<string, RegistryItem>())
  const pending = new Map<number, Promise<RegistryItem[]>>()

  async function load() {
    const [ds, fs] = await Promise.all([api.departments.list({ includeInactive: false }), api.objects.facets()])
    departments.value = ds
    facets.value = fs
  }

  /** The item list of one department (R1: only these may be checked by it). */
  function itemsOf(deptId: number): Promise<RegistryItem[]> {
    const known = items.value.get(deptId)
    if (known) return Promise.resolve(known)
    let p = pending.get(deptId)
    if (!p) {
      p = api.items.list({ deptId }).then((list) => {
        items.value = new Map(items.value).set(deptId, list)
        const byUid = new Map(itemByUid.value)
        for (const it of list) byUid.set(it.uid, it)
        itemByUid.value = byUid
        pending.delete(deptId)
        return list
      })
      pending.set(deptId, p)
    }
    return p
  }

  const deptName = (id: number) => departments.value.find((d) => d.id === id)?.name ?? `部门 ${id}`
  const deptOptions = () => departments.value.map((d) => ({ label: d.name, value: d.id }))

  return { departments, facets, items, itemByUid, load, itemsOf, deptName, deptOptions }
}

/** 抽查对象范围 in words, as a clerk would write it in the plan table. */
export function scopeSummary(s: ObjectScope, deptName: (id: number) => string = (id) => `部门 ${id}`): string {
  const parts: string[] = []
  if (s.codesOnly) parts.push(`仅限指定的 ${s.include.length} 户`)
  else {
    if (s.kinds.length) parts.push(s.kinds.map((k) => KIND_LABEL[k]).join('、'))
    if (s.townships.length) parts.push(s.townships.join('、'))
    if (s.industries.length) parts.push(`行业：${s.industries.join('、')}`)
    if (s.tags.length) parts.push(`标签：${s.tags.join('、')}`)
    if (s.ownerDeptIds.length) parts.push(`名录库：${s.ownerDeptIds.map(deptName).join('、')}`)
    if (s.include.length) parts.push(`另加 ${s.include.length} 户`)
  }
  if (s.exclude.length) parts.push(`排除 ${s.exclude.length} 户`)
  const status = s.regStatus.length === 1 && s.regStatus[0] === '存续' ? '' : `（登记状态：${s.regStatus.join('、')}）`
  const text = parts.length ? parts.join('；') : '全部检查对象'
  return `${text}${status}${s.note ? `；${s.note}` : ''}`
}

/** Codes typed or pasted one per line (or separated by spaces, commas, 、). */
export const parseCodes = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean)
