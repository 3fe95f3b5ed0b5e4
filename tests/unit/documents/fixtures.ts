/** Sample inputs shaped like a real county task; shared by the document tests. */
import type {
  AnnualPlanInput,
  DrawRecordInput,
  InspectionFormInput,
  ItemListInput,
  NoticeInput,
  OfficeInfo,
  PublicResultsInput,
  RegistryInput,
  ResultSummaryInput,
  WorkPlanInput
} from '../../../electron/services/documents/types'

export const office: OfficeInfo = {
  officeName: '临县“双随机、一公开”监管联席会议办公室',
  mastheadText: '县“双随机、一公开”监管联席会议办公室文件',
  docPrefix: '临双随机办发',
  docNumber: 3,
  contactPerson: '王丽',
  contactPhone: '0358-4421234',
  issuingDepartments: ['临县市场监督管理局'],
  sealText: '（印章）'
}

export const items = [
  { name: '企业公示信息情况检查', content: '年度报告公示信息、即时公示信息的真实性', basis: '《企业信息公示暂行条例》第十四条', department: '临县市场监督管理局' },
  { name: '食品经营许可情况检查', content: '是否取得食品经营许可证，许可事项与实际经营是否一致', basis: '《中华人民共和国食品安全法》第三十五条', department: '临县市场监督管理局' },
  { name: '安全生产主体责任落实情况检查', content: '安全生产责任制、隐患排查治理制度建立和执行情况', basis: '《中华人民共和国安全生产法》第四条', department: '临县应急管理局' }
]

export function notice(i = 0): NoticeInput {
  return {
    object: { name: `临县鑫源商贸有限公司${i || ''}`, code: '91141124MA0K7XXXX1', address: '临县临泉镇新华街18号', legalRepresentative: '张建国' },
    taskNumber: 'LX-2026-007',
    taskName: '2026年食品经营企业部门联合抽查',
    legalBasis: ['《企业信息公示暂行条例》', '《中华人民共和国食品安全法》'],
    items,
    periodStart: '2026-04-08',
    periodEnd: '2026-04-30',
    methods: ['实地检查', '书面检查'],
    materials: ['营业执照副本及食品经营许可证原件', '近一年进货查验记录', '从业人员健康证明', '安全生产责任制文件'],
    contact: { person: '李明', phone: '0358-4425678' },
    issuingDepartment: '临县市场监督管理局',
    partnerDepartments: ['临县应急管理局'],
    issueDate: '2026-04-01'
  }
}

export const inspectors = [
  { name: '赵伟', certificateNo: '14112400123', department: '临县市场监督管理局', leader: true },
  { name: '钱芳', certificateNo: '14112400456', department: '临县市场监督管理局' },
  { name: '孙强', certificateNo: '14112400789', department: '临县应急管理局' }
]

export function form(i = 0): InspectionFormInput {
  const n = notice(i)
  return {
    taskNumber: n.taskNumber,
    taskName: n.taskName,
    departments: ['临县市场监督管理局', '临县应急管理局'],
    object: n.object,
    items,
    inspectors,
    plannedMethods: ['实地检查']
  }
}

export const summary: ResultSummaryInput = {
  taskNumber: 'LX-2026-007',
  taskName: '2026年食品经营企业部门联合抽查',
  leadDepartment: '临县市场监督管理局',
  partnerDepartments: ['临县应急管理局'],
  periodStart: '2026-04-08',
  periodEnd: '2026-04-30',
  rows: Array.from({ length: 12 }, (_, i) => ({
    objectName: `临县第${i + 1}食品店`,
    objectCode: `92141124MA0K${String(100000 + i)}`,
    items: items.map((x) => x.name),
    result: i % 4 === 0 ? '发现问题已责令改正' : '未发现问题',
    followUp: i % 4 === 0 ? '责令改正' : '无需处置',
    inspectors: ['赵伟', '孙强']
  })),
  team: inspectors.map((p) => ({ name: p.name, department: p.department }))
}

export const annualPlan: AnnualPlanInput = {
  owner: '临县市场监督管理局',
  year: 2026,
  attachmentNo: 5,
  rows: Array.from({ length: 30 }, (_, i) => ({
    planName: '2026年度部门联合抽查计划',
    taskName: `第${i + 1}项联合抽查任务（食品、药品、特种设备等领域）`,
    checkType: i % 2 ? '不定向抽查' : '定向抽查',
    objectTotal: 1200 + i,
    ratio: '5%',
    items: ['企业公示信息情况检查', '食品经营许可情况检查'],
    objectScope: '本县辖区内食品经营企业',
    initiator: '临县市场监督管理局',
    partners: ['临县应急管理局', '临县卫生健康局'],
    drawDate: `2026年${(i % 9) + 3}月`
  }))
}

export const itemList: ItemListInput = {
  department: '临县市场监督管理局',
  attachmentNo: 3,
  rows: items.map((x, i) => ({
    category: i < 2 ? '食品安全' : '安全生产',
    item: x.name,
    objectType: '食品经营企业',
    itemClass: i === 1 ? '重点' : '一般',
    method: '实地检查、书面检查',
    subject: x.department,
    frequency: '每年一次',
    content: x.content,
    basis: x.basis
  }))
}

export const idNumbers = ['110101199003074258', '14112419850612002X']

export const registries: RegistryInput[] = [
  {
    kind: '市场主体',
    department: '临县市场监督管理局',
    rows: [
      { code: '91141124MA0K7XXXX1', name: '临县鑫源商贸有限公司', entityType: '有限责任公司', registrationAuthority: '临县市场监督管理局', legalRepresentative: '张建国', address: '临县临泉镇新华街18号', status: '存续', establishedOn: '2018-05-09', businessScope: '食品销售；日用百货销售' }
    ]
  },
  {
    kind: '机关/事业单位',
    department: '临县卫生健康局',
    rows: [{ code: '12141124012345678X', name: '临县人民医院', registrationAuthority: '临县事业单位登记管理局', legalRepresentative: '刘华', address: '临县临泉镇医院路1号', establishedOn: '1952-10-01', note: '' }]
  },
  {
    kind: '社会团体',
    department: '临县民政局',
    rows: [{ code: '51141124MJ1234567A', name: '临县个体劳动者协会', registrationAuthority: '临县民政局', legalRepresentative: '周平', address: '临县临泉镇府前街2号', establishedOn: '2001-03-15' }]
  },
  {
    kind: '执法人员',
    department: '临县市场监督管理局',
    rows: [
      { idNumber: idNumbers[0], name: '赵伟', gender: '男', mobile: '13812345678', unit: '临县市场监督管理局', department: '执法稽查大队', userLevel: '普通用户', certificateNo: '14112400123', certificateAuthority: '山西省人民政府', speciality: '食品安全' }
    ]
  }
]

export const drawRecord: DrawRecordInput = {
  drawId: 'D-2026-0007-01',
  taskNumber: 'LX-2026-007',
  taskName: '2026年食品经营企业部门联合抽查',
  drawKind: '抽取检查对象和执法检查人员',
  algorithmId: 'suiji-draw',
  algorithmVersion: '1.0.0（pure-rand 8.4.2 xoroshiro128plus）',
  committedAt: '2026-04-02 09:30',
  drawnAt: '2026-04-02 10:05',
  strata: [
    { name: 'A类（低风险）', poolCount: 820, poolHash: 'a3f1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9', drawCount: 8 },
    { name: 'B类', poolCount: 310, poolHash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0', drawCount: 16 }
  ],
  exclusions: [{ name: '临县某某超市', code: '92141124MA0K100099', reason: '本年度已被抽查2次（R2）' }],
  rule: ['A类按1%抽取，B类按5%抽取', '同一对象同一年度抽查不超过2次，A类不超过1次'],
  seedSources: [
    { label: '见证人现场输入数字', value: '583920' },
    { label: '福彩3D 2026089期开奖号码', value: '4 7 1' }
  ],
  derivedSeed: '9c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5',
  results: Array.from({ length: 24 }, (_, i) => ({
    order: i + 1,
    name: `临县第${i + 1}食品店`,
    code: `92141124MA0K${String(100000 + i)}`,
    stratum: i < 8 ? 'A类' : 'B类',
    team: `第${(i % 4) + 1}组`,
    leader: '赵伟',
    members: ['钱芳', '孙强']
  })),
  replacements: [{ original: '钱芳', replacement: '吴敏', reason: '健康状况', approvedBy: '县市场监管局分管负责人 郑军', at: '2026-04-03' }],
  operator: '王丽',
  witnesses: ['陈刚', '林晓'],
  supervisor: '县纪委监委派驻纪检组 何静',
  evidenceHash: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8'
}

export const publicResults: PublicResultsInput = {
  taskNumber: 'LX-2026-007',
  taskName: '2026年食品经营企业部门联合抽查',
  departments: ['临县市场监督管理局', '临县应急管理局'],
  publishDate: '2026-05-20',
  rows: Array.from({ length: 15 }, (_, i) => ({
    objectName: `临县第${i + 1}食品店`,
    objectCode: `92141124MA0K${String(100000 + i)}`,
    items: items.map((x) => x.name),
    result: i === 3 ? '发现问题已责令改正' : '未发现问题',
    authority: '临县市场监督管理局',
    completedOn: '2026-04-30'
  }))
}

export const workPlan: WorkPlanInput = {
  taskNumber: 'LX-2026-007',
  taskName: '2026年食品经营企业部门联合抽查',
  leadDepartment: '临县市场监督管理局',
  partnerDepartments: ['临县应急管理局'],
  recipients: '各成员单位',
  items,
  objectScope: '本县辖区内登记状态为存续的食品经营企业',
  objectCount: 1130,
  ratio: 'A类企业按1%、B类企业按5%、C类企业按10%、D类企业按20%的比例随机抽取',
  periodStart: '2026-04-08',
  periodEnd: '2026-04-30',
  methods: ['实地检查', '书面检查'],
  attachments: [
    { title: '联合抽查事项及分工', header: ['序号', '检查事项', '检查内容', '责任部门'], rows: items.map((x, i) => [String(i + 1), x.name, x.content, x.department]) }
  ],
  issueDate: '2026-04-01',
  copyTo: ['县人民政府办公室', '县司法局']
}
