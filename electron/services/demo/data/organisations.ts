/**
 * 机关/事业单位 and 社会团体 of the demo county. A county has only so many of
 * them, so they are built from fixed lists (county level, one set per township,
 * one per 村/社区) rather than invented freely; the generator samples from these.
 */
import { TOWNSHIPS, type Township } from './places'
import { TRADE_NAMES } from './names'

export interface Organisation {
  name: string
  /** 机关 / 事业单位 / 社会团体 / 民办非企业单位. */
  entityType: string
  industry: string
  dept: string
  /** Where it sits; null = the county town. */
  township: string | null
  tags?: string
}

const short = (t: Township) => t.name.replace(/(街道|镇|乡)$/, '')

const COUNTY_INSTITUTIONS: readonly (readonly [string, string, string, string])[] = [
  // [name, entityType, industry, dept]
  ['泗阳县人民政府办公室', '机关', '公共管理', 'XZSP'],
  ['泗阳县人民法院', '机关', '公共管理', 'SFJ'],
  ['泗阳县人民检察院', '机关', '公共管理', 'SFJ'],
  ['泗阳县发展和改革委员会', '机关', '公共管理', 'FGJ'],
  ['泗阳县教育局', '机关', '公共管理', 'JYJ'],
  ['泗阳县民政局', '机关', '公共管理', 'MZJ'],
  ['泗阳县财政局', '机关', '公共管理', 'CZJ'],
  ['泗阳县人力资源和社会保障局', '机关', '公共管理', 'RSJ'],
  ['泗阳县住房和城乡建设局', '机关', '公共管理', 'ZJJ'],
  ['泗阳县交通运输局', '机关', '公共管理', 'JYUN'],
  ['泗阳县水利局', '机关', '公共管理', 'SLJ'],
  ['泗阳县农业农村局', '机关', '公共管理', 'NYNC'],
  ['泗阳县商务局', '机关', '公共管理', 'SWJ'],
  ['泗阳县卫生健康委员会', '机关', '公共管理', 'WJJ'],
  ['泗阳县统计局', '机关', '公共管理', 'TJJ'],
  ['泗阳县医疗保障局', '机关', '公共管理', 'YBJ'],
  ['泗阳中学', '事业单位', '教育', 'JYJ'],
  ['泗阳致远中学', '事业单位', '教育', 'JYJ'],
  ['泗阳县实验高级中学', '事业单位', '教育', 'JYJ'],
  ['泗阳县实验初级中学', '事业单位', '教育', 'JYJ'],
  ['泗阳县实验小学', '事业单位', '教育', 'JYJ'],
  ['泗阳县第二实验小学', '事业单位', '教育', 'JYJ'],
  ['泗阳县机关幼儿园', '事业单位', '教育', 'JYJ'],
  ['泗阳中等专业学校', '事业单位', '教育', 'JYJ'],
  ['泗阳县特殊教育学校', '事业单位', '教育', 'JYJ'],
  ['泗阳县中医院', '事业单位', '卫生', 'WJJ'],
  ['泗阳县妇幼保健院', '事业单位', '卫生', 'WJJ'],
  ['泗阳县疾病预防控制中心', '事业单位', '卫生', 'WJJ'],
  ['泗阳县精神康复医院', '事业单位', '卫生', 'WJJ'],
  ['泗阳县图书馆', '事业单位', '文化', 'WLJ'],
  ['泗阳县文化馆', '事业单位', '文化', 'WLJ'],
  ['泗阳县博物馆', '事业单位', '文化', 'WLJ'],
  ['泗阳县档案馆', '事业单位', '文化', 'XZSP'],
  ['泗阳县融媒体中心', '事业单位', '文化', 'WLJ'],
  ['泗阳县体育运动学校', '事业单位', '教育', 'WLJ'],
  ['泗阳县社会福利院', '事业单位', '养老服务', 'MZJ'],
  ['泗阳县殡仪馆', '事业单位', '社会保障', 'MZJ'],
  ['泗阳县公共资源交易中心', '事业单位', '公共管理', 'XZSP'],
  ['泗阳县不动产登记中心', '事业单位', '公共管理', 'ZGJ'],
  ['泗阳县农业技术推广中心', '事业单位', '农业服务', 'NYNC'],
  ['泗阳县动物疫病预防控制中心', '事业单位', '农业服务', 'NYNC'],
  ['泗阳县农产品质量安全检测中心', '事业单位', '农业服务', 'NYNC'],
  ['泗阳县检验检测中心', '事业单位', '质量技术服务', 'SCJG'],
  ['泗阳县公路管理站', '事业单位', '交通运输', 'JYUN'],
  ['泗阳县水利工程管理处', '事业单位', '水利管理', 'SLJ'],
  ['泗阳县自来水供应管理中心', '事业单位', '水利管理', 'SLJ'],
  ['泗阳县社会保险基金管理中心', '事业单位', '社会保障', 'RSJ'],
  ['泗阳县公共就业和人才服务中心', '事业单位', '社会保障', 'RSJ'],
  ['泗阳县住房公积金管理中心', '事业单位', '公共管理', 'ZJJ'],
  ['泗阳县城市建设档案馆', '事业单位', '公共管理', 'ZJJ'],
  ['泗阳县环境监测站', '事业单位', '生态环境', 'STHJ'],
  ['泗阳县气象台', '事业单位', '公共管理', 'QXJ'],
  ['泗阳县应急管理综合服务中心', '事业单位', '公共管理', 'YJGL'],
  ['泗阳县退役军人服务中心', '事业单位', '社会保障', 'MZJ'],
  ['泗阳县政务服务中心', '事业单位', '公共管理', 'XZSP'],
  ['泗阳县公证处', '事业单位', '法律服务', 'SFJ'],
  ['泗阳县法律援助中心', '事业单位', '法律服务', 'SFJ'],
  ['泗阳县城市管理服务中心', '事业单位', '公共管理', 'CGJ'],
  ['泗阳县园林绿化管理处', '事业单位', '公共管理', 'CGJ'],
  ['泗阳县林业技术指导站', '事业单位', '农业服务', 'ZGJ']
]

/** [suffix, entityType, industry, dept] — one of each per township. */
const TOWNSHIP_INSTITUTIONS: readonly (readonly [string, string, string, string])[] = [
  ['中心小学', '事业单位', '教育', 'JYJ'],
  ['初级中学', '事业单位', '教育', 'JYJ'],
  ['中心幼儿园', '事业单位', '教育', 'JYJ'],
  ['卫生院', '事业单位', '卫生', 'WJJ'],
  ['农业经济技术服务中心', '事业单位', '农业服务', 'NYNC'],
  ['水利站', '事业单位', '水利管理', 'SLJ'],
  ['文化体育服务中心', '事业单位', '文化', 'WLJ'],
  ['社会事业服务中心', '事业单位', '社会保障', 'MZJ'],
  ['便民服务中心', '事业单位', '公共管理', 'XZSP'],
  ['敬老院', '事业单位', '养老服务', 'MZJ'],
  ['畜牧兽医站', '事业单位', '农业服务', 'NYNC'],
  ['农机服务站', '事业单位', '农业服务', 'NYNC'],
  ['退役军人服务站', '事业单位', '社会保障', 'MZJ'],
  ['劳动保障事务所', '事业单位', '社会保障', 'RSJ'],
  ['规划建设服务中心', '事业单位', '公共管理', 'ZJJ'],
  ['统计站', '事业单位', '公共管理', 'TJJ'],
  ['安全生产监督管理站', '事业单位', '公共管理', 'YJGL'],
  ['财政所', '机关', '公共管理', 'CZJ'],
  ['综合行政执法局', '机关', '公共管理', 'CGJ']
]

/** [suffix, entityType, industry, dept, urban variant] per 村/社区. */
const VILLAGE_INSTITUTIONS: readonly (readonly [string, string, string, string, string])[] = [
  ['小学', '事业单位', '教育', 'JYJ', '小学'],
  ['幼儿园', '事业单位', '教育', 'JYJ', '幼儿园'],
  ['卫生室', '事业单位', '卫生', 'WJJ', '社区卫生服务站'],
  ['综合文化服务中心', '事业单位', '文化', 'WLJ', '综合文化服务中心'],
  ['居家养老服务站', '事业单位', '养老服务', 'MZJ', '居家养老服务站'],
  ['便民服务站', '事业单位', '公共管理', 'XZSP', '便民服务站']
]

export function institutionPool(): Organisation[] {
  const out: Organisation[] = COUNTY_INSTITUTIONS.map(([name, entityType, industry, dept]) => ({ name, entityType, industry, dept, township: null }))
  for (const t of TOWNSHIPS) {
    const s = short(t)
    out.push({ name: t.urban ? `泗阳县人民政府${t.name}办事处` : `泗阳县${t.name}人民政府`, entityType: '机关', industry: '公共管理', dept: 'XZSP', township: t.name })
    out.push({ name: `泗阳县公安局${s}派出所`, entityType: '机关', industry: '公共管理', dept: 'GAJ', township: t.name })
    out.push({ name: `泗阳县司法局${s}司法所`, entityType: '机关', industry: '法律服务', dept: 'SFJ', township: t.name })
    for (const [suffix, entityType, industry, dept] of TOWNSHIP_INSTITUTIONS) {
      const name = t.urban && suffix === '卫生院' ? `泗阳县${t.name}社区卫生服务中心` : `泗阳县${t.name}${suffix}`
      out.push({ name, entityType, industry, dept, township: t.name, tags: industry === '教育' ? '消防安全重点单位' : '' })
    }
    for (const v of t.villages) {
      for (const [suffix, entityType, industry, dept, urbanSuffix] of VILLAGE_INSTITUTIONS) {
        out.push({ name: `泗阳县${t.name}${v}${t.urban ? urbanSuffix : suffix}`, entityType, industry, dept, township: t.name })
      }
    }
  }
  return out
}

const COUNTY_SOCIETIES: readonly string[] = [
  '个体劳动者协会', '私营企业协会', '消费者协会', '餐饮行业协会', '食品工业协会', '建筑业协会', '房地产业协会', '道路运输协会',
  '机动车维修行业协会', '木材行业协会', '意杨产业协会', '纺织服装商会', '电子商务协会', '物流协会', '美容美发行业协会', '旅游协会',
  '民办教育协会', '养老服务业协会', '医师协会', '药学会', '护理学会', '律师协会', '会计学会', '注册会计师协会', '企业家协会',
  '青年企业家协会', '女企业家协会', '工商业联合会商会', '浙江商会', '温州商会', '福建商会', '安徽商会', '山东商会', '河南商会',
  '苏南商会', '书法家协会', '美术家协会', '摄影家协会', '作家协会', '音乐家协会', '舞蹈家协会', '戏剧家协会', '民间文艺家协会',
  '诗词协会', '楹联协会', '老年人体育协会', '篮球协会', '足球协会', '乒乓球协会', '羽毛球协会', '围棋协会', '象棋协会', '太极拳协会',
  '钓鱼协会', '自行车运动协会', '老科技工作者协会', '科学技术协会学会服务中心', '慈善总会', '红十字会志愿服务协会', '志愿者协会',
  '义工联合会', '残疾人福利基金会', '见义勇为基金会', '关心下一代工作委员会', '老年大学校友会', '禁毒协会', '反邪教协会', '法学会',
  '信用协会', '质量协会', '计量测试学会', '标准化协会', '农学会', '畜牧兽医学会', '水产学会', '蔬菜协会', '花卉协会', '蜂业协会',
  '果品协会', '粮食行业协会', '家庭农场协会', '农民专业合作社联合会', '水利学会', '土木建筑学会', '气象学会', '地方志学会'
]

const SOCIETY_TOWNSHIP: readonly string[] = ['商会', '老年人体育协会', '志愿者协会', '慈善分会', '个体劳动者协会分会', '文化艺术协会', '农业科技协会']
const SOCIETY_VILLAGE: readonly string[] = ['农民用水户协会', '老年协会']
const PRIVATE_NONPROFIT: readonly (readonly [string, string, string])[] = [
  // [suffix, industry, dept]
  ['幼儿园', '民办教育', 'JYJ'],
  ['培训学校', '民办教育', 'JYJ'],
  ['职业技能培训学校', '民办教育', 'RSJ'],
  ['颐养院', '养老服务', 'MZJ'],
  ['社会工作服务中心', '社会服务', 'MZJ'],
  ['体育俱乐部', '体育', 'WLJ']
]

export function socialPool(): Organisation[] {
  const out: Organisation[] = COUNTY_SOCIETIES.map((s) => ({ name: `泗阳县${s}`, entityType: '社会团体', industry: '社会团体', dept: 'MZJ', township: null }))
  for (const t of TOWNSHIPS) {
    for (const s of SOCIETY_TOWNSHIP) out.push({ name: `泗阳县${t.name}${s}`, entityType: '社会团体', industry: '社会团体', dept: 'MZJ', township: t.name })
    if (!t.urban) for (const v of t.villages) for (const s of SOCIETY_VILLAGE) out.push({ name: `泗阳县${t.name}${v}村${s}`, entityType: '社会团体', industry: '社会团体', dept: s.includes('用水') ? 'SLJ' : 'MZJ', township: t.name })
  }
  for (const w of TRADE_NAMES) {
    for (const [suffix, industry, dept] of PRIVATE_NONPROFIT) {
      out.push({ name: `泗阳县${w}${suffix}`, entityType: '民办非企业单位', industry, dept, township: null, tags: industry === '民办教育' || industry === '养老服务' ? '消防安全重点单位' : '' })
    }
  }
  return out
}
