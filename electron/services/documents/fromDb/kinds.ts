/** What the 文书 page can generate, and for what subject each kind asks. */
import type { DocumentKind, DocumentKindInfo } from '@contract'

export const DOCUMENT_KINDS: readonly DocumentKindInfo[] = [
  { kind: 'itemList', label: '随机抽查事项清单', basis: '附件3', group: '名录与清单', dept: 'required', year: false, task: false, township: false, batch: false, available: true, note: '一个部门的事项清单，横版表格。' },
  { kind: 'registryMarket', label: '检查对象名录库（市场主体）', basis: '附件4', group: '名录与清单', dept: 'optional', year: false, task: false, township: true, batch: false, available: true, note: '可按所属部门、乡镇筛选；不选则为全县。' },
  { kind: 'registryInstitution', label: '检查对象名录库（机关/事业单位）', basis: '附件4', group: '名录与清单', dept: 'optional', year: false, task: false, township: true, batch: false, available: true, note: '可按所属部门、乡镇筛选。' },
  { kind: 'registrySocial', label: '检查对象名录库（社会团体）', basis: '附件4', group: '名录与清单', dept: 'optional', year: false, task: false, township: true, batch: false, available: true, note: '可按所属部门、乡镇筛选。' },
  { kind: 'registryInspectors', label: '执法检查人员名录库', basis: '附件4', group: '名录与清单', dept: 'required', year: false, task: false, township: false, batch: false, available: true, note: '一个部门在册的执法检查人员，含身份证号和手机号码，仅供内部使用。' },
  { kind: 'annualPlan', label: '年度双随机联合抽查工作计划表', basis: '附件5', group: '年度计划', dept: 'optional', year: true, task: false, township: false, batch: false, available: true, note: '选部门为该部门发起的计划；不选部门为全县汇总表。' },
  { kind: 'workPlan', label: '联合抽查工作方案（发文）', basis: '第十七条', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: false, available: true, note: '生成时占用一个发文字号（设置中的“下一个发文字号”加一，并记入操作日志）。' },
  { kind: 'drawRecord', label: '随机抽取记录', basis: '抽取记录', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: false, available: true, note: '任务现行抽取的记录（含人员调整、二维码和证据文件校验码），供操作人员、见证人签字存档；任务须已完成随机抽取。' },
  { kind: 'notices', label: '随机抽查通知书', basis: '第二十一条', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: true, available: true, note: '每个抽中对象一份；任务须已完成随机抽取。' },
  { kind: 'forms', label: '随机抽查检查表', basis: '第二十一条', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: true, available: true, note: '每个抽中对象一份，列明检查事项、检查人员及执法证号；任务须已完成随机抽取。' },
  { kind: 'resultSummary', label: '抽查结果汇总表', basis: '第二十二条', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: false, available: true, note: '逐户列出检查结果和后续处置，检查小组成员签字；任务须已录入检查结果。' },
  { kind: 'publicResults', label: '抽查结果公示表', basis: '第二十五条', group: '任务文书', dept: 'none', year: false, task: true, township: false, batch: false, available: true, note: '向社会公示用：不含检查人员、身份证号和电话；任务须已录入检查结果。' }
]

export function kindInfo(kind: DocumentKind): DocumentKindInfo {
  return DOCUMENT_KINDS.find((k) => k.kind === kind)!
}
