/**
 * The 20 member departments that have inspectors in the demo county, with how
 * many (市场监管局 has by far the most, as in a real county), their 科室/执法机构
 * and the 业务专长 their staff have. Codes refer to departments/defaults.ts.
 */

export interface DeptProfile {
  code: string
  inspectors: number
  /** Formal unit name as written in the inspector registry (所在单位). */
  unit: string
  divisions: readonly string[]
  specialties: readonly string[]
}

export const DEPT_PROFILES: readonly DeptProfile[] = [
  {
    code: 'SCJG',
    inspectors: 83,
    unit: '泗阳县市场监督管理局',
    divisions: ['综合执法大队', '食品生产安全监督管理科', '食品经营安全监督管理科', '特种设备安全监察科', '药品医疗器械监督管理科', '信用监督管理科', '产品质量安全监督管理科', '计量科', '众兴分局', '城厢分局', '来安分局', '王集分局', '卢集分局', '爱园分局'],
    specialties: ['食品安全', '药品', '医疗器械', '特种设备', '计量', '产品质量', '广告监管', '价格监管', '企业信息公示', '知识产权']
  },
  { code: 'WJJ', inspectors: 20, unit: '泗阳县卫生健康委员会', divisions: ['卫生健康综合监督执法局', '医政医管科', '疾病预防控制科'], specialties: ['公共卫生', '医疗卫生', '职业卫生', '传染病防治'] },
  { code: 'YJGL', inspectors: 16, unit: '泗阳县应急管理局', divisions: ['应急管理综合行政执法大队', '危险化学品安全监督管理科', '工贸行业安全监督管理科'], specialties: ['安全生产', '危险化学品', '工贸安全'] },
  { code: 'STHJ', inspectors: 15, unit: '宿迁市泗阳生态环境局', divisions: ['生态环境综合行政执法大队', '环境影响评价科', '大气与水生态环境科'], specialties: ['环保', '危险废物', '环境影响评价'] },
  { code: 'JYUN', inspectors: 14, unit: '泗阳县交通运输局', divisions: ['交通运输综合行政执法大队', '运输管理科', '公路管理站'], specialties: ['交通运输', '道路运输', '机动车维修'] },
  { code: 'ZJJ', inspectors: 14, unit: '泗阳县住房和城乡建设局', divisions: ['建筑工程质量安全监督站', '建筑市场监管科', '房地产市场管理科'], specialties: ['建筑工程', '房地产', '燃气安全'] },
  { code: 'NYNC', inspectors: 14, unit: '泗阳县农业农村局', divisions: ['农业综合行政执法大队', '种植业管理科', '畜牧兽医科'], specialties: ['农资', '农产品质量安全', '动物防疫', '种子'] },
  { code: 'XFJY', inspectors: 12, unit: '泗阳县消防救援大队', divisions: ['防火监督科', '众兴消防救援站'], specialties: ['消防'] },
  { code: 'WLJ', inspectors: 12, unit: '泗阳县文化广电和旅游局', divisions: ['文化市场综合行政执法大队', '文化产业科'], specialties: ['文化市场', '旅游', '出版物'] },
  { code: 'JYJ', inspectors: 12, unit: '泗阳县教育局', divisions: ['教育督导室', '民办教育管理科', '安全管理科'], specialties: ['教育培训', '校园安全'] },
  { code: 'RSJ', inspectors: 12, unit: '泗阳县人力资源和社会保障局', divisions: ['劳动保障监察大队', '人力资源市场科'], specialties: ['劳动保障', '人力资源服务'] },
  { code: 'SWJ', inspectors: 10, unit: '泗阳县商务局', divisions: ['市场运行和消费促进科', '流通业发展科'], specialties: ['成品油流通', '单用途预付卡', '再生资源回收'] },
  { code: 'GAJ', inspectors: 10, unit: '泗阳县公安局', divisions: ['治安管理大队', '经济犯罪侦查大队'], specialties: ['治安管理', '特种行业'] },
  { code: 'CGJ', inspectors: 10, unit: '泗阳县城市管理局', divisions: ['城市管理综合行政执法大队', '市容环卫科'], specialties: ['城市管理', '燃气安全'] },
  { code: 'SWU', inspectors: 10, unit: '国家税务总局泗阳县税务局', divisions: ['稽查局', '征收管理股'], specialties: ['税收征管'] },
  { code: 'GXJ', inspectors: 8, unit: '泗阳县工业和信息化局', divisions: ['产业发展科', '节能与综合利用科'], specialties: ['节能监察', '工业安全'] },
  { code: 'SLJ', inspectors: 8, unit: '泗阳县水利局', divisions: ['水政监察大队', '水资源管理科'], specialties: ['水资源', '河道管理'] },
  { code: 'ZGJ', inspectors: 8, unit: '泗阳县自然资源和规划局', divisions: ['自然资源执法监察大队', '国土空间规划科'], specialties: ['土地管理', '测绘', '矿产资源'] },
  { code: 'MZJ', inspectors: 6, unit: '泗阳县民政局', divisions: ['社会组织管理科', '养老服务科'], specialties: ['社会组织', '养老服务'] },
  { code: 'YCJ', inspectors: 6, unit: '泗阳县烟草专卖局', divisions: ['专卖监督管理科'], specialties: ['烟草专卖'] }
]

/** 行政执法证 validity: issued for the certificate holder's department by one of these. */
export const CERT_AUTHORITIES: readonly (readonly [string, number])[] = [
  ['江苏省人民政府', 85],
  ['宿迁市人民政府', 15]
]

export const INACTIVE_REASONS: readonly string[] = ['离岗', '病休', '借调']
