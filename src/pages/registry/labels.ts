import type { CreditClass, ObjectKindCode } from '@contract'

export const KIND_LABEL: Record<ObjectKindCode, string> = { market: '市场主体', institution: '机关/事业单位', social: '社会团体' }
export const KIND_OPTIONS = (Object.keys(KIND_LABEL) as ObjectKindCode[]).map((k) => ({ label: KIND_LABEL[k], value: k }))
export const CLASS_LABEL: Record<CreditClass, string> = { A: 'A 类（低风险）', B: 'B 类（一般风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）' }
export const CLASS_OPTIONS = (Object.keys(CLASS_LABEL) as CreditClass[]).map((k) => ({ label: CLASS_LABEL[k], value: k }))
export const CLASS_TAG: Record<CreditClass, 'success' | 'info' | 'warning' | 'error'> = { A: 'success', B: 'info', C: 'warning', D: 'error' }

export const facetOptions = (list: { value: string; count: number }[]) => list.map((f) => ({ label: `${f.value}（${f.count}）`, value: f.value }))
/** Short labels for the filter bar, where space is tight. */
export const CLASS_FILTER_OPTIONS = (Object.keys(CLASS_LABEL) as CreditClass[]).map((k) => ({ label: `${k} 类`, value: k }))
