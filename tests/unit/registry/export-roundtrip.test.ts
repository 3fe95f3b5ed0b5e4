import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { importInspectors } from '../../../electron/services/registry/import/inspectors'
import { importItems } from '../../../electron/services/registry/import/items'
import { writeRejectsFile } from '../../../electron/services/registry/import/rejects'
import { exportRegistry, writeTemplate } from '../../../electron/services/registry/export/export'
import { seedDefaultDepartments } from '../../../electron/services/departments/service'
import { tempDb, type TestDb } from './fixtures/db'
import { readWorkbook, writeWorkbook } from './fixtures/office'
import { badUscc, idNo, regNo, uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => {
  t = tempDb()
  seedDefaultDepartments(t.ctx)
})
afterEach(() => t.close())

const now = '2024-01-01 00:00:00'

function seedData() {
  const ins = t.ctx.sqlite.prepare(
    `INSERT INTO objects (code, kind, name, entity_type, reg_authority, legal_rep, address, reg_status, established_on, business_scope, remark, industry, township, credit_class, tags, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  ins.run(uscc(1), 'market', '泗阳县甲食品有限公司（分店）', '有限责任公司', '县市场监管局', '张三', '城关镇人民路1号', '存续', '2019-03-05', '食品销售, "预包装"', '', '餐饮', '城关片区', 'A', '食品 重点', now, now)
  ins.run(regNo(2), 'market', '泗阳县乙副食品店', '个体工商户', '县市场监管局', '李四', '王集镇', '注销', null, '', '老户', '', '', 'C', '', now, now)
  ins.run(uscc(3, '12320123'), 'institution', '县实验小学', '事业单位', '县编办', '王五', '城关镇', '存续', '2001-09-01', '', '备注', '教育', '城关片区', 'B', '', now, now)
  ins.run(uscc(4, '51320123'), 'social', '县个体劳动者协会', '社会团体', '县民政局', '赵六', '城关镇', '存续', '2005-01-01', '联络会员', '', '', '', 'D', '协会', now, now)
  t.ctx.sqlite
    .prepare(
      `INSERT INTO inspectors (id_number, name, gender, phone, unit, division, user_level, cert_no, cert_authority, cert_valid_until, specialties, is_expert, active, inactive_reason, township, avoid_codes, avoid_townships, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(idNo('19800101', 11), '张三', '男', '13800001111', '某单位', '综合科', '县级', 'AB123', '县政府', '9999-12-31', '食品、药品', 0, 0, '病休', '城关片区', uscc(1), '王集镇', now, now)
  const dept = t.ctx.sqlite.prepare('SELECT id FROM departments ORDER BY sort_order LIMIT 1').pluck().get()
  t.ctx.sqlite
    .prepare(`INSERT INTO items (uid, dept_id, category, name, target, level, method, subject, frequency, content, basis, specialty, ratio_cap_permille, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run('u1', dept, '食品安全', '食品标签检查', '食品经营者', '一般', '现场检查', '县市场监管局', '每年一次', '标签\n内容', '《食品安全法》', '食品', 25, 1, now, now)
}

const snapshot = (table: string) => JSON.stringify(t.ctx.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all())

describe('export', () => {
  it('writes the official layouts: title row, then exactly the 附件 captions, then ours', async () => {
    seedData()
    const out = t.path('对象.xlsx')
    await exportRegistry(t.ctx, 'objects', out, { org: '县市场监管局' })
    const wb = await readWorkbook(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['市场主体', '机关事业单位', '社会团体'])
    const m = wb.getWorksheet('市场主体')!
    expect(m.getCell('A1').value).toBe('（县市场监管局）检查对象名录库（市场主体）')
    const header = (m.getRow(2).values as unknown[]).slice(1)
    // seed 003 附件4, 市场主体
    expect(header.slice(0, 10)).toEqual(['序号', '统一社会信用代码/注册号', '市场主体名称', '市场主体类型', '登记机关', '法定代表人', '住所', '登记状态', '成立日期', '经营范围'])
    expect(m.getCell('B3').value).toBe(uscc(1))
    expect(m.getCell('B4').value).toBe(regNo(2))
    const inst = wb.getWorksheet('机关事业单位')!
    expect((inst.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'])

    const insp = t.path('人员.xlsx')
    await exportRegistry(t.ctx, 'inspectors', insp, { org: '县市场监管局' })
    const iw = (await readWorkbook(insp)).worksheets[0]!
    expect(iw.getCell('A1').value).toBe('（县市场监管局）执法人员名录库')
    expect((iw.getRow(2).values as unknown[]).slice(1, 12)).toEqual(['序号', '身份证号', '姓名', '性别', '手机号码', '所在单位', '所在部门', '用户级别', '执法证号', '发证机关', '业务专长'])

    const items = t.path('事项.xlsx')
    await exportRegistry(t.ctx, 'items', items)
    const it = (await readWorkbook(items)).worksheets[0]!
    expect(String(it.getCell('A1').value)).toMatch(/^（.+）抽查事项清单$/)
    expect((it.getRow(2).values as unknown[]).slice(1, 11)).toEqual(['序号', '抽查项目', '抽查项目', '检查对象', '事项类别', '检查方式', '检查主体', '检查频次', '检查内容', '检查依据'])
    expect(it.getCell('B3').value).toBe('抽查类别')
    expect(it.getCell('C3').value).toBe('检查事项')
  })

  it('writes CSV as UTF-8 with BOM and quotes what needs quoting', async () => {
    seedData()
    const out = t.path('对象.csv')
    await exportRegistry(t.ctx, 'objects', out)
    const buf = readFileSync(out)
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = buf.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['序号', '对象类型', '统一社会信用代码/注册号', '名称'])
    expect(lines).toHaveLength(6) // header, 4 rows, trailing empty
    expect(lines[1]).toContain('"食品销售, ""预包装"""')
  })

  it('round trip: export → import changes nothing, for all three registries', async () => {
    seedData()
    const before = ['objects', 'inspectors', 'items'].map(snapshot)
    const o = t.path('o.xlsx')
    const i = t.path('i.xlsx')
    const it = t.path('it.xlsx')
    await exportRegistry(t.ctx, 'objects', o)
    await exportRegistry(t.ctx, 'inspectors', i)
    await exportRegistry(t.ctx, 'items', it)
    const ro = await importObjects(t.ctx, o)
    const ri = await importInspectors(t.ctx, i)
    const rit = await importItems(t.ctx, it)
    expect([ro.read, ro.imported, ro.updated, ro.unchanged, ro.rejected, ro.warnings]).toEqual([4, 0, 0, 4, 0, 0])
    expect([ri.read, ri.imported, ri.updated, ri.unchanged, ri.rejected, ri.warnings]).toEqual([1, 0, 0, 1, 0, 0])
    expect([rit.read, rit.imported, rit.updated, rit.unchanged, rit.rejected, rit.warnings]).toEqual([1, 0, 0, 1, 0, 0])
    expect(['objects', 'inspectors', 'items'].map(snapshot)).toEqual(before)
  })

  it('blank templates hold title and header only, and import as empty', async () => {
    for (const reg of ['objects', 'inspectors', 'items'] as const) {
      const out = t.path(`${reg}-模板.xlsx`)
      await writeTemplate(reg, out, '县市场监管局')
      const wb = await readWorkbook(out)
      for (const ws of wb.worksheets) expect(ws.actualRowCount).toBe(reg === 'items' ? 3 : 2)
    }
    const r = await importObjects(t.ctx, t.path('objects-模板.xlsx'))
    expect([r.read, r.imported]).toEqual([0, 0])
  })
})

describe('rejects file', () => {
  it('holds the original rows plus 错误原因, and imports once fixed', async () => {
    const src = t.path('src.xlsx')
    await writeWorkbook(src, [
      {
        name: '名录',
        rows: [
          ['（县市场监管局）检查对象名录库（社会团体）'],
          ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注'],
          [1, uscc(1, '51320123'), '县书法家协会', '县民政局', '甲', '城关镇', 38718, ''],
          [2, badUscc(2), '县摄影家协会', '县民政局', '乙', '城关镇', 38718, '原备注'],
          [3, uscc(3, '51320123'), '', '县民政局', '丙', '城关镇', '2006年1月1日', '']
        ],
        merges: ['A1:H1']
      }
    ])
    const r = await importObjects(t.ctx, src)
    expect([r.imported, r.rejected]).toEqual([1, 2])
    const rej = t.path('rejects.xlsx')
    await writeRejectsFile(r, rej)

    const wb = await readWorkbook(rej)
    const ws = wb.getWorksheet('名录')!
    expect(ws.getCell('A1').value).toBe('（县市场监管局）检查对象名录库（社会团体）')
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注', '错误原因', '原表行号'])
    expect(ws.getCell('B3').value).toBe(badUscc(2))
    expect(String(ws.getCell('I3').value)).toContain('校验位错误')
    expect(ws.getCell('J3').value).toBe(4)
    expect(ws.getCell('J4').value).toBe(5)

    // Unfixed, the same rows are refused again, numbered as in the rejects file.
    const again = await importObjects(t.ctx, rej)
    expect([again.read, again.imported, again.rejected]).toEqual([2, 0, 2])
    expect(again.rejects.map((x) => x.row)).toEqual([3, 4])

    // Fixed as a user would: correct code, add the missing name.
    ws.getCell('B3').value = uscc(2, '51320123')
    ws.getCell('C4').value = '县音乐家协会'
    await wb.xlsx.writeFile(rej)
    const fixed = await importObjects(t.ctx, rej)
    expect([fixed.read, fixed.imported, fixed.rejected, fixed.warnings]).toEqual([2, 2, 0, 0])
    const rows = t.ctx.sqlite.prepare(`SELECT code, name, kind, established_on AS d, remark FROM objects ORDER BY code`).all()
    expect(rows).toEqual([
      { code: uscc(1, '51320123'), name: '县书法家协会', kind: 'social', d: '2006-01-01', remark: '' },
      { code: uscc(2, '51320123'), name: '县摄影家协会', kind: 'social', d: '2006-01-01', remark: '原备注' },
      { code: uscc(3, '51320123'), name: '县音乐家协会', kind: 'social', d: '2006-01-01', remark: '' }
    ])
  })
})
