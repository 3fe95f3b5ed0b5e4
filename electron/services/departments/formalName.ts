/**
 * The name a member unit signs with. Seed 001 lists the units by their short
 * names (县市场监管局, 县卫健局 …) and those are what the 成员单位 list is seeded
 * with, but a 通知书 or 工作方案 goes out under the organ's full name with the
 * county in front (泗阳县市场监督管理局). A unit the office has renamed keeps
 * the name it was given; a bare leading 县 is still replaced by the county.
 */
import { DEFAULT_DEPARTMENTS } from './defaults'

/** Full names of the seeded units by code; `{县}` stands for the county (e.g. 泗阳县). */
const FORMAL: Readonly<Record<string, string>> = {
  SCJG: '{县}市场监督管理局',
  FGJ: '{县}发展和改革局',
  GXJ: '{县}工业和信息化局',
  JYJ: '{县}教育局',
  GAJ: '{县}公安局',
  MZJ: '{县}民政局',
  SFJ: '{县}司法局',
  RSJ: '{县}人力资源和社会保障局',
  CZJ: '{县}财政局',
  ZGJ: '{县}自然资源和规划局',
  KJJ: '{县}科学技术局',
  ZJJ: '{县}住房和城乡建设局',
  CGJ: '{县}城市管理局',
  JYUN: '{县}交通运输局',
  SLJ: '{县}水利局',
  NYNC: '{县}农业农村局',
  MZZJ: '{县}民族宗教事务局',
  SWJ: '{县}商务局',
  WLJ: '{县}文化广电和旅游局',
  WJJ: '{县}卫生健康局',
  STHJ: '{县}生态环境局',
  YJGL: '{县}应急管理局',
  SWU: '国家税务总局{县}税务局',
  QXJ: '{县}气象局',
  YCJ: '{县}烟草专卖局',
  TJJ: '{县}统计局',
  YBJ: '{县}医疗保障局',
  XFJY: '{县}消防救援大队',
  XZSP: '{县}行政审批局',
  RMYH: '中国人民银行{县}支行'
}

const SEEDED_NAME = new Map(DEFAULT_DEPARTMENTS.map(([name, , code]) => [code, name]))

export function formalDeptName(county: string, dept: { name: string; code: string }): string {
  const template = FORMAL[dept.code]
  if (template && SEEDED_NAME.get(dept.code) === dept.name) return template.replace('{县}', county)
  // “县XX局” typed by the office: the county's own name instead of the bare 县
  if (/^县[^级城]/.test(dept.name) && county && !dept.name.startsWith(county)) return `${county}${dept.name.slice(1)}`
  return dept.name
}
