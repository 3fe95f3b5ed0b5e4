/**
 * The official layouts of seed 003 附件3 (抽查事项清单) and 附件4 (检查对象名录库 ×3,
 * 执法人员名录库): which captions, in which order, and the captions offices
 * actually use for the same columns. Our extra columns follow the official ones.
 */
import type { FieldSpec } from './headers'

export type ObjectKind = 'market' | 'institution' | 'social'

export const KIND_LABEL: Record<ObjectKind, string> = { market: '市场主体', institution: '机关/事业单位', social: '社会团体' }
export const KIND_SHEET: Record<ObjectKind, string> = { market: '市场主体', institution: '机关事业单位', social: '社会团体' }

const f = (key: string, label: string, ...aliases: string[]): FieldSpec => ({ key, label, aliases })

const SEQ = f('seq', '序号', '编号', '序')

export const OBJECT_FIELDS: FieldSpec[] = [
  SEQ,
  f('code', '统一社会信用代码/注册号', '统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '注册号/统一社会信用代码', '统一社会信用代码(注册号)', '代码', '统一社会信用代码或注册号'),
  f('regNo', '注册号', '工商注册号', '登记注册号'),
  f('name', '名称', '市场主体名称', '单位名称', '企业名称', '主体名称', '机构名称', '社会团体名称', '社团名称', '组织名称', '对象名称', '检查对象名称', '个体户名称', '字号名称'),
  f('kind', '对象类型', '类型', '名录类型', '主体类别', '对象类别'),
  f('entityType', '市场主体类型', '主体类型', '企业类型', '单位类型', '单位性质', '企业类型/组成形式', '组织形式'),
  f('regAuthority', '登记机关', '登记管理机关', '登记机构', '发照机关', '审批机关'),
  f('legalRep', '法定代表人', '负责人', '法人', '法人代表', '法定代表人/负责人', '法定代表人(负责人)', '经营者', '投资人', '法定代表人或负责人'),
  f('address', '住所', '地址', '经营场所', '住所/经营场所', '住所(经营场所)', '注册地址', '经营地址', '单位地址', '详细地址', '住址'),
  f('regStatus', '登记状态', '经营状态', '状态', '存续状态', '企业状态'),
  f('establishedOn', '成立日期', '注册日期', '成立时间', '设立日期', '登记日期', '核准日期'),
  f('businessScope', '经营范围', '业务范围', '宗旨和业务范围', '经营(业务)范围'),
  f('remark', '备注', '说明'),
  f('industry', '行业', '所属行业', '行业类别', '行业分类', '行业门类'),
  f('township', '乡镇/片区', '乡镇', '片区', '所属乡镇', '所属片区', '乡镇(街道)', '所属乡镇(街道)', '街道', '辖区', '管辖片区'),
  f('creditClass', '信用风险分类', '信用风险等级', '信用等级', '风险分类', '信用分类', '信用风险类别', '风险等级'),
  f('tags', '标签', '监管标签', '专项库', '专项库标签')
]

const OBJ_OFFICIAL: Record<ObjectKind, string[]> = {
  market: ['seq', 'code', 'name', 'entityType', 'regAuthority', 'legalRep', 'address', 'regStatus', 'establishedOn', 'businessScope'],
  institution: ['seq', 'code', 'name', 'regAuthority', 'legalRep', 'address', 'establishedOn', 'remark'],
  social: ['seq', 'code', 'name', 'regAuthority', 'legalRep', 'address', 'establishedOn', 'remark']
}
const OBJ_EXTRA: Record<ObjectKind, string[]> = {
  market: ['remark', 'industry', 'township', 'creditClass', 'tags'],
  institution: ['entityType', 'regStatus', 'businessScope', 'industry', 'township', 'creditClass', 'tags'],
  social: ['entityType', 'regStatus', 'businessScope', 'industry', 'township', 'creditClass', 'tags']
}
/** Captions that differ from the field label in a given official layout. */
const OBJ_CAPTION: Record<ObjectKind, Record<string, string>> = {
  market: { name: '市场主体名称' },
  institution: { entityType: '单位类型', businessScope: '业务范围' },
  social: { entityType: '单位类型', businessScope: '业务范围' }
}

export interface Column {
  key: string
  caption: string
  width: number
}

const WIDTH: Record<string, number> = {
  seq: 6, code: 22, name: 30, address: 34, businessScope: 40, remark: 20, establishedOn: 12, idNumber: 20,
  content: 40, basis: 40, category: 16, itemName: 24, tags: 18, avoidCodes: 22
}

function columns(fields: FieldSpec[], keys: string[], captions: Record<string, string> = {}): Column[] {
  return keys.map((k) => {
    const spec = fields.find((x) => x.key === k)!
    return { key: k, caption: captions[k] ?? spec.label, width: WIDTH[k] ?? 14 }
  })
}

export function objectColumns(kind: ObjectKind): Column[] {
  return columns(OBJECT_FIELDS, [...OBJ_OFFICIAL[kind], ...OBJ_EXTRA[kind]], OBJ_CAPTION[kind])
}
export function objectTitle(org: string, kind: ObjectKind): string {
  return `（${org}）检查对象名录库（${KIND_LABEL[kind]}）`
}

export const INSPECTOR_FIELDS: FieldSpec[] = [
  SEQ,
  f('idNumber', '身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码'),
  f('name', '姓名', '执法人员姓名', '人员姓名', '检查人员姓名'),
  f('gender', '性别'),
  f('phone', '手机号码', '手机号', '手机', '联系电话', '电话', '联系方式', '移动电话'),
  f('unit', '所在单位', '单位', '工作单位', '所属单位', '单位名称'),
  f('division', '所在部门', '部门', '科室', '所在科室', '所属部门', '内设机构'),
  f('userLevel', '用户级别', '级别', '层级', '执法层级'),
  f('certNo', '执法证号', '执法证件号', '执法证件号码', '执法证编号', '行政执法证号', '证件编号'),
  f('certAuthority', '发证机关', '执法证发证机关', '发证单位'),
  f('specialties', '业务专长', '专长', '专业特长', '业务特长', '专业'),
  f('certValidUntil', '执法证有效期', '有效期', '执法证有效期至', '有效期至', '证件有效期', '执法证有效期限'),
  f('isExpert', '专家', '是否专家', '专家/辅助人员', '辅助人员', '人员类别', '人员类型'),
  f('status', '在岗状态', '状态', '在岗情况', '人员状态'),
  f('township', '片区', '所属片区', '负责片区', '乡镇/片区', '乡镇'),
  f('avoidCodes', '回避对象', '回避对象代码', '回避单位', '回避对象统一社会信用代码'),
  f('avoidTownships', '回避片区', '回避乡镇', '回避区域')
]
const INSPECTOR_KEYS = ['seq', 'idNumber', 'name', 'gender', 'phone', 'unit', 'division', 'userLevel', 'certNo', 'certAuthority', 'specialties']
const INSPECTOR_EXTRA = ['certValidUntil', 'isExpert', 'status', 'township', 'avoidCodes', 'avoidTownships']

export function inspectorColumns(): Column[] {
  return columns(INSPECTOR_FIELDS, [...INSPECTOR_KEYS, ...INSPECTOR_EXTRA])
}
export function inspectorTitle(org: string): string {
  return `（${org}）执法人员名录库`
}

export const ITEM_FIELDS: FieldSpec[] = [
  SEQ,
  f('category', '抽查类别', '类别', '抽查事项类别', '事项分类'),
  f('itemName', '检查事项', '抽查事项', '事项名称', '检查事项名称', '抽查事项名称', '抽查内容事项'),
  f('target', '检查对象', '抽查对象', '对象'),
  f('level', '事项类别', '事项类型', '重点/一般', '事项级别'),
  f('method', '检查方式', '抽查方式', '方式'),
  f('subject', '检查主体', '抽查主体', '实施主体', '执法主体'),
  f('frequency', '检查频次', '抽查频次', '频次', '抽查比例和频次', '抽查比例及频次'),
  f('content', '检查内容', '抽查内容', '内容'),
  f('basis', '检查依据', '抽查依据', '依据', '法律依据'),
  f('specialty', '所需专长', '所需业务专长', '业务专长', '专长要求'),
  f('ratioCap', '一般事项比例上限', '比例上限', '抽查比例上限', '最高抽查比例'),
  // Written by the CSV export, which holds every department's list in one table.
  f('dept', '所属部门', '所属成员单位', '成员单位')
]
const ITEM_KEYS = ['seq', 'category', 'itemName', 'target', 'level', 'method', 'subject', 'frequency', 'content', 'basis']
const ITEM_EXTRA = ['specialty', 'ratioCap']

export function itemColumns(): Column[] {
  return columns(ITEM_FIELDS, [...ITEM_KEYS, ...ITEM_EXTRA])
}
export function itemTitle(dept: string): string {
  return `（${dept}）抽查事项清单`
}
/** 附件3's group caption over 抽查类别 and 检查事项. */
export const ITEM_GROUP_CAPTION = '抽查项目'
