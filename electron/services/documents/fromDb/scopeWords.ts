/**
 * 抽查对象范围 as a phrase for the body of a 工作方案 (“众兴街道、三庄镇登记状态为
 * 存续的市场主体”). The spreadsheet form (`describeScope`, “对象类别：市场主体；
 * 乡镇：众兴街道”) reads back into a scope but reads like a form, not a sentence.
 */
import { OBJECT_KIND_LABELS, type ObjectScope } from '@contract'
import { normalizeScope } from '../../tasks/scope'

export function scopeWords(scopeIn: ObjectScope, deptName: (id: number) => string): string {
  const s = normalizeScope(scopeIn)
  const kinds = s.kinds.length ? s.kinds.map((k) => OBJECT_KIND_LABELS[k]).join('、') : '检查对象'
  if (s.codesOnly) return `指定的${s.include.length}户${kinds}${s.note ? `（${s.note}）` : ''}`
  const where = s.townships.length ? s.townships.join('、') : '全县'
  const lists = s.ownerDeptIds.length ? `列入${s.ownerDeptIds.map(deptName).join('、')}名录库、` : ''
  const industries = s.industries.length ? `${s.industries.map((i) => (/业$/.test(i) ? i : `${i}行业`)).join('、')}、` : ''
  const tags = s.tags.length ? `标注为${s.tags.map((t) => `“${t}”`).join('')}、` : ''
  const extra = [s.include.length ? `另加指定对象${s.include.length}户` : '', s.exclude.length ? `排除指定对象${s.exclude.length}户` : '', s.note].filter(Boolean)
  return `${where}${lists}${industries}${tags}登记状态为${s.regStatus.join('、')}的${kinds}${extra.length ? `（${extra.join('，')}）` : ''}`
}
