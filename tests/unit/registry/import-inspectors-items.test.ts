import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importInspectors } from '../../../electron/services/registry/import/inspectors'
import { importItems } from '../../../electron/services/registry/import/items'
import { seedDefaultDepartments } from '../../../electron/services/departments/service'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook, type Cell } from './fixtures/office'
import { idNo, uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => {
  t = tempDb()
  seedDefaultDepartments(t.ctx)
})
afterEach(() => t.close())

const deptName = () => t.ctx.sqlite.prepare('SELECT name FROM departments ORDER BY sort_order LIMIT 1').pluck().get() as string

describe('importInspectors', () => {
  it('validates 身份证号, keeps rows with a bad phone or date as warnings, reads the extra columns', async () => {
    const file = t.path('人员.xlsx')
    const H: Cell[] = ['序号', '身份证号', '姓名', '性别', '手机号码', '所在单位', '所在部门', '用户级别', '执法证号', '发证机关', '业务专长', '执法证有效期', '专家', '在岗状态', '片区', '回避对象', '回避片区']
    const unit = deptName()
    const id1 = idNo('19800101', 11) // male (odd 17th digit)
    const id2 = idNo('19900215', 22) // female
    const id3 = idNo('19850710', 33)
    await writeWorkbook(file, [
      {
        name: '执法人员',
        rows: [
          ['（县市场监管局）执法人员名录库'],
          H,
          [1, id1, '张 三', '', '138 0000 1111', unit, '综合执法科', '县级', 'ＡＢ１２３', '县政府', '食品、药品', '长期', '否', '在岗', '城关片区', `${uscc(1)}、${uscc(2)}`, '王集镇'],
          [2, id2.toLowerCase(), '李四', '女', '0527-8888888', unit, '', '', '', '', '特种设备；计量', '2026年12月31日', '专家', '病休', '', 'X123', ''],
          [3, id3.slice(0, 17) + (id3[17] === '0' ? '1' : '0'), '王五', '男', '', '', '', '', '', '', '', '', '', '', '', '', ''],
          [4, id1, '张三', '男', '', '', '', '', '', '', '', '', '', '', '', '', ''],
          [5, '', '无证号', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
          [6, idNo('19850710', 44), '赵六', '', '13900001111', '某外单位', '', '', '', '', '', 'next year', '也许', '', '', '', ''],
          ['注：身份证号请设为文本格式']
        ],
        merges: ['A1:Q1']
      }
    ])
    const r = await importInspectors(t.ctx, file)
    expect([r.read, r.imported, r.rejected]).toEqual([6, 3, 3])
    expect(r.rejects.map((x) => x.row)).toEqual([5, 6, 7])
    expect(r.rejects[0]!.reason).toContain('校验位错误')
    expect(r.rejects[1]!.reason).toContain('第 3 行重复')
    expect(r.rejects[2]!.reason).toContain('缺少身份证号')
    expect(r.warningList.map((w) => [w.row, w.field, w.raw])).toEqual([
      [4, '手机号码', '0527-8888888'],
      [4, '回避对象', 'X123'],
      [8, '执法证有效期', 'next year'],
      [8, '专家', '也许']
    ])
    const get = (id: string) => t.ctx.sqlite.prepare('SELECT * FROM inspectors WHERE id_number = ?').get(id) as Record<string, unknown>
    const a = get(id1)
    expect(a).toMatchObject({ name: '张三', gender: '男', phone: '13800001111', cert_no: 'AB123', specialties: '食品、药品', cert_valid_until: '9999-12-31', is_expert: 0, active: 1, township: '城关片区', avoid_codes: `${uscc(1)} ${uscc(2)}`, avoid_townships: '王集镇' })
    expect(a.dept_id).not.toBeNull()
    const b = get(id2)
    expect(b).toMatchObject({ gender: '女', phone: '', specialties: '特种设备、计量', cert_valid_until: '2026-12-31', is_expert: 1, active: 0, inactive_reason: '病休' })
    expect(get(idNo('19850710', 44))).toMatchObject({ dept_id: null, unit: '某外单位', cert_valid_until: null, is_expert: 0 })
  })
})

describe('importItems', () => {
  /** 附件3: 抽查项目 merged over 抽查类别 / 检查事项, every other caption merged over two rows. */
  async function itemSheet(file: string, title: string) {
    const top: Cell[] = ['序号', '抽查项目', null, '检查对象', '事项类别', '检查方式', '检查主体', '检查频次', '检查内容', '检查依据', '所需专长', '一般事项比例上限']
    const sub: Cell[] = [null, '抽查类别', '检查事项']
    await writeWorkbook(file, [
      {
        name: '事项清单',
        rows: [
          [title],
          top,
          sub,
          [1, '食品安全', '食品销售者经营条件检查', '食品经营者', '重点', '现场检查', '县市场监管局', '每年一次', '经营条件', '《食品安全法》', '食品', ''],
          [2, '食品安全', '食品标签检查', '食品经营者', '一般', '现场检查', '县市场监管局', '', '标签', '《食品安全法》', '', '5%'],
          [3, '', '缺类别的事项', '', '一般', '', '', '', '', '', '', ''],
          [4, '食品安全', '食品标签检查', '', '一般', '', '', '', '', '', '', ''],
          [5, '特种设备', '电梯使用单位检查', '使用单位', '次要', '', '', '', '', '', '', '0.03'],
          null,
          ['填表说明：事项类别填“重点”或“一般”。']
        ],
        merges: ['A1:L1', 'B2:C2', 'A2:A3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:J3', 'K2:K3', 'L2:L3', 'A11:L11']
      }
    ])
  }

  it('reads the two-row 附件3 header; department from --dept or from the title', async () => {
    const file = t.path('事项.xlsx')
    const dept = deptName()
    await itemSheet(file, `（${dept}）抽查事项清单`)
    const r = await importItems(t.ctx, file)
    expect([r.read, r.imported, r.rejected, r.warnings]).toEqual([5, 3, 2, 1])
    expect(r.rejects.map((x) => [x.row, x.reason.includes('缺少抽查类别') || x.reason.includes('第 5 行重复')])).toEqual([
      [6, true],
      [7, true]
    ])
    expect(r.warningList[0]).toMatchObject({ row: 8, field: '事项类别', raw: '次要' })
    const items = t.ctx.sqlite.prepare('SELECT d.name AS dept, category, i.name, level, specialty, ratio_cap_permille AS cap, i.sort_order FROM items i JOIN departments d ON d.id = i.dept_id ORDER BY i.sort_order').all() as Record<string, unknown>[]
    expect(items).toEqual([
      { dept, category: '食品安全', name: '食品销售者经营条件检查', level: '重点', specialty: '食品', cap: null, sort_order: 1 },
      { dept, category: '食品安全', name: '食品标签检查', level: '一般', specialty: '', cap: 50, sort_order: 2 },
      { dept, category: '特种设备', name: '电梯使用单位检查', level: '一般', specialty: '', cap: 30, sort_order: 3 }
    ])

    const file2 = t.path('无标题.xlsx')
    await itemSheet(file2, '抽查事项清单')
    await expect(importItems(t.ctx, file2)).rejects.toThrow(/--dept/)
    const other = t.ctx.sqlite.prepare('SELECT short_name FROM departments ORDER BY sort_order LIMIT 1 OFFSET 1').pluck().get() as string
    const r2 = await importItems(t.ctx, file2, { dept: other })
    expect([r2.imported, r2.updated]).toEqual([3, 0])
    const again = await importItems(t.ctx, file, {})
    expect([again.imported, again.updated, again.unchanged]).toEqual([0, 0, 3])
  })
})
