/**
 * 随机抽查事项清单 of the demo county, in the 附件3 columns (seed 003). The
 * wording follows the published national and Jiangsu lists; 一般 items carry a
 * ratio cap in ‰ (e.g. 50 = 5 %), 重点 items have none (seed 001 二(二)).
 */

export interface DemoItem {
  category: string // 抽查类别
  name: string // 检查事项
  target: string // 检查对象
  level: '重点' | '一般'
  method: string // 检查方式
  frequency: string // 检查频次
  content: string // 检查内容
  basis: string // 检查依据
  specialty?: string // 所需业务专长
  ratioCap?: number // ‰, 一般 items only
}

const ON_SITE = '现场检查'
const ON_SITE_PAPER = '现场检查、书面检查'
const PAPER_NET = '书面检查、网络监测、实地核查'

/** Keyed by department code; the subject (检查主体) is the department's own name. */
export const DEMO_ITEMS: Readonly<Record<string, readonly DemoItem[]>> = {
  SCJG: [
    { category: '企业公示信息检查', name: '企业年度报告公示信息的抽查', target: '企业', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '企业通过国家企业信用信息公示系统公示的年度报告信息的真实性', basis: '《企业信息公示暂行条例》第三条、第八条、第九条、第十四条', ratioCap: 30, specialty: '企业信息公示' },
    { category: '企业公示信息检查', name: '企业即时公示信息的抽查', target: '企业', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '股东认缴和实缴的出资额、出资方式和出资日期，行政许可取得、变更、延续信息等即时公示信息的真实性和及时性', basis: '《企业信息公示暂行条例》第十条、第十一条、第十四条', ratioCap: 30 },
    { category: '个体工商户公示信息检查', name: '个体工商户年度报告公示信息的抽查', target: '个体工商户', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '个体工商户年度报告中的行政许可取得和变动信息、生产经营信息、开设的网站或网店名称及网址等的真实性', basis: '《个体工商户年度报告暂行办法》第三条、第十一条', ratioCap: 30 },
    { category: '农民专业合作社公示信息检查', name: '农民专业合作社年度报告公示信息的抽查', target: '农民专业合作社', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '农民专业合作社年度报告中行政许可取得、生产经营、资产状况等信息的真实性', basis: '《农民专业合作社年度报告公示暂行办法》第四条、第十条', ratioCap: 30 },
    { category: '登记事项检查', name: '市场主体登记事项检查', target: '企业、个体工商户、农民专业合作社', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '住所（经营场所）、法定代表人、注册资本实缴情况等登记事项是否与实际相符', basis: '《中华人民共和国市场主体登记管理条例》第三十五条、第三十六条', ratioCap: 50 },
    { category: '食品安全监督检查', name: '食品销售者检查', target: '食品销售', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '经营资质、经营条件、食品贮存、进货查验和查验记录、标签和说明书、临近保质期食品管理、特殊食品销售', basis: '《中华人民共和国食品安全法》第五十三条、第一百一十条；《食品生产经营监督检查管理办法》', specialty: '食品安全' },
    { category: '食品安全监督检查', name: '餐饮服务提供者检查', target: '餐饮服务', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '许可管理、从业人员管理、原料控制、加工制作过程、餐用具清洗消毒、食品添加剂使用、餐厨废弃物处置', basis: '《中华人民共和国食品安全法》第五十五条、第五十六条、第一百一十条', specialty: '食品安全' },
    { category: '食品安全监督检查', name: '食品生产者检查', target: '食品生产', level: '重点', method: ON_SITE, frequency: '每年至少两次', content: '生产环境条件、进货查验、生产过程控制、产品检验、贮存及交付控制、不合格品管理和食品召回、标签标识', basis: '《中华人民共和国食品安全法》第四十六条、第一百一十条；《食品生产许可管理办法》', specialty: '食品安全' },
    { category: '特种设备安全监督检查', name: '特种设备使用单位检查', target: '特种设备使用单位', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '特种设备使用登记、定期检验、安全管理人员和作业人员持证、安全技术档案、维护保养和自行检查', basis: '《中华人民共和国特种设备安全法》第三十二条至第四十条、第五十七条', specialty: '特种设备' },
    { category: '药品监督检查', name: '药品零售企业检查', target: '药品零售', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '药品经营许可、执业药师在岗、处方药销售、药品购进验收和储存养护、拆零销售、追溯信息', basis: '《中华人民共和国药品管理法》第九十九条；《药品经营和使用质量监督管理办法》', specialty: '药品' },
    { category: '医疗器械监督检查', name: '医疗器械经营企业检查', target: '医疗器械经营', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '经营许可和备案、进货查验记录、贮存条件、产品标签和说明书、销售记录', basis: '《医疗器械监督管理条例》第七十条；《医疗器械经营监督管理办法》', specialty: '医疗器械', ratioCap: 50 },
    { category: '计量监督检查', name: '加油机计量器具检查', target: '加油站', level: '一般', method: ON_SITE, frequency: '每年一次', content: '在用加油机强制检定情况、计量准确度、铅封完好', basis: '《中华人民共和国计量法》第九条；《加油站计量监督管理办法》', specialty: '计量', ratioCap: 100 },
    { category: '产品质量监督检查', name: '生产领域产品质量监督抽查', target: '工业产品生产企业', level: '一般', method: '抽样检验', frequency: '根据年度计划确定', content: '按产品标准和抽查实施细则抽取样品检验', basis: '《中华人民共和国产品质量法》第十五条；《产品质量监督抽查管理暂行办法》', specialty: '产品质量', ratioCap: 50 },
    { category: '广告监督检查', name: '广告发布行为检查', target: '广告经营者、广告发布者', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '广告内容合法性、广告业务承接登记、审核、档案管理制度', basis: '《中华人民共和国广告法》第三十四条、第四十九条', specialty: '广告监管', ratioCap: 30 }
  ],
  STHJ: [
    { category: '生态环境监督检查', name: '排污单位检查', target: '排污许可重点管理、简化管理单位', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '排污许可证执行情况、污染防治设施运行、自行监测、台账记录、执行报告', basis: '《中华人民共和国环境保护法》第二十四条；《排污许可管理条例》第三十一条', specialty: '环保' },
    { category: '生态环境监督检查', name: '危险废物产生单位检查', target: '危险废物产生单位', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '危险废物管理计划、贮存场所、转移联单、经营单位委托情况', basis: '《中华人民共和国固体废物污染环境防治法》第七十七条至第八十二条', specialty: '危险废物' },
    { category: '生态环境监督检查', name: '建设项目环境影响评价制度执行情况检查', target: '建设项目单位', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '环境影响评价文件审批、“三同时”执行、竣工环境保护验收', basis: '《中华人民共和国环境影响评价法》第二十五条；《建设项目环境保护管理条例》', specialty: '环境影响评价', ratioCap: 50 }
  ],
  YJGL: [
    { category: '安全生产监督检查', name: '危险化学品经营单位检查', target: '危险化学品', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '危险化学品经营许可、安全管理制度、从业人员培训、储存场所、应急预案和演练', basis: '《中华人民共和国安全生产法》第六十五条；《危险化学品安全管理条例》第三十三条至第四十一条', specialty: '危险化学品' },
    { category: '安全生产监督检查', name: '工贸企业安全生产检查', target: '木材加工、机械制造等工贸企业', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '安全生产责任制、安全生产教育培训、隐患排查治理、粉尘防爆、有限空间作业', basis: '《中华人民共和国安全生产法》第二十一条、第四十一条；《工贸企业重大事故隐患判定标准》', specialty: '工贸安全', ratioCap: 50 },
    { category: '安全生产监督检查', name: '烟花爆竹经营单位检查', target: '烟花爆竹零售经营者', level: '一般', method: ON_SITE, frequency: '每年春节前', content: '经营许可、储存数量、防火防爆措施、超范围经营', basis: '《烟花爆竹安全管理条例》第十九条；《烟花爆竹经营许可实施办法》', ratioCap: 100 }
  ],
  WJJ: [
    { category: '公共卫生监督检查', name: '公共场所卫生检查', target: '住宿服务、美容美发、沐浴场所', level: '一般', method: ON_SITE, frequency: '每年一次', content: '卫生许可、从业人员健康证明、公共用品用具清洗消毒、卫生检测、空气质量', basis: '《公共场所卫生管理条例》第十条；《公共场所卫生管理条例实施细则》第三十六条', specialty: '公共卫生', ratioCap: 50 },
    { category: '医疗卫生监督检查', name: '医疗机构依法执业检查', target: '医疗服务', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '执业许可、医务人员资质、诊疗科目、医疗文书、医疗废物处置、传染病防治', basis: '《医疗机构管理条例》第四十条；《中华人民共和国基本医疗卫生与健康促进法》第八十六条', specialty: '医疗卫生' },
    { category: '公共卫生监督检查', name: '生活饮用水卫生检查', target: '集中式供水单位、二次供水单位', level: '一般', method: ON_SITE, frequency: '每年一次', content: '卫生许可、水质检测、从业人员健康、涉水产品卫生许可批件', basis: '《生活饮用水卫生监督管理办法》第十六条', specialty: '公共卫生', ratioCap: 100 },
    { category: '职业卫生监督检查', name: '用人单位职业病防治检查', target: '存在职业病危害因素的用人单位', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '职业病危害项目申报、危害因素检测评价、劳动者职业健康检查、防护设施和个人防护用品', basis: '《中华人民共和国职业病防治法》第六十二条', specialty: '职业卫生', ratioCap: 50 }
  ],
  JYUN: [
    { category: '交通运输监督检查', name: '道路运输经营者检查', target: '道路运输', level: '重点', method: ON_SITE_PAPER, frequency: '每年至少一次', content: '经营许可、车辆技术状况和年审、驾驶员从业资格、动态监控、安全生产管理', basis: '《中华人民共和国道路运输条例》第五十八条；《道路货物运输及站场管理规定》', specialty: '道路运输' },
    { category: '交通运输监督检查', name: '机动车维修经营者检查', target: '机动车维修', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '经营备案、维修质量保证、维修档案、配件采购、结算清单', basis: '《机动车维修管理规定》第四十五条', specialty: '机动车维修', ratioCap: 50 }
  ],
  ZJJ: [
    { category: '建筑市场监督检查', name: '建筑施工企业检查', target: '建筑施工', level: '重点', method: ON_SITE_PAPER, frequency: '每年至少一次', content: '企业资质、安全生产许可、项目管理人员到岗履职、劳务分包、农民工实名制和工资支付', basis: '《中华人民共和国建筑法》第十三条；《建设工程安全生产管理条例》第四十条', specialty: '建筑工程' },
    { category: '房地产市场监督检查', name: '房地产开发企业检查', target: '房地产开发', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '开发资质、商品房预售许可、预售资金监管、销售行为', basis: '《城市房地产开发经营管理条例》第三十三条；《商品房销售管理办法》', specialty: '房地产', ratioCap: 100 },
    { category: '燃气安全监督检查', name: '燃气经营企业检查', target: '燃气经营企业', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '燃气经营许可、气瓶充装管理、用户安全检查、应急预案', basis: '《城镇燃气管理条例》第十五条、第四十五条', specialty: '燃气安全' }
  ],
  NYNC: [
    { category: '农业投入品监督检查', name: '农药经营单位检查', target: '农资经营', level: '一般', method: ON_SITE, frequency: '每年一次', content: '农药经营许可、进货查验、台账记录、限制使用农药定点经营、农药标签', basis: '《农药管理条例》第四十条、第四十一条', specialty: '农资', ratioCap: 100 },
    { category: '农业投入品监督检查', name: '农作物种子经营者检查', target: '农资经营', level: '一般', method: ON_SITE, frequency: '每年一次', content: '种子生产经营许可或备案、包装标签、经营档案、品种审定或登记', basis: '《中华人民共和国种子法》第三十八条、第四十一条', specialty: '种子', ratioCap: 100 },
    { category: '动物防疫监督检查', name: '动物饲养场动物防疫条件检查', target: '农业种养殖', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '动物防疫条件合格证、免疫记录和畜禽标识、病死动物无害化处理、养殖档案', basis: '《中华人民共和国动物防疫法》第二十四条、第七十六条', specialty: '动物防疫' },
    { category: '农产品质量安全监督检查', name: '农产品生产经营主体检查', target: '农业种养殖', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '生产记录、农业投入品使用、承诺达标合格证开具、安全间隔期执行', basis: '《中华人民共和国农产品质量安全法》第五十四条', specialty: '农产品质量安全', ratioCap: 50 }
  ],
  WLJ: [
    { category: '文化市场监督检查', name: '娱乐场所检查', target: '娱乐场所', level: '一般', method: ON_SITE, frequency: '每年一次', content: '娱乐经营许可、营业时间、未成年人保护、曲库内容、巡查制度', basis: '《娱乐场所管理条例》第四十三条', specialty: '文化市场', ratioCap: 100 },
    { category: '文化市场监督检查', name: '互联网上网服务营业场所检查', target: '娱乐场所', level: '一般', method: ON_SITE, frequency: '每年一次', content: '网络文化经营许可、上网人员身份登记、接纳未成年人、经营时间', basis: '《互联网上网服务营业场所管理条例》第二十三条', specialty: '文化市场', ratioCap: 100 }
  ],
  JYJ: [
    { category: '教育监督检查', name: '校外培训机构检查', target: '教育培训', level: '重点', method: ON_SITE_PAPER, frequency: '每年至少一次', content: '办学许可、培训内容、收费和预收费资金监管、从业人员资质、消防安全', basis: '《中华人民共和国民办教育促进法》第四十一条；《校外培训行政处罚暂行办法》', specialty: '教育培训' },
    { category: '教育监督检查', name: '民办学校办学行为检查', target: '民办教育', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '办学许可、招生简章和广告备案、收费公示、教师资质、财务管理', basis: '《中华人民共和国民办教育促进法实施条例》第六十二条', specialty: '教育培训', ratioCap: 100 }
  ],
  RSJ: [
    { category: '劳动保障监督检查', name: '用人单位劳动保障守法情况检查', target: '用人单位', level: '一般', method: ON_SITE_PAPER, frequency: '根据年度计划确定', content: '劳动合同签订、工资支付、工作时间和休息休假、社会保险参保缴费、禁止使用童工', basis: '《劳动保障监察条例》第十一条', specialty: '劳动保障', ratioCap: 30 },
    { category: '劳动保障监督检查', name: '工程建设领域农民工工资支付检查', target: '建筑施工', level: '重点', method: ON_SITE_PAPER, frequency: '每年至少一次', content: '农民工工资专用账户、实名制管理、总包代发工资、工资保证金存储', basis: '《保障农民工工资支付条例》第五十条', specialty: '劳动保障' },
    { category: '人力资源市场监督检查', name: '人力资源服务机构检查', target: '人力资源服务机构', level: '一般', method: ON_SITE_PAPER, frequency: '每年一次', content: '人力资源服务许可或备案、服务信息发布、年度报告、收费', basis: '《人力资源市场暂行条例》第三十八条', specialty: '人力资源服务', ratioCap: 100 }
  ],
  XFJY: [
    { category: '消防监督检查', name: '消防安全重点单位检查', target: '消防安全重点单位', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '消防安全责任制、防火检查巡查、消防设施器材完好、疏散通道和安全出口、消防控制室值班', basis: '《中华人民共和国消防法》第十六条、第十七条、第五十三条', specialty: '消防' },
    { category: '消防监督检查', name: '公众聚集场所消防安全检查', target: '娱乐场所、住宿服务、养老服务', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '投入使用前消防安全检查、装修材料、电气线路、微型消防站', basis: '《中华人民共和国消防法》第十五条；《消防监督检查规定》', specialty: '消防', ratioCap: 50 }
  ],
  SWJ: [
    { category: '商务领域监督检查', name: '成品油零售经营企业检查', target: '加油站', level: '一般', method: ON_SITE_PAPER, frequency: '每年一次', content: '成品油零售经营批准证书、进销存台账、油品来源', basis: '《江苏省成品油流通管理办法》', specialty: '成品油流通', ratioCap: 200 },
    { category: '商务领域监督检查', name: '再生资源回收经营者检查', target: '再生资源回收', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '备案登记、收购台账、废旧金属收购登记', basis: '《再生资源回收管理办法》第七条、第十条', specialty: '再生资源回收', ratioCap: 100 }
  ],
  MZJ: [
    { category: '社会组织监督检查', name: '社会组织年度报告抽查', target: '社会团体、民办非企业单位', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '年度工作报告、财务状况、业务活动开展情况、内部治理', basis: '《社会团体登记管理条例》第二十八条；《民办非企业单位登记管理暂行条例》第二十三条', specialty: '社会组织', ratioCap: 50 },
    { category: '养老服务监督检查', name: '养老机构检查', target: '养老服务', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '备案、服务质量、消防安全、食品安全、老年人权益保障', basis: '《养老机构管理办法》第四十一条', specialty: '养老服务' }
  ],
  YCJ: [
    { category: '烟草专卖监督检查', name: '烟草制品零售持证户检查', target: '食品销售', level: '一般', method: ON_SITE, frequency: '每年一次', content: '烟草专卖零售许可证、进货渠道、明码标价、向未成年人售烟', basis: '《中华人民共和国烟草专卖法实施条例》第五十六条', specialty: '烟草专卖', ratioCap: 50 }
  ],
  GAJ: [
    { category: '治安管理监督检查', name: '旅馆业治安管理检查', target: '住宿服务', level: '一般', method: ON_SITE, frequency: '每年一次', content: '特种行业许可证、旅客住宿登记、治安管理制度落实', basis: '《旅馆业治安管理办法》第四条、第六条', specialty: '特种行业', ratioCap: 50 },
    { category: '治安管理监督检查', name: '废旧金属收购业治安管理检查', target: '再生资源回收', level: '一般', method: ON_SITE, frequency: '根据年度计划确定', content: '备案登记、收购登记、可疑物品报告', basis: '《废旧金属收购业治安管理办法》第七条、第八条', specialty: '治安管理', ratioCap: 100 }
  ],
  CGJ: [
    { category: '城市管理监督检查', name: '户外广告设施设置检查', target: '企业、个体工商户', level: '一般', method: ON_SITE, frequency: '每年一次', content: '户外广告设施设置许可、安全检测、设置位置和规格', basis: '《江苏省城市市容和环境卫生管理条例》第十七条', specialty: '城市管理', ratioCap: 30 },
    { category: '城市管理监督检查', name: '瓶装燃气供应站点检查', target: '燃气经营', level: '重点', method: ON_SITE, frequency: '每年至少一次', content: '燃气经营许可、钢瓶充装和配送台账、安全管理制度', basis: '《城镇燃气管理条例》第十五条、第十八条', specialty: '燃气安全' }
  ],
  SWU: [
    { category: '税收监督检查', name: '发票使用和管理情况检查', target: '企业、个体工商户', level: '一般', method: PAPER_NET, frequency: '每年一次', content: '发票领用、开具、保管和缴销情况', basis: '《中华人民共和国发票管理办法》第十九条、第二十二条', specialty: '税收征管', ratioCap: 30 }
  ],
  GXJ: [
    { category: '节能监察', name: '重点用能单位节能监察', target: '工业企业', level: '一般', method: ON_SITE_PAPER, frequency: '每年一次', content: '能源利用状况报告、能耗限额标准执行、淘汰落后用能设备', basis: '《中华人民共和国节约能源法》第五十二条至第五十五条', specialty: '节能监察', ratioCap: 50 }
  ],
  SLJ: [
    { category: '水利监督检查', name: '取水许可和水资源费征收检查', target: '取用水单位', level: '一般', method: ON_SITE_PAPER, frequency: '每年一次', content: '取水许可证、计量设施、取水量与许可水量', basis: '《取水许可和水资源费征收管理条例》第二十四条、第四十三条', specialty: '水资源', ratioCap: 50 }
  ],
  ZGJ: [
    { category: '自然资源监督检查', name: '测绘资质单位检查', target: '测绘单位', level: '一般', method: ON_SITE_PAPER, frequency: '每年一次', content: '测绘资质条件、测绘成果质量、保密管理', basis: '《中华人民共和国测绘法》第二十七条、第二十九条', specialty: '测绘', ratioCap: 100 }
  ]
}
