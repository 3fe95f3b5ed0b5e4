/** Chinese names for what the exchange shows: entities, the columns that differ in a conflict, and values. */

export const ENTITY_LABEL: Record<string, string> = {
  departments: '成员单位',
  objects: '检查对象',
  inspectors: '执法检查人员',
  items: '抽查事项',
  plan_entries: '年度计划',
  plans: '年度计划',
  tasks: '抽查任务',
  draws: '随机抽取',
  results: '检查结果'
}

const FIELD_LABEL: Record<string, Record<string, string>> = {
  departments: { name: '单位名称', short_name: '简称', code: '代码', active: '在用', contact: '联络员', phone: '联系电话' },
  objects: {
    code: '统一社会信用代码',
    kind: '对象类型',
    name: '名称',
    entity_type: '市场主体类型',
    reg_authority: '登记机关',
    legal_rep: '法定代表人/负责人',
    address: '住所',
    reg_status: '登记状态',
    established_on: '成立日期',
    business_scope: '经营范围',
    remark: '备注',
    industry: '行业',
    township: '乡镇/片区',
    credit_class: '信用风险分类',
    tags: '标签',
    owner_dept_id: '管理单位'
  },
  inspectors: {
    id_number: '身份证号',
    name: '姓名',
    gender: '性别',
    phone: '联系电话',
    unit: '所在单位',
    dept_id: '所属成员单位',
    division: '所在部门（科室）',
    user_level: '用户级别',
    cert_no: '执法证号',
    cert_authority: '发证机关',
    cert_valid_until: '执法证有效期至',
    specialties: '业务专长',
    is_expert: '专家/辅助人员',
    active: '在用',
    inactive_reason: '停用原因',
    township: '片区',
    avoid_codes: '回避对象',
    avoid_townships: '回避片区'
  },
  items: {
    uid: '事项编号',
    dept_id: '所属单位',
    category: '抽查类别',
    name: '检查事项',
    target: '检查对象',
    level: '事项类别',
    method: '检查方式',
    subject: '检查主体',
    frequency: '检查频次',
    content: '检查内容',
    basis: '检查依据',
    specialty: '所需业务专长',
    ratio_cap_permille: '比例上限（‰）',
    sort_order: '排序'
  }
}

export function fieldLabel(entity: string, field: string): string {
  return FIELD_LABEL[entity]?.[field] ?? field
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** “检查对象 120，执法检查人员 8” from `{ objects: 120, inspectors: 8 }`. */
export function countsText(contents: Record<string, unknown>): string {
  const parts = Object.entries(contents)
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([e, n]) => `${ENTITY_LABEL[e] ?? e} ${n}`)
  return parts.length ? parts.join('，') : '无记录'
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} 字节`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** The fingerprint as its eight groups of five digits. */
export function fingerprintGroups(fp: string): string[] {
  const digits = fp.replace(/\D/g, '')
  return digits.match(/\d{5}/g) ?? [fp]
}
