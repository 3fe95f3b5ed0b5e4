/**
 * The county's 年度联合抽查计划 as the departments would report it (附件5):
 * entries initiated by 20 departments, most joint, two reported separately
 * and merged by the office, a few departments that neither initiate nor join
 * (the R12 report has names to show), one entry still a draft.
 */
import type { ObjectScopeInput, PlanEntry, PlanStatus } from '@contract'
import type { Ctx } from '../../context'
import { createPlanEntry, getPlanEntry } from '../../plans/service'
import { mergePlanEntries } from '../../plans/county'
import type { County } from './county'

interface EntrySpec {
  key: string
  task: string
  by: string
  joint?: string[]
  items: [string, ...number[]][]
  ratio: string
  month: number
  scope: ObjectScopeInput
  status?: PlanStatus
  checkType?: '定向' | '不定向'
}

const M = ['market'] as ObjectScopeInput['kinds']

export const PLAN_SPECS: readonly EntrySpec[] = [
  { key: 'gongshi', task: '企业公示信息和登记事项联合抽查', by: 'SCJG', joint: ['SWU', 'XZSP'], items: [['SCJG', 1, 5], ['SWU', 1]], ratio: '3%', month: 3, scope: { kinds: M } },
  { key: 'canyin', task: '餐饮服务单位食品安全联合检查', by: 'SCJG', items: [['SCJG', 7]], ratio: '5%', month: 4, scope: { kinds: M, industries: ['餐饮服务'] } },
  { key: 'canyin-wjj', task: '餐饮单位公共卫生监督检查', by: 'WJJ', items: [['WJJ', 1]], ratio: '5%', month: 4, scope: { kinds: M, industries: ['餐饮服务'] } },
  { key: 'weihua', task: '危险化学品经营单位联合检查', by: 'YJGL', joint: ['STHJ', 'XFJY'], items: [['YJGL', 1], ['STHJ', 2], ['XFJY', 1]], ratio: '重点单位全覆盖，一般单位10%', month: 5, scope: { kinds: M, industries: ['危险化学品'] } },
  { key: 'jianzhu', task: '建筑施工企业联合检查', by: 'ZJJ', joint: ['RSJ', 'YJGL'], items: [['ZJJ', 1], ['RSJ', 2], ['YJGL', 2]], ratio: '10%', month: 5, scope: { kinds: M, industries: ['建筑施工'] } },
  { key: 'yunshu', task: '道路运输和机动车维修企业联合检查', by: 'JYUN', joint: ['STHJ'], items: [['JYUN', 1, 2], ['STHJ', 2]], ratio: '5%', month: 6, scope: { kinds: M, industries: ['道路运输', '机动车维修'] } },
  { key: 'yule', task: '娱乐场所联合检查', by: 'WLJ', joint: ['XFJY', 'GAJ'], items: [['WLJ', 1], ['XFJY', 2], ['GAJ', 1]], ratio: '10%', month: 9, scope: { kinds: M, industries: ['娱乐场所'] } },
  { key: 'chengpinyou', task: '成品油零售企业联合检查', by: 'SWJ', joint: ['SCJG', 'YJGL'], items: [['SWJ', 1], ['SCJG', 12], ['YJGL', 1]], ratio: '20%', month: 9, scope: { kinds: M, industries: ['加油站'] } },
  { key: 'yanglao', task: '养老机构联合检查', by: 'MZJ', joint: ['XFJY', 'WJJ'], items: [['MZJ', 2], ['XFJY', 2], ['WJJ', 1]], ratio: '全覆盖', month: 10, scope: { industries: ['养老服务'] } },
  { key: 'peixun', task: '校外培训机构联合检查', by: 'JYJ', joint: ['XFJY'], items: [['JYJ', 1], ['XFJY', 2]], ratio: '10%', month: 10, scope: { industries: ['教育培训'] } },
  { key: 'ranqi', task: '燃气经营企业联合检查', by: 'CGJ', joint: ['ZJJ', 'XFJY'], items: [['CGJ', 2], ['ZJJ', 3], ['XFJY', 1]], ratio: '全覆盖', month: 11, scope: { kinds: M } },
  { key: 'nongzi', task: '农资经营单位联合检查', by: 'NYNC', joint: ['SCJG'], items: [['NYNC', 1, 2], ['SCJG', 6]], ratio: '5%', month: 12, scope: { kinds: M, industries: ['农资经营'] } },
  { key: 'lvguan', task: '旅馆业联合检查', by: 'GAJ', joint: ['XFJY', 'WJJ'], items: [['GAJ', 1], ['XFJY', 2], ['WJJ', 1]], ratio: '10%', month: 12, scope: { kinds: M, industries: ['住宿服务'] } },
  { key: 'yiliao', task: '医疗机构和药品零售企业联合检查', by: 'WJJ', joint: ['SCJG', 'YBJ'], items: [['WJJ', 2], ['SCJG', 10]], ratio: '5%', month: 8, scope: { industries: ['医疗服务', '药品零售'] } },
  { key: 'renli', task: '人力资源服务机构联合检查', by: 'RSJ', joint: ['SCJG'], items: [['RSJ', 3], ['SCJG', 5]], ratio: '20%', month: 7, scope: { kinds: M } },
  { key: 'jieneng', task: '重点用能单位节能监察', by: 'GXJ', joint: ['STHJ', 'FGJ'], items: [['GXJ', 1], ['STHJ', 1]], ratio: '10%', month: 7, scope: { kinds: M, industries: ['机械制造', '纺织服装', '木材加工'] } },
  { key: 'paiwu', task: '排污单位联合检查', by: 'STHJ', joint: ['GXJ', 'TJJ'], items: [['STHJ', 1], ['GXJ', 1]], ratio: '5%', month: 6, scope: { kinds: M, industries: ['木材加工', '机械制造'] } },
  { key: 'fapiao', task: '发票使用和管理情况检查', by: 'SWU', joint: ['SCJG'], items: [['SWU', 1], ['SCJG', 2]], ratio: '1%', month: 8, scope: { kinds: M } },
  { key: 'qushui', task: '取用水单位取水许可检查', by: 'SLJ', joint: ['STHJ'], items: [['SLJ', 1], ['STHJ', 1]], ratio: '10%', month: 6, scope: { kinds: M, industries: ['农业种养殖'] } },
  { key: 'cehui', task: '测绘资质单位检查', by: 'ZGJ', joint: ['ZJJ'], items: [['ZGJ', 1], ['ZJJ', 2]], ratio: '20%', month: 8, scope: { kinds: M } },
  { key: 'yancao', task: '烟草制品零售持证户检查', by: 'YCJ', items: [['YCJ', 1]], ratio: '3%', month: 9, scope: { kinds: M, industries: ['食品销售'] } },
  { key: 'xiaofang', task: '消防安全重点单位检查', by: 'XFJY', items: [['XFJY', 1]], ratio: '全覆盖', month: 11, scope: {}, status: '草稿' }
]

/** The entries as the departments report them in the first weeks of the year, by key. */
export function buildPlans(ctx: Ctx, c: County, year: number): Map<string, PlanEntry> {
  const out = new Map<string, PlanEntry>()
  for (const s of PLAN_SPECS) {
    const e = createPlanEntry(ctx, {
      year,
      planName: `${year}年度泗阳县部门联合“双随机、一公开”抽查计划`,
      taskName: s.task,
      checkType: s.checkType ?? '不定向',
      ratioText: s.ratio,
      itemUids: s.items.flatMap(([code, ...pos]) => c.items(code, ...pos)),
      scope: s.scope,
      initiatorDeptId: c.dept(s.by),
      jointDeptIds: (s.joint ?? []).map((j) => c.dept(j)),
      drawDate: `${year}-${String(s.month).padStart(2, '0')}`,
      inspectionTime: `${s.month}月至${Math.min(12, s.month + 1)}月`,
      status: s.status ?? '已报送'
    })
    out.set(s.key, e)
  }
  return out
}

/** The office merges the two 餐饮 entries reported separately by 市场监管 and 卫健 into one joint entry. */
export function mergeReported(ctx: Ctx, plans: ReadonlyMap<string, PlanEntry>): Map<string, PlanEntry> {
  const keep = mergePlanEntries(ctx, plans.get('canyin')!.id, [plans.get('canyin-wjj')!.id])
  return new Map([
    ['canyin', keep],
    ['canyin-wjj', getPlanEntry(ctx, plans.get('canyin-wjj')!.id)]
  ])
}
