/**
 * 泗阳县 (行政区划代码 321323) after the 2020 adjustment of its townships:
 * 众兴/城厢/来安 街道 were formed from 众兴镇 and 八集乡, 爱园 absorbed 里仁,
 * 卢集 absorbed 高渡, 王集 absorbed 南刘集, 三庄乡 became 三庄镇. The 居委会/村
 * names of the three 街道 and 庄圩乡 are taken from public descriptions of those
 * divisions; the roads are the county town's main streets; the rest is plausible.
 */
export const COUNTY = '泗阳县'
export const COUNTY_CODE = '321323'
export const ADDRESS_PREFIX = '江苏省宿迁市泗阳县'

export interface Township {
  name: string
  /** Relative share of registered businesses (the county town has most). */
  weight: number
  /** 居委会/村. */
  villages: readonly string[]
  /** Streets used for addresses inside the township. */
  streets: readonly string[]
  /** 街道 have 居委会/社区, 乡镇 have 村. */
  urban: boolean
}

export const TOWNSHIPS: readonly Township[] = [
  {
    name: '众兴街道',
    weight: 260,
    urban: true,
    villages: ['东光', '西湖', '东华', '红光', '五里', '西康', '前进', '杨圩', '周庄', '詹庙', '府苑', '运南', '众东', '东祥', '顾集', '桃源', '洪南', '叶庄', '朱圩', '刘桥', '二桥'],
    streets: ['北京东路', '北京西路', '人民南路', '人民北路', '长江路', '黄河路', '洪泽湖路', '桃源路', '众兴中路', '文城东路', '文城西路', '上海路', '运河路', '桥东街']
  },
  {
    name: '城厢街道',
    weight: 170,
    urban: true,
    villages: ['龙门', '卜湖', '南园', '建南', '陶圩', '东风', '城南', '小圩', '联合', '南门园', '建华', '界湖', '五堆', '姚圩'],
    streets: ['意杨大道', '太湖路', '珠江路', '淮海东路', '淮海西路', '运河大道', '城南路', '双洋路', '富康路', '深圳路']
  },
  {
    name: '来安街道',
    weight: 120,
    urban: true,
    villages: ['贾庄', '魏湾', '葛集', '同兴', '双安', '朱楼', '胡集', '陈祠堂', '蚕桑', '刘集圩', '徐园', '来安', '姜丰', '张束', '东和平', '东安', '葛二', '陈大元'],
    streets: ['来安街', '泗水大道', '葛集路', '八集路', '杭州路', '苏州路', '开发区大道']
  },
  {
    name: '三庄镇',
    weight: 45,
    urban: false,
    villages: ['史集', '孙李', '凌城', '民主', '双渡', '程道', '姜桥', '红星', '滚坝', '三庄', '刘集'],
    streets: ['振兴东路', '振兴西路', '史集街', '三庄街']
  },
  {
    name: '爱园镇',
    weight: 55,
    urban: false,
    villages: ['爱园', '果园', '里仁', '桃园', '新庄', '高嘴', '沈庄', '薛嘴', '里仁集', '顺河'],
    streets: ['小康街', '爱园大街', '里仁街', '果园路']
  },
  {
    name: '王集镇',
    weight: 55,
    urban: false,
    villages: ['王集', '南刘集', '顾庄', '韩圩', '任集', '朱桥', '徐庄', '南新', '大刘', '葛口'],
    streets: ['王集街', '南刘集街', '迎宾路', '人民路']
  },
  {
    name: '卢集镇',
    weight: 50,
    urban: false,
    villages: ['卢集', '高渡', '双河', '卢东', '佃湖', '张湾', '南桥', '成子河', '湖滨', '沈集'],
    streets: ['光明路', '卢集街', '高渡街', '湖滨路']
  },
  {
    name: '裴圩镇',
    weight: 40,
    urban: false,
    villages: ['裴圩', '裴南', '朱湖', '蒋圩', '卢圩', '张庄', '魏圩', '程庄', '杨集', '方庄'],
    streets: ['裴圩街', '兴裴路', '东风路']
  },
  {
    name: '新袁镇',
    weight: 40,
    urban: false,
    villages: ['新袁', '袁庄', '七堡', '徐集', '坝头', '桂湖', '花园', '吕庄', '沈圩'],
    streets: ['新袁街', '袁庄路', '建设路']
  },
  {
    name: '李口镇',
    weight: 38,
    urban: false,
    villages: ['李口', '八堆', '新河', '新庄', '草湖', '杨庄', '宋集', '沙河'],
    streets: ['李口街', '沿河路', '振兴路']
  },
  {
    name: '临河镇',
    weight: 38,
    urban: false,
    villages: ['临河', '魏荡', '成河', '大兴', '黄圩', '刘庄', '三岔', '凌河'],
    streets: ['临河街', '滨河路', '临新路']
  },
  {
    name: '穿城镇',
    weight: 36,
    urban: false,
    villages: ['穿城', '周圩', '船行', '石桥', '三里', '华庄', '马庄', '韩庄'],
    streets: ['穿城街', '幸福路', '团结路']
  },
  {
    name: '张家圩镇',
    weight: 32,
    urban: false,
    villages: ['张圩', '大园', '挂面', '颜圩', '方明', '小史集', '马泓', '王圩', '新民', '李圩'],
    streets: ['张家圩街', '穿五路', '兴业路']
  },
  {
    name: '庄圩乡',
    weight: 28,
    urban: false,
    villages: ['庄圩', '王码', '水庄', '淮河', '河涯', '杨刘', '农科', '大楼', '红旗'],
    streets: ['庄圩街', '花厅路', '新长路']
  }
]

export const TOWNSHIP_NAMES: readonly string[] = TOWNSHIPS.map((t) => t.name)

/** Region codes for 身份证号: 泗阳 and the neighbouring divisions. [code, weight] */
export const ID_REGIONS: readonly (readonly [string, number])[] = [
  ['321323', 78], // 泗阳县
  ['321322', 6], // 沭阳县
  ['321324', 5], // 泗洪县
  ['321302', 4], // 宿城区
  ['321311', 3], // 宿豫区
  ['320804', 4] // 淮安市淮阴区
]
