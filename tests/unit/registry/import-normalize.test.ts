import { describe, expect, it } from 'vitest'
import { cellLongText, cellText, excelSerialToIso, isoToExcelSerial, normalizeHeader, parseDate } from '../../../electron/services/registry/spreadsheet/normalize'
import { findHeader, isNoteText } from '../../../electron/services/registry/spreadsheet/headers'
import { INSPECTOR_FIELDS, ITEM_FIELDS, OBJECT_FIELDS } from '../../../electron/services/registry/spreadsheet/layouts'
import { parseCreditClass, parseRatioPermille } from '../../../electron/services/registry/import/fields'

describe('dates as offices write them', () => {
  it('reads the five written forms and Excel dates to YYYY-MM-DD', () => {
    // 43466 is 2019-01-01 in Excel's 1900 system; +31 +28 +4 → 2019-03-05.
    for (const v of [43529, new Date(Date.UTC(2019, 2, 5)), '2019年3月5日', '2019/3/5', '2019.03.05', '20190305', 20190305, '2019-03-05', ' ２０１９－03－05 ', '2019-3-5 00:00:00', '2019 年 3 月 5 日']) {
      expect(parseDate(v as never), String(v)).toEqual({ ok: true, value: '2019-03-05' })
    }
    expect(parseDate(null)).toEqual({ ok: true, value: null })
    expect(parseDate('   ')).toEqual({ ok: true, value: null })
  })

  it('refuses impossible dates and free text, keeping the raw text', () => {
    for (const v of ['2019-02-29', '2019/13/1', '20190230', '明年', '2019', 20191301]) {
      const r = parseDate(v as never)
      expect(r.ok, String(v)).toBe(false)
      if (!r.ok) expect(r.raw).toBe(String(v))
    }
    expect(parseDate('2020-02-29')).toEqual({ ok: true, value: '2020-02-29' })
  })

  it("handles Excel's phantom 1900-02-29 and round-trips serials", () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    for (const iso of ['1900-01-01', '1900-02-28', '1999-12-31', '2024-02-29', '2099-07-01']) expect(excelSerialToIso(isoToExcelSerial(iso))).toBe(iso)
  })
})

describe('cells and captions', () => {
  it('normalises captions broken over lines, with full-width brackets and marks', () => {
    expect(normalizeHeader('统一社会 信用代码/ 注册号')).toBe('统一社会信用代码/注册号')
    expect(normalizeHeader('*法定代表人\n（负责人）')).toBe('法定代表人')
    expect(normalizeHeader('成立日期(YYYY-MM-DD)')).toBe('成立日期')
  })

  it('collapses blanks in short fields, keeps line breaks in long ones, converts full-width letters and digits only', () => {
    expect(cellText('  泗阳县\n甲  公司 ')).toBe('泗阳县 甲 公司')
    expect(cellText('ＡＢＣ食品（泗阳）有限公司')).toBe('ABC食品（泗阳）有限公司')
    expect(cellText(320123000012345)).toBe('320123000012345')
    expect(cellLongText(' 1. 经营条件  \r\n\r\n2. 标签\n')).toBe('1. 经营条件\n2. 标签')
  })

  it('recognises note lines under a table', () => {
    for (const s of ['注：1. 代码为18位', '注:', '备注：', '填表说明：', '制表人：王五', '审核人:李四', '注']) expect(isNoteText(s), s).toBe(true)
    for (const s of ['注册号', '泗阳县注塑厂', '备注', '说明书']) expect(isNoteText(s), s).toBe(false)
  })
})

describe('findHeader', () => {
  const rows = (...rs: (string | null)[][]) => rs.map((cells, i) => ({ row: i + 1, cells }))

  it('picks the row with the most known captions under title rows, variants included', () => {
    const h = findHeader(
      rows(['（县市场监管局）检查对象名录库'], ['填报单位：', null, '日期'], ['序号', '信用代码', '企业名称', '法人', '经营场所', '经营状态', '注册日期']),
      OBJECT_FIELDS,
      [['code', 'regNo'], ['name']]
    )
    expect(h?.headerRows).toEqual([3])
    expect(h?.columns).toEqual({ seq: 1, code: 2, name: 3, legalRep: 4, address: 5, regStatus: 6, establishedOn: 7 })
  })

  it('accepts separate 统一社会信用代码 and 注册号 columns', () => {
    const h = findHeader(rows(['统一社会信用代码', '注册号', '单位名称']), OBJECT_FIELDS, [['code', 'regNo'], ['name']])
    expect(h?.columns).toEqual({ code: 1, regNo: 2, name: 3 })
  })

  it('joins a two-row header (附件3) and a sub-header above which the group caption sits', () => {
    const h = findHeader(
      rows(['（某局）抽查事项清单'], ['序号', '抽查项目', null, '检查对象', '事项类别'], [null, '抽查类别', '检查事项', null, null], ['1', '食品', '标签', '经营者', '一般']),
      ITEM_FIELDS,
      [['category'], ['itemName']]
    )
    expect(h?.headerRows).toEqual([2, 3])
    expect(h?.columns).toEqual({ seq: 1, category: 2, itemName: 3, target: 4, level: 5 })
    expect(h?.captions.slice(0, 5)).toEqual(['序号', '抽查类别', '检查事项', '检查对象', '事项类别'])
  })

  it('returns null when a required column is missing or too little is recognised', () => {
    expect(findHeader(rows(['姓名', '性别', '手机号码']), INSPECTOR_FIELDS, [['idNumber'], ['name']])).toBeNull()
    expect(findHeader(rows(['身份证号']), INSPECTOR_FIELDS, [['idNumber']])).toBeNull()
  })
})

describe('coded values', () => {
  it('reads credit classes and ratio caps as written', () => {
    expect(['A', 'b', 'Ｃ类', 'D级', '低风险', '高风险', 'E', ''].map(parseCreditClass)).toEqual(['A', 'B', 'C', 'D', 'A', 'D', null, null])
    expect([0.05, '5%', '5％', '5', '50‰', '不超过3%', '0.025', 'abc', '150%'].map((v) => parseRatioPermille(v))).toEqual([50, 50, 50, 50, 50, 30, 25, 'bad', 'bad'])
  })
})
