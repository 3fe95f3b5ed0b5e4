/**
 * The standard lists of a 检查结果 — the one definition used by the entry
 * grid, the result sheet, the documents (检查表 boxes, 汇总表, 公示表), the
 * statistics and the 公示系统 export. Sources and the layouts that use them:
 * docs/result-codes.md.
 */

/**
 * How a code bears on follow-up:
 * clean — nothing found; corrected — found and put right on the spot (E);
 * problem — found, a 后续处置 must follow until it is 完结;
 * gone — the object no longer operates here (7, 9–12): nothing to inspect;
 * other — 其他情况, the 检查情况 says what, the disposal decides.
 */
export type ResultKind = 'clean' | 'corrected' | 'problem' | 'gone' | 'other'

export interface ResultCodeDef {
  /** the national system's code (1, A–F, 3–12); HG/BHG/QT are this program's own for what it has no code for */
  code: string
  /** our wording: R9 (`003_…` 第二十三条, `004_…` (七)) where the seeds name it, else the national one */
  label: string
  /** the wording of 国家企业信用信息公示系统 */
  national: string
  /** a sub-category of 发现问题待后续处理 (A) */
  parent: 'A' | null
  kind: ResultKind
  /** the object could not be inspected: the evidence obtained must be noted (`000_…` 第十七条) */
  uninspectable: boolean
  /** a code of this program, not of the national system */
  local: boolean
}

function def(code: string, label: string, kind: ResultKind, o: { national?: string; parent?: 'A'; uninspectable?: boolean; local?: boolean } = {}): ResultCodeDef {
  return { code, label, national: o.national ?? label, parent: o.parent ?? null, kind, uninspectable: !!o.uninspectable, local: !!o.local }
}

/** In the printed order of the national 检查表: 1, A with its sub-categories, E, F, 7, 8, 9–12, then 合格/不合格 and 其他情况. */
export const RESULT_CODES: readonly ResultCodeDef[] = [
  def('1', '未发现问题', 'clean'),
  def('A', '发现问题待后续处理', 'problem'),
  def('B', '未按规定公示应当公示的信息', 'problem', { parent: 'A' }),
  def('C', '公示信息隐瞒真实情况弄虚作假', 'problem', { parent: 'A' }),
  def('6', '通过登记的住所（经营场所）无法联系', 'problem', { parent: 'A', uninspectable: true }),
  def('D', '违反其他工商行政管理规定行为', 'problem', { parent: 'A' }),
  def('3', '违反食品药品管理相关规定', 'problem', { parent: 'A' }),
  def('4', '违反质量技术监督相关规定', 'problem', { parent: 'A' }),
  def('5', '违反其他部门相关规定', 'problem', { parent: 'A' }),
  def('E', '发现问题已责令改正', 'corrected', { national: '发现问题经责令已改正' }),
  def('F', '未发现开展本次抽查涉及的经营活动', 'clean'),
  def('7', '已关闭停业或正在组织清算', 'gone'),
  def('8', '不配合检查情节严重', 'problem', { uninspectable: true }),
  def('9', '注销', 'gone'),
  def('10', '被吊销', 'gone'),
  def('11', '被撤销', 'gone'),
  def('12', '迁出', 'gone'),
  def('HG', '合格', 'clean', { local: true }),
  def('BHG', '不合格', 'problem', { local: true }),
  def('QT', '其他情况', 'other', { local: true })
]

/** The labels, as the grid and the sheet offer them (a result stores its code and this label). */
export const RESULT_CATEGORY_LIST = [
  '未发现问题',
  '发现问题待后续处理',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '违反其他工商行政管理规定行为',
  '违反食品药品管理相关规定',
  '违反质量技术监督相关规定',
  '违反其他部门相关规定',
  '发现问题已责令改正',
  '未发现开展本次抽查涉及的经营活动',
  '已关闭停业或正在组织清算',
  '不配合检查情节严重',
  '注销',
  '被吊销',
  '被撤销',
  '迁出',
  '合格',
  '不合格',
  '其他情况'
] as const
export type ResultCategory = (typeof RESULT_CATEGORY_LIST)[number]

const BY_LABEL = new Map(RESULT_CODES.map((d) => [d.label, d]))
const BY_CODE = new Map(RESULT_CODES.map((d) => [d.code, d]))
const BY_NATIONAL = new Map(RESULT_CODES.map((d) => [d.national, d]))
/** Punctuation and spaces a typed or pasted label may differ by (、，,  and half-width brackets). */
const squash = (s: string) => s.replace(/[\s、，,。；;：:]/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
const BY_SQUASHED = new Map(RESULT_CODES.flatMap((d) => [[squash(d.label), d] as const, [squash(d.national), d] as const]))

export function resultCodeDef(codeOrLabel: string): ResultCodeDef | undefined {
  const t = codeOrLabel.trim()
  return BY_CODE.get(t.toUpperCase()) ?? BY_LABEL.get(t) ?? BY_NATIONAL.get(t) ?? BY_SQUASHED.get(squash(t))
}
/** Our label → the national code (both ways with `resultCodeDef`). */
export function codeOfCategory(label: string): string {
  return BY_LABEL.get(label)?.code ?? 'QT'
}
export function categoryOfCode(code: string): ResultCategory {
  return (BY_CODE.get(code)?.label ?? '其他情况') as ResultCategory
}

/** Nothing found: no follow-up, 后续处置 is 无需处置. */
export const NO_PROBLEM_CATEGORIES: readonly ResultCategory[] = RESULT_CODES.filter((d) => d.kind === 'clean').map((d) => d.label as ResultCategory)
/** The object could not be inspected: the evidence obtained must be noted. */
export const UNINSPECTABLE_CATEGORIES: readonly ResultCategory[] = RESULT_CODES.filter((d) => d.uninspectable).map((d) => d.label as ResultCategory)

/** 核查方式, several per result (the national 检查表's boxes 1–6). */
export const CHECK_METHOD_LIST = ['实地检查', '书面检查', '行政部门检查结果或专业意见', '检验检测', '网络监测', '委托专业机构辅助'] as const
export type CheckMethod = (typeof CHECK_METHOD_LIST)[number]

/** 后续处置, the national 检查表's measures plus 列入经营异常名录 (`企业经营异常名录管理暂行办法`). */
export const DISPOSAL_LIST = ['无需处置', '反馈日常监管部门', '责令改正', '移送办案机构', '抄告相关部门', '列入经营异常名录', '其他'] as const
export type Disposal = (typeof DISPOSAL_LIST)[number]
/** What the wording of the national 检查表 says for each disposal (printed on the 检查表). */
export const DISPOSAL_WORDING: Record<Disposal, string> = {
  无需处置: '未发现问题或相关问题已规范、已改正，无需后续处置',
  反馈日常监管部门: '停止检查，反馈至日常监管部门依法依规处理',
  责令改正: '违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责',
  移送办案机构: '发现案件线索，初步固定相关证据后移送办案机构依法依规处理',
  抄告相关部门: '违反其他部门相关规定，抄告相关部门',
  列入经营异常名录: '列入经营异常名录',
  其他: '其他'
}
/** Wording of earlier versions (and of packages from them) → the standard list. */
export const LEGACY_DISPOSALS: Record<string, Disposal> = {
  无须处置: '无需处置',
  责令限期整改: '责令改正',
  移送办案: '移送办案机构',
  移交其他部门: '抄告相关部门'
}
export const LEGACY_METHODS: Record<string, CheckMethod> = { 实地核查: '实地检查', 委托专业机构: '委托专业机构辅助' }

/**
 * Whether a result opens a follow-up that must be 完结: every problem; 其他情况
 * unless nothing needs doing. 发现问题已责令改正 is a problem already put right
 * (完结 on the check date). 无需处置 never closes a problem by itself.
 */
export function followUpOf(category: string, disposal: string): 'none' | 'open' | 'closedOnCheck' {
  const kind = BY_LABEL.get(category)?.kind ?? 'other'
  if (kind === 'problem') return 'open'
  if (kind === 'corrected') return 'closedOnCheck'
  if (kind === 'other' && disposal !== '无需处置') return 'open'
  return 'none'
}
/** 谁检查、谁录入、谁负责: 录入 → 待审核 → 退回 / 已通过; only 已通过 results are published. */
export const REVIEW_STATUS_LIST = ['录入', '待审核', '退回', '已通过'] as const
export type ReviewStatus = (typeof REVIEW_STATUS_LIST)[number]
