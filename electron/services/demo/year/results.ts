/**
 * What the inspectors found at one drawn object for one item: mostly nothing,
 * a share of problems corrected on the spot, a few handed over to the
 * 办案机构 with a case number, a few not reachable at the registered address.
 * Kept apart from run.ts so that the lists of result codes are used in one place.
 */
import type { ResultInput } from '@contract'
import type { Rng } from '../rng'

export interface Visit {
  objectCode: string
  deptId: number
  itemUid: string
  checkDate: string
  inspectors: { name: string; certNo: string; deptName: string }[]
  /** the initiating department's items carry most findings */
  lead: boolean
  caseNo: () => string
}

const CORRECTED = ['经营场所卫生状况不达标，已当场责令清理整改', '进货查验记录不全，已责令补齐台账', '从业人员健康证明过期，已责令限期办理', '安全管理制度未上墙公示，已当场整改', '消防器材过期未更换，已责令更换']
const REFERRED = ['涉嫌销售过期食品，现场扣押涉案物品', '涉嫌无证经营，已调查取证', '涉嫌虚假宣传，已固定证据', '涉嫌未按规定储存危险化学品，已责令停止使用相关库房']

export function resultFor(rng: Rng, v: Visit): ResultInput {
  const methods: ResultInput['methods'] = rng.chance(300) ? ['实地检查', '书面检查'] : ['实地检查']
  const base = { objectCode: v.objectCode, deptId: v.deptId, itemUid: v.itemUid, checkDate: v.checkDate, inspectors: v.inspectors, methods }
  const roll = rng.int(0, 999)
  const p = v.lead ? 1 : 0.4
  if (roll < 120 * p) return { ...base, category: '发现问题已责令改正', findings: rng.pick(CORRECTED), disposal: '责令改正' }
  if (roll < 170 * p) return { ...base, category: rng.chance(500) ? '违反食品药品管理相关规定' : '违反其他部门相关规定', findings: rng.pick(REFERRED), disposal: '移送办案机构', caseNo: v.caseNo() }
  if (roll < 200 * p) {
    return { ...base, category: '通过登记的住所（经营场所）无法联系', findings: '检查人员两次到登记住所均未找到经营者', disposal: '列入经营异常名录', evidence: '现场照片 2 张，电话联系记录，邮寄告知书被退回的凭证' }
  }
  if (roll < 220 * p) return { ...base, category: '未发现开展本次抽查涉及的经营活动', findings: '经营者已转型，现场未见相关经营活动', disposal: '无需处置' }
  if (roll < 235 * p) return { ...base, category: '已关闭停业或正在组织清算', findings: '现场已停业，正在办理清算', disposal: '反馈日常监管部门' }
  return { ...base, category: '未发现问题', disposal: '无需处置' }
}
