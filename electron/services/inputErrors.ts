import type { z } from 'zod'

/** Field names the clerk knows, for messages zod writes itself (the schema's own messages already name the field). */
const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  code: '代码',
  phone: '电话',
  contact: '联系人',
  taskNo: '任务编号',
  periodStart: '检查开始日期',
  periodEnd: '检查结束日期',
  departments: '参加部门',
  itemUids: '抽查事项',
  inspectorsPerObject: '每户派出人数',
  rule: '抽取规则',
  scope: '抽查对象范围',
  planName: '抽查计划名称',
  taskName: '抽查任务名称',
  drawDate: '抽取日期',
  adhocReason: '临时任务事由',
  initiatorDeptId: '发起部门',
  deptId: '部门',
  category: '检查结果',
  method: '核查方式',
  findings: '检查情况',
  disposal: '后续处置',
  disposalRef: '案号或移交部门',
  evidence: '证据',
  checkDate: '检查日期',
  inspectors: '检查人员',
  reason: '原因',
  approvedBy: '部门主要负责人',
  date: '日期',
  note: '说明',
  path: '文件位置',
  file: '文件',
  year: '年度',
  ratio: '抽查比例'
}

const CJK = /[\u4e00-\u9fff]/
const LATIN = /[A-Za-z]/

/**
 * A schema failure as the clerk reads it: the schema's own Chinese message,
 * with the row it is about; never a raw field name, a type name or a path.
 */
export function describeInputError(err: z.ZodError): string {
  const parts = err.issues.slice(0, 3).map((i) => {
    const rows = i.path.filter((p): p is number => typeof p === 'number').map((n) => `第 ${n + 1} 项`)
    const where = rows.length ? `${rows.join('')}：` : ''
    if (CJK.test(i.message) && !LATIN.test(i.message)) return where + i.message
    const named = [...i.path].reverse().find((p) => typeof p === 'string' && FIELD_NAMES[p])
    const label = named === undefined ? '有一项内容' : FIELD_NAMES[named as string]
    return `${where}${label}${i.code === 'invalid_type' && i.input === undefined ? '没有填写' : '格式不对'}`
  })
  return `输入有误：${[...new Set(parts)].join('；')}。请修改后重试。`
}
