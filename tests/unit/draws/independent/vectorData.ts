/** The inputs of docs/draw-algorithm.md §11.2, transcribed from the document. */
import type { IObject, IPerson, ISource } from './impl'

export const VECTOR_POOL: IObject[] = [
  ['91610100MA6TG1A01X', 'A', '城关镇', '甲便利店'],
  ['91610100MA6TG1A02X', 'A', '城关镇', '乙超市'],
  ['91610100MA6TG1A03X', 'A', '东关镇', '丙餐饮'],
  ['91610100MA6TG1A04X', 'A', '东关镇', '丁药店'],
  ['91610100MA6TG1B01X', 'B', '城关镇', '戊粮油'],
  ['91610100MA6TG1B02X', 'B', '西河乡', '己食品厂'],
  ['91610100MA6TG1B03X', 'B', '西河乡', '庚茶楼'],
  ['91610100MA6TG1B04X', 'B', '东关镇', '辛面馆'],
  ['91610100MA6TG1B05X', 'B', '城关镇', '壬肉铺'],
  ['91610100MA6TG1C01X', 'C', '西河乡', '癸酒坊'],
  ['91610100MA6TG1C02X', 'C', '东关镇', '子烘焙'],
  ['91610100MA6TG1D01X', 'D', '西河乡', '丑小作坊']
].map(([code, creditClass, township, name]) => ({ code, creditClass: creditClass as IObject['creditClass'], township, name }))

function person(idNumber: string, name: string, deptId: number, extra: Partial<IPerson> = {}): IPerson {
  return {
    idNumber,
    name,
    deptId,
    certNo: 'ZF' + idNumber.slice(-4),
    certValidUntil: '2027-12-31',
    active: true,
    isExpert: false,
    specialties: [],
    avoidCodes: [],
    avoidTownships: [],
    ...extra
  }
}

export const VECTOR_ROSTER: IPerson[] = [
  person('110101199001010011', '赵一', 1),
  person('110101199001010022', '钱二', 1, { avoidTownships: ['城关镇'] }),
  person('110101199001010033', '孙三', 1, { avoidCodes: ['91610100MA6TG1B02X'] }),
  person('110101199001010044', '李四', 1, { certValidUntil: '2026-01-31' }),
  person('110101199001010055', '周五', 2, { specialties: ['食品安全'] }),
  person('110101199001010066', '吴六', 2, { specialties: ['食品安全', '药品'] }),
  person('110101199001010077', '郑七', 2, { specialties: ['药品'] }),
  person('110101199001010088', '王八', 2, { certNo: '', isExpert: true, certValidUntil: null })
]

export const VECTOR_TASK = {
  id: 'TV-1',
  name: '测试向量任务',
  initiatingDeptId: 1,
  // department 2 listed first on purpose: the spec orders the initiating department first regardless
  departments: [
    { deptId: 2, deptName: '县卫健局', itemIds: ['W1'], requiredSpecialties: ['食品安全'], inspectorsPerObject: 1, expertsPerObject: 1 },
    { deptId: 1, deptName: '县市场监管局', itemIds: ['S1'], requiredSpecialties: [], inspectorsPerObject: 1 }
  ],
  rule: { A: { mode: 'ratio' as const, value: 500 }, B: { mode: 'ratio' as const, value: 300 }, C: { mode: 'count' as const, value: 1 }, D: { mode: 'count' as const, value: 5 } },
  leaderFromInitiator: true
}

export const VECTOR_DATE = '2026-03-15'

export const VECTOR_SOURCES: ISource[] = [
  { kind: 'witness', label: '张三', value: '483920' },
  { kind: 'witness', label: '李四', value: '105577' },
  { kind: 'public', label: '福彩3D 2026068期', value: '5 1 8' }
]

/** §11.2 expected values */
export const VECTOR_EXPECTED = {
  poolSha256: '6f0fe0d0d9149abc44539da2fb1715c2f1c0dc5a2509ac440408079b830e6d8e',
  rosterSha256: '3123bdefe4599bf19e709fed5b1ecc8d3474aee5a800bb7065e21972eec25b9a',
  materialSha256: '92141145d77cb7655baed5e1ad52937a5a3d2409c89ff18720d5b8fa458f7d9b',
  derived: '92141145d77cb7655baed5e1ad52937a',
  firstOutputs: '84cf4adf 72fbc49d 47daa5c4 e1f96cec 1833dd3f 001b9624 f632570f 8f51adca 6e0031ca cc6d0440',
  teams: [
    ['91610100MA6TG1A04X', '赵一 组长', '周五 组员', '王八 专家'],
    ['91610100MA6TG1A02X', '赵一 组长', '周五 组员', '王八 专家'],
    ['91610100MA6TG1B04X', '钱二 组长', '周五 组员', '王八 专家'],
    ['91610100MA6TG1B02X', '钱二 组长', '吴六 组员', '王八 专家'],
    ['91610100MA6TG1C02X', '赵一 组长', '吴六 组员', '王八 专家'],
    ['91610100MA6TG1D01X', '孙三 组长', '周五 组员', '王八 专家']
  ]
}

export const GENERATOR_VECTOR = {
  derived: '0123456789abcdeffedcba9876543210',
  outputs: 'ffffffff ef01dcb9 98a73130 13a13c59 8300ea80 5cafcc5a bcaec9d2 d05817cc a767ba0c 72caee0f',
  int0to9: [7, 7, 8, 7, 0, 4, 0, 0, 0, 7],
  intBig: [2147483647, 1862393017, 413610288, 2476817497, 50391680]
}
