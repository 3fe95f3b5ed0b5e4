/**
 * The market entities of the demo county by industry: how common each is, which
 * department supervises it, the words their names are made of, and the wording
 * of their 经营范围. The industry names are the ones the demo item lists target.
 */

export interface Industry {
  name: string
  /** Relative number of market entities. */
  weight: number
  /** Code of the supervising member department (departments/defaults.ts). */
  dept: string
  /** Share (‰) of 个体工商户 and of 农民专业合作社; the rest are enterprises. */
  solo: number
  coop?: number
  /** 行业 part of an enterprise name: 泗阳县{字号}{word}有限公司. */
  companyWords: readonly string[]
  /** Signboard of a 个体户: 泗阳县{township}{owner}{word}. */
  shopWords: readonly string[]
  /** 经营范围 fragments; two or three are joined. */
  scope: readonly string[]
  /** Tags given to some entities of this industry. [tag, ‰] */
  tags?: readonly (readonly [string, number])[]
}

export const LICENSE_NOTE = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）'

export const INDUSTRIES: readonly Industry[] = [
  {
    name: '餐饮服务',
    weight: 180,
    dept: 'SCJG',
    solo: 900,
    companyWords: ['餐饮管理', '餐饮服务', '餐饮'],
    shopWords: ['小吃店', '饭店', '面馆', '快餐店', '烧烤店', '早点铺', '菜馆', '火锅店', '饺子馆', '羊肉馆', '土菜馆', '奶茶店'],
    scope: ['餐饮服务', '食品销售（仅销售预包装食品）', '小餐饮', '外卖递送服务', '餐饮管理'],
    tags: [['校园周边', 40], ['重点监管', 20]]
  },
  {
    name: '食品销售',
    weight: 170,
    dept: 'SCJG',
    solo: 880,
    companyWords: ['商贸', '食品', '超市', '农产品'],
    shopWords: ['超市', '便利店', '副食品店', '食品商行', '烟酒店', '水果店', '粮油店', '生鲜店', '批发部', '小卖部'],
    scope: ['食品销售', '食品销售（仅销售预包装食品）', '日用百货销售', '烟草制品零售', '新鲜水果零售', '食用农产品零售', '保健食品（预包装）销售'],
    tags: [['校园周边', 30], ['重点监管', 15]]
  },
  {
    name: '食品生产',
    weight: 14,
    dept: 'SCJG',
    solo: 300,
    companyWords: ['食品', '粮油', '面粉', '米业', '酒业', '豆制品'],
    shopWords: ['糕点坊', '豆制品加工坊', '油坊', '面条加工坊', '熟食加工坊'],
    scope: ['食品生产', '粮食加工食品生产', '食品小作坊经营', '食用油加工', '糕点制造'],
    tags: [['食品生产专项', 1000], ['重点监管', 300]]
  },
  {
    name: '药品零售',
    weight: 25,
    dept: 'SCJG',
    solo: 350,
    companyWords: ['大药房', '医药', '药房'],
    shopWords: ['药店', '大药房'],
    scope: ['药品零售', '第二类医疗器械销售', '保健食品（预包装）销售', '消毒剂销售（不含危险化学品）', '中药饮片零售'],
    tags: [['重点监管', 200]]
  },
  {
    name: '医疗器械经营',
    weight: 8,
    dept: 'SCJG',
    solo: 200,
    companyWords: ['医疗器械', '医疗科技'],
    shopWords: ['医疗器械店', '助听器验配中心'],
    scope: ['第二类医疗器械销售', '第三类医疗器械经营', '医护人员防护用品零售', '康复辅具适配服务']
  },
  {
    name: '建筑施工',
    weight: 45,
    dept: 'ZJJ',
    solo: 60,
    companyWords: ['建筑工程', '建设工程', '建筑劳务', '建筑安装工程', '装饰工程', '市政工程'],
    shopWords: ['装潢部', '水电安装部'],
    scope: ['建设工程施工', '建筑劳务分包', '住宅室内装饰装修', '市政设施管理', '土石方工程施工', '园林绿化工程施工'],
    tags: [['重点监管', 80]]
  },
  {
    name: '房地产开发',
    weight: 8,
    dept: 'ZJJ',
    solo: 0,
    companyWords: ['置业', '房地产开发', '地产'],
    shopWords: [],
    scope: ['房地产开发经营', '物业管理', '住房租赁', '非居住房地产租赁']
  },
  {
    name: '道路运输',
    weight: 45,
    dept: 'JYUN',
    solo: 600,
    companyWords: ['物流', '运输', '货运', '供应链管理'],
    shopWords: ['货运部', '物流配送站', '运输服务部'],
    scope: ['道路货物运输（不含危险货物）', '普通货物仓储服务', '国内货物运输代理', '装卸搬运'],
    tags: [['重点监管', 40]]
  },
  {
    name: '机动车维修',
    weight: 30,
    dept: 'JYUN',
    solo: 850,
    companyWords: ['汽车服务', '汽车销售服务', '汽车维修'],
    shopWords: ['汽修店', '汽车修理厂', '汽车美容店', '轮胎店', '摩托车修理部', '电动车维修部'],
    scope: ['机动车修理和维护', '汽车零配件零售', '洗车服务', '轮胎销售', '电动自行车维修']
  },
  {
    name: '危险化学品',
    weight: 6,
    dept: 'YJGL',
    solo: 100,
    companyWords: ['化工', '化工贸易', '气体', '燃气'],
    shopWords: ['液化气供应站', '油漆化工店'],
    scope: ['危险化学品经营', '危险化学品经营（不带储存设施）', '化工产品销售（不含许可类化工产品）', '燃气经营'],
    tags: [['重点监管', 600], ['特种设备专项', 300]]
  },
  {
    name: '加油站',
    weight: 4,
    dept: 'SWJ',
    solo: 0,
    companyWords: ['石油', '石化', '能源', '加油站'],
    shopWords: [],
    scope: ['成品油零售', '危险化学品经营', '润滑油销售', '食品销售（仅销售预包装食品）'],
    tags: [['重点监管', 500], ['特种设备专项', 400]]
  },
  {
    name: '特种设备使用',
    weight: 10,
    dept: 'SCJG',
    solo: 50,
    companyWords: ['热力', '起重设备', '电梯工程', '锅炉', '压力容器'],
    shopWords: ['锅炉房'],
    scope: ['热力生产和供应', '特种设备安装改造修理', '起重机械租赁', '电梯销售', '特种设备销售'],
    tags: [['特种设备专项', 1000], ['重点监管', 200]]
  },
  {
    name: '木材加工',
    weight: 40,
    dept: 'GXJ',
    solo: 300,
    companyWords: ['木业', '板业', '木制品', '家具制造'],
    shopWords: ['木材加工厂', '板材加工厂', '旋切加工厂'],
    scope: ['木材加工', '人造板制造', '胶合板销售', '木材收购', '家具制造', '林业产品销售'],
    tags: [['特种设备专项', 250], ['重点监管', 80]]
  },
  {
    name: '机械制造',
    weight: 25,
    dept: 'GXJ',
    solo: 200,
    companyWords: ['机械制造', '机械设备', '五金制品', '金属制品'],
    shopWords: ['机械加工厂', '电焊加工部', '五金加工厂'],
    scope: ['通用设备制造（不含特种设备制造）', '机械零件、零部件加工', '金属结构制造', '五金产品制造'],
    tags: [['特种设备专项', 200]]
  },
  {
    name: '纺织服装',
    weight: 30,
    dept: 'GXJ',
    solo: 400,
    companyWords: ['纺织', '服饰', '制衣', '针织'],
    shopWords: ['服装加工厂', '制衣坊', '毛衫加工厂'],
    scope: ['服装制造', '针纺织品销售', '面料纺织加工', '服装服饰零售']
  },
  {
    name: '电子信息',
    weight: 20,
    dept: 'GXJ',
    solo: 100,
    companyWords: ['电子科技', '光电科技', '信息技术', '智能科技'],
    shopWords: ['电脑维修部', '网络工作室'],
    scope: ['电子元器件制造', '软件开发', '信息系统集成服务', '计算机软硬件及辅助设备零售', '光电子器件销售']
  },
  {
    name: '教育培训',
    weight: 20,
    dept: 'JYJ',
    solo: 150,
    companyWords: ['教育咨询', '文化传播', '教育科技', '艺术培训'],
    shopWords: ['书画室', '琴行', '托管中心'],
    scope: ['教育咨询服务（不含涉许可审批的教育培训活动）', '文艺培训', '体育培训', '组织文化艺术交流活动'],
    tags: [['校园周边', 400], ['消防安全重点单位', 60]]
  },
  {
    name: '养老服务',
    weight: 6,
    dept: 'MZJ',
    solo: 100,
    companyWords: ['养老服务', '康养', '健康管理'],
    shopWords: ['颐养中心'],
    scope: ['养老服务', '居家养老服务', '护理机构服务（不含医疗服务）', '康复辅具适配服务'],
    tags: [['消防安全重点单位', 300], ['重点监管', 200]]
  },
  {
    name: '娱乐场所',
    weight: 15,
    dept: 'WLJ',
    solo: 500,
    companyWords: ['娱乐', '文化娱乐', '网络科技', '文化传媒'],
    shopWords: ['KTV', '网吧', '棋牌室', '台球室', '电竞馆'],
    scope: ['歌舞娱乐活动', '互联网上网服务', '棋牌室服务', '台球活动', '游艺娱乐活动'],
    tags: [['消防安全重点单位', 300], ['校园周边', 100], ['重点监管', 150]]
  },
  {
    name: '住宿服务',
    weight: 25,
    dept: 'WJJ',
    solo: 700,
    companyWords: ['酒店管理', '宾馆', '酒店'],
    shopWords: ['宾馆', '旅馆', '快捷酒店', '招待所', '民宿'],
    scope: ['住宿服务', '餐饮服务', '洗浴服务', '会议及展览服务'],
    tags: [['消防安全重点单位', 200], ['特种设备专项', 100]]
  },
  {
    name: '美容美发',
    weight: 50,
    dept: 'WJJ',
    solo: 950,
    companyWords: ['美容服务', '美业', '形象设计'],
    shopWords: ['理发店', '美发店', '美容店', '美甲店', '发型工作室', '足浴店'],
    scope: ['理发服务', '生活美容服务', '美甲服务', '足浴服务', '化妆品零售']
  },
  {
    name: '医疗服务',
    weight: 12,
    dept: 'WJJ',
    solo: 700,
    companyWords: ['医院', '口腔医疗', '医疗管理'],
    shopWords: ['诊所', '口腔诊所', '中医诊所', '卫生所'],
    scope: ['医疗服务', '诊所服务', '中医诊疗服务', '健康咨询服务（不含诊疗服务）'],
    tags: [['重点监管', 150]]
  },
  {
    name: '农资经营',
    weight: 30,
    dept: 'NYNC',
    solo: 800,
    companyWords: ['农资', '农业科技', '种业', '农化'],
    shopWords: ['农资店', '种子门市', '农药化肥店', '农机配件店'],
    scope: ['农药零售', '化肥销售', '农作物种子经营', '农业机械销售', '兽药经营', '饲料销售']
  },
  {
    name: '农业种养殖',
    weight: 50,
    dept: 'NYNC',
    solo: 450,
    coop: 450,
    companyWords: ['农业发展', '生态农业', '牧业', '水产养殖', '苗木'],
    shopWords: ['家庭农场', '养殖场', '苗圃'],
    scope: ['谷物种植', '蔬菜种植', '水果种植', '牲畜饲养', '家禽饲养', '水产养殖', '林木育苗', '农业机械服务'],
    tags: [['重点监管', 10]]
  },
  {
    name: '批发零售',
    weight: 180,
    dept: 'SCJG',
    solo: 900,
    companyWords: ['商贸', '贸易', '建材', '家具', '电器'],
    shopWords: ['五金店', '百货店', '日杂店', '电器行', '手机店', '服装店', '鞋店', '建材店', '家具店', '灯具店', '母婴店', '眼镜店', '文具店', '床上用品店'],
    scope: ['日用百货销售', '五金产品零售', '建筑材料销售', '家用电器销售', '服装服饰零售', '通讯设备销售', '眼镜销售（不含隐形眼镜）', '文具用品零售']
  },
  {
    name: '居民服务',
    weight: 80,
    dept: 'SCJG',
    solo: 850,
    companyWords: ['家政服务', '广告', '文化传媒', '信息咨询', '企业管理咨询'],
    shopWords: ['洗衣店', '家电维修部', '打印店', '摄影店', '开锁店', '家政服务部', '搬家服务部', '图文广告部'],
    scope: ['家政服务', '广告制作', '图文设计制作', '信息咨询服务（不含许可类信息咨询服务）', '摄影扩印服务', '日用电器修理']
  },
  {
    name: '再生资源回收',
    weight: 10,
    dept: 'SWJ',
    solo: 800,
    companyWords: ['再生资源', '物资回收'],
    shopWords: ['废品收购站', '旧货店'],
    scope: ['再生资源回收（除生产性废旧金属）', '再生资源销售', '生产性废旧金属回收']
  }
]

/** 市场主体类型 of enterprises, by weight. */
export const COMPANY_TYPES: readonly (readonly [string, number])[] = [
  ['有限责任公司（自然人独资）', 42],
  ['有限责任公司（自然人投资或控股）', 38],
  ['有限责任公司（非自然人投资或控股的法人独资）', 8],
  ['股份有限公司（非上市、自然人投资或控股）', 2],
  ['个人独资企业', 7],
  ['普通合伙企业', 3]
]
