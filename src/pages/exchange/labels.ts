/** Chinese names for what the exchange shows: entities, the columns that differ in a conflict, and values. */

/** The office's agency code in packages; never shown to the clerk. */
const OFFICE_CODE = 'OFFICE'
/** An agency as shown: the office by its name alone, a department with its code from 成员单位. */
export const agencyLabel = (a: { name: string; code: string }) => (a.code === OFFICE_CODE ? a.name : `${a.name}（${a.code}）`)

export const ENTITY_LABEL: Record<string, string> = {
  departments: '成员单位',
  objects: '检查对象',
  inspectors: '执法检查人员',
  items: '抽查事项',
  plan_entries: '年度计划条目',
  plans: '年度计划',
  tasks: '抽查任务',
  task_pool: '抽取对象池',
  draw_plans: '抽取方案',
  draws: '抽取记录',
  draw_replacements: '人员替换记录',
  object_inspections: '检查记录',
  inspection_results: '检查结果',
  results: '检查结果',
  result_corrections: '结果更正记录',
  result_reviews: '检查结果审核记录',
  task_outcomes: '任务完成与公示'
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
    ratio_cap_permille: '比例上限（千分之）',
    sort_order: '排序'
  },
  plan_entries: {
    uid: '计划条目编号',
    year: '年度',
    plan_name: '抽查计划名称',
    task_name: '抽查任务名称',
    check_type: '抽查类型',
    ratio_text: '抽查比例',
    item_uids: '抽查事项',
    scope: '抽查对象范围',
    initiator_dept_id: '检查发起机关',
    joint_dept_ids: '联合机关',
    draw_date: '抽取日期',
    inspection_time: '检查时间',
    status: '状态',
    merged_from: '由以下条目合并',
    merged_into: '已并入条目',
    remark: '备注'
  },
  tasks: {
    uid: '任务标识',
    task_no: '任务编号',
    year: '年度',
    name: '任务名称',
    plan_entry_uid: '来自计划条目',
    adhoc_reason: '临时任务事由',
    adhoc_note: '事由说明',
    initiator_dept_id: '发起部门',
    departments: '参加部门及事项',
    scope: '抽查对象范围',
    rule: '抽取比例/数量',
    period_start: '检查开始日期',
    period_end: '检查结束日期',
    leader_from_initiator: '组长由发起部门担任',
    status: '任务状态',
    cancel_reason: '取消原因',
    cancelled_from: '取消前状态',
    published_at: '方案公布时间'
  },
  task_pool: {
    task_id: '任务',
    code: '统一社会信用代码',
    name: '名称',
    township: '乡镇/片区',
    credit_class: '信用风险分类',
    excluded_reason: '排除原因'
  },
  draw_plans: {
    task_id: '任务',
    task_uid: '任务标识',
    draw_date: '抽取日期',
    roster: '执法人员名单',
    roster_sha256: '人员名单哈希',
    pool_sha256: '对象池哈希',
    pool_count: '可抽对象数',
    announcement: '抽取方案公告',
    planned_sources: '随机数来源安排',
    published_at: '公布时间',
    created_by: '公布人'
  },
  draws: {
    draw_id: '抽取编号',
    task_id: '任务',
    task_uid: '任务标识',
    seq: '第几次抽取',
    evidence: '抽取证据',
    draw_sha256: '抽取哈希',
    short_hash: '校验码',
    object_count: '抽中对象数',
    operator: '操作人员',
    witnesses: '见证人',
    supervisor: '监督人',
    drawn_at: '抽取时间',
    supersedes_draw_id: '替代的抽取编号',
    supersede_reason: '重新抽取原因'
  },
  draw_replacements: {
    draw_id: '抽取编号',
    seq: '第几次替换',
    record: '替换记录',
    sha256: '替换记录哈希',
    object_order: '对象序号',
    out_id_number: '换下人员身份证号',
    in_id_number: '换上人员身份证号',
    reason: '替换原因',
    approver: '批准人',
    policy: '替换方式'
  },
  object_inspections: {
    object_code: '统一社会信用代码',
    task_uid: '任务标识',
    year: '年度',
    date: '日期',
    depts: '检查部门'
  },
  inspection_results: {
    uid: '结果编号',
    task_id: '任务',
    task_uid: '任务标识',
    object_code: '统一社会信用代码',
    object_name: '对象名称',
    dept_id: '检查部门',
    item_uid: '抽查事项',
    result_code: '检查结果代码',
    category: '检查结果',
    methods: '核查方式',
    findings: '检查情况',
    disposal: '后续处置',
    disposal_ref: '处置说明',
    case_no: '案件编号',
    evidence: '取得的证据',
    check_date: '检查日期',
    inspectors: '检查人员',
    follow_up_done_on: '后续处置办结日期',
    follow_up_note: '办结说明',
    entered_by: '录入人',
    review_status: '审核状态',
    reviewed_by: '审核人',
    review_note: '审核意见',
    reviewed_at: '审核时间'
  },
  result_corrections: {
    result_id: '检查结果',
    before: '更正前',
    after: '更正后',
    reason: '更正原因',
    approved_by: '批准的部门负责人',
    actor: '更正人',
    at: '更正时间'
  },
  result_reviews: {
    task_id: '任务',
    dept_id: '检查部门',
    action: '审核步骤',
    results: '条数',
    person: '经办人',
    note: '审核意见',
    at: '时间'
  },
  task_outcomes: {
    task_id: '任务',
    completed_on: '检查完成日期',
    due_on: '公示期限',
    publication_days: '公示期限（工作日）',
    published_on: '公示日期',
    publish_note: '公示说明',
    public_until: '公示截止日期'
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

/**
 * A name from 设置 or 成员单位 written out in full for other agencies:
 * “县市场监管局” in 泗阳县 is 泗阳县市场监管局 (as a 检查主体 is written).
 */
export function withCounty(name: string, county: string): string {
  const n = name.trim()
  const c = county.trim()
  if (!c || n.startsWith(c)) return n
  return n.startsWith('县') ? `${c}${n.slice(1)}` : n
}
