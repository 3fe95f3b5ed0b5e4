/**
 * The joint tasks of the demo year, one for every state a task can be in.
 * Days are counted back from today (`ago`); the two tasks whose publication
 * deadline matters say how many working days from today it falls instead
 * (`dueIn`: −3 = three working days overdue).
 */
import type { ADHOC_REASONS, ObjectScopeInput, TaskStatus } from '@contract'

type AdhocReason = (typeof ADHOC_REASONS)[number]

export interface TaskDeptSpec {
  code: string
  items: number[]
  per: number
}

export interface TaskSpec {
  key: string
  /** plan entry key (plans.ts), or an ad-hoc reason */
  plan?: string
  adhoc?: AdhocReason
  name: string
  depts: TaskDeptSpec[]
  scope: ObjectScopeInput
  /** fixed counts per credit class A, B, C, D */
  counts: [number, number, number, number]
  target: TaskStatus
  /** days before today: task created and 方案 published */
  created: number
  /** days before today of the draw (negative: a draw date still to come) */
  drawn: number
  /** inspections: first check this many days before today … */
  checksFrom?: number
  /** … last check (the completion date) this many days before today */
  checksTo?: number
  /** for 已完成 tasks: the deadline relative to today in working days, instead of checksTo */
  dueIn?: number
  /** share of results entered for 检查中 (‰) */
  enteredPermille?: number
  /** days before today the results were published */
  publishedAgo?: number
  redraw?: string
  replacement?: boolean
  correction?: boolean
  cancelReason?: string
  /** 已公示 after the deadline (the 按时公示率 below 100 %) */
  late?: boolean
  /** 公示期 in days instead of the default three years, and one object whose publication was then stopped (信用修复) */
  publicDays?: number
  stopReason?: string
  /** 回访 records for the first objects */
  revisits?: number
}

const M = ['market'] as ObjectScopeInput['kinds']

export const TASK_SPECS: readonly TaskSpec[] = [
  {
    key: 'gongshi', plan: 'gongshi', name: '企业公示信息和登记事项联合抽查', target: '已公示',
    depts: [{ code: 'SCJG', items: [1, 5], per: 2 }, { code: 'SWU', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['批发零售', '居民服务', '机械制造'] }, counts: [2, 6, 5, 3],
    created: 262, drawn: 255, checksFrom: 240, checksTo: 214, publishedAgo: 205,
    publicDays: 180, stopReason: '公示期满，企业已申请信用修复并经审核同意'
  },
  {
    key: 'canyin', plan: 'canyin', name: '餐饮服务单位食品安全和公共卫生联合检查', target: '已公示',
    depts: [{ code: 'SCJG', items: [7], per: 2 }, { code: 'WJJ', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['餐饮服务'], townships: ['众兴街道', '城厢街道'] }, counts: [2, 6, 6, 4],
    created: 236, drawn: 229, checksFrom: 222, checksTo: 196, publishedAgo: 182,
    redraw: '第一次抽取时见证人输入的数字未经监督人核对，经联席会议办公室同意重新抽取',
    correction: true
  },
  {
    key: 'weihua', plan: 'weihua', name: '危险化学品经营单位联合检查', target: '已公示',
    depts: [{ code: 'YJGL', items: [1], per: 2 }, { code: 'STHJ', items: [2], per: 1 }, { code: 'XFJY', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['危险化学品'] }, counts: [1, 3, 3, 3],
    created: 208, drawn: 201, checksFrom: 190, checksTo: 170, publishedAgo: 160,
    replacement: true, revisits: 3
  },
  {
    key: 'jianzhu', plan: 'jianzhu', name: '建筑施工企业联合检查', target: '已公示',
    depts: [{ code: 'ZJJ', items: [1], per: 2 }, { code: 'RSJ', items: [2], per: 1 }, { code: 'YJGL', items: [2], per: 1 }],
    scope: { kinds: M, industries: ['建筑施工'] }, counts: [1, 4, 4, 3],
    created: 200, drawn: 193, checksFrom: 180, checksTo: 150, publishedAgo: 138
  },
  {
    key: 'yunshu', plan: 'yunshu', name: '道路运输和机动车维修企业联合检查', target: '已公示',
    depts: [{ code: 'JYUN', items: [1, 2], per: 2 }, { code: 'STHJ', items: [2], per: 1 }],
    scope: { kinds: M, industries: ['道路运输', '机动车维修'] }, counts: [1, 4, 4, 2],
    created: 170, drawn: 163, checksFrom: 150, checksTo: 125, publishedAgo: 85, late: true
  },
  {
    key: 'yiliao', plan: 'yiliao', name: '医疗机构和药品零售企业联合检查', target: '已公示',
    depts: [{ code: 'WJJ', items: [2], per: 2 }, { code: 'SCJG', items: [10], per: 1 }],
    scope: { industries: ['医疗服务', '药品零售'] }, counts: [1, 4, 3, 2],
    created: 120, drawn: 113, checksFrom: 105, checksTo: 84, publishedAgo: 70
  },
  {
    key: 'yule', plan: 'yule', name: '娱乐场所联合检查', target: '已完成',
    depts: [{ code: 'WLJ', items: [1], per: 2 }, { code: 'XFJY', items: [2], per: 1 }, { code: 'GAJ', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['娱乐场所'] }, counts: [1, 3, 3, 2],
    created: 80, drawn: 73, checksFrom: 66, dueIn: -3
  },
  {
    key: 'chengpinyou', plan: 'chengpinyou', name: '成品油零售企业联合检查', target: '已完成',
    depts: [{ code: 'SWJ', items: [1], per: 2 }, { code: 'SCJG', items: [12], per: 1 }, { code: 'YJGL', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['加油站'] }, counts: [1, 2, 2, 1],
    created: 60, drawn: 53, checksFrom: 45, dueIn: 3
  },
  {
    key: 'yanglao', plan: 'yanglao', name: '养老机构联合检查', target: '检查中',
    depts: [{ code: 'MZJ', items: [2], per: 2 }, { code: 'XFJY', items: [2], per: 1 }, { code: 'WJJ', items: [1], per: 1 }],
    scope: { industries: ['养老服务'] }, counts: [1, 3, 3, 2],
    created: 40, drawn: 33, checksFrom: 25, checksTo: 2, enteredPermille: 600
  },
  {
    key: 'peixun', plan: 'peixun', name: '校外培训机构联合检查', target: '检查中',
    depts: [{ code: 'JYJ', items: [1], per: 2 }, { code: 'XFJY', items: [2], per: 1 }],
    scope: { industries: ['教育培训'] }, counts: [1, 3, 3, 2],
    created: 30, drawn: 23, checksFrom: 16, checksTo: 1, enteredPermille: 300
  },
  {
    key: 'ranqi', plan: 'ranqi', name: '燃气经营企业联合检查', target: '已抽取',
    depts: [{ code: 'CGJ', items: [2], per: 2 }, { code: 'ZJJ', items: [3], per: 1 }, { code: 'XFJY', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['批发零售'], townships: ['众兴街道'] }, counts: [1, 2, 2, 1],
    created: 12, drawn: 4
  },
  {
    key: 'nongzi', plan: 'nongzi', name: '农资经营单位联合检查', target: '方案已公布',
    depts: [{ code: 'NYNC', items: [1, 2], per: 2 }, { code: 'SCJG', items: [6], per: 1 }],
    scope: { kinds: M, industries: ['农资经营'] }, counts: [1, 3, 3, 2],
    created: 3, drawn: -4
  },
  {
    key: 'lvguan', plan: 'lvguan', name: '旅馆业联合检查', target: '草稿',
    depts: [{ code: 'GAJ', items: [1], per: 2 }, { code: 'XFJY', items: [2], per: 1 }, { code: 'WJJ', items: [1], per: 1 }],
    scope: { kinds: M, industries: ['住宿服务'] }, counts: [1, 3, 3, 2],
    created: 1, drawn: -10
  },
  {
    key: 'renli', plan: 'renli', name: '人力资源服务机构联合检查', target: '已取消',
    depts: [{ code: 'RSJ', items: [3], per: 2 }, { code: 'SCJG', items: [5], per: 1 }],
    scope: { kinds: M, industries: ['居民服务'] }, counts: [1, 2, 2, 1],
    created: 130, drawn: 120,
    cancelReason: '上级部署人力资源市场专项整治，本任务并入专项整治统一开展'
  }
]
