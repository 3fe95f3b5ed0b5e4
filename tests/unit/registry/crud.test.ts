import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedDefaultDepartments } from '../../../electron/services/departments/service'
import { listAudit, verifyAuditChain } from '../../../electron/services/audit/log'
import { queryObjects } from '../../../electron/services/registry/objects/query'
import { changeObjectCode, createObject, deleteObject, getObject, updateObject } from '../../../electron/services/registry/crud/objects'
import { bulkSetCreditClass, bulkTagObjects, objectFacets } from '../../../electron/services/registry/crud/objectsBulk'
import { createInspector, getInspector, listInspectors, updateInspector } from '../../../electron/services/registry/crud/inspectors'
import { createItem, deleteItem, listItems, moveItem, updateItem } from '../../../electron/services/registry/crud/items'
import { tempDb, type TestDb } from './fixtures/db'
import { badUscc, idNo, regNo, uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => {
  t = tempDb('crud-')
  seedDefaultDepartments(t.ctx)
})
afterEach(() => t.close())

const audits = (entity: string) => listAudit(t.ctx, { entity, limit: 500 })

describe('objects', () => {
  it('creates an object with the normalised code and refuses the import’s bad codes with the same message', () => {
    const o = createObject(t.ctx, { code: ` ${uscc(7).toLowerCase().replace(/(.{4})/, '$1 ')}`, name: '甲公司', kind: 'market', township: '城关镇', tags: ['食品', '食品'] })
    expect(o.code).toBe(uscc(7))
    expect(o.tags).toBe('食品')
    expect(o.regStatus).toBe('存续')
    expect(o.creditClass).toBe('B')
    expect(audits('object')[0]).toMatchObject({ action: '新增检查对象', entityId: uscc(7) })

    const bad = badUscc(8)
    expect(() => createObject(t.ctx, { code: bad, name: '乙公司' })).toThrow(`统一社会信用代码“${bad}”校验位错误，应为 ${uscc(8)[17]}，请核对。请修改后再保存。`)
    expect(() => createObject(t.ctx, { code: '12345', name: '乙公司' })).toThrow('“12345”长度为 5 位')
    expect(() => createObject(t.ctx, { code: uscc(9), name: '  ' })).toThrow('缺少名称')
    expect(() => createObject(t.ctx, { code: uscc(7), name: '重复' })).toThrow(`代码 ${uscc(7)} 已被检查对象“甲公司”使用`)
    expect(() => createObject(t.ctx, { code: uscc(9), name: '丙', establishedOn: '2019年13月40日' })).toThrow('成立日期“2019年13月40日”无法识别')
    // Nothing half-written: only the one good object and its single audit entry.
    expect(queryObjects(t.ctx, { page: 1, pageSize: 50 }).total).toBe(1)
    expect(audits('object')).toHaveLength(1)
  })

  it('updates only what changed, keeps the code, reads dates as the import does, and audits the difference', () => {
    const o = createObject(t.ctx, { code: regNo(3), name: '乙店', kind: 'market', remark: '旧备注' })
    const u = updateObject(t.ctx, { id: o.id, name: '乙店（新）', establishedOn: '2019.3.5', regStatus: '在营', remark: '', creditClass: 'C' })
    expect(u).toMatchObject({ code: regNo(3), name: '乙店（新）', establishedOn: '2019-03-05', regStatus: '存续', remark: '', creditClass: 'C' })
    const entry = audits('object')[0]!
    expect(entry.action).toBe('修改检查对象')
    expect(JSON.parse(entry.detail)).toEqual({
      name: { from: '乙店', to: '乙店（新）' },
      establishedOn: { from: null, to: '2019-03-05' },
      remark: { from: '旧备注', to: '' },
      creditClass: { from: 'B', to: 'C' }
    })
    // The same values again change nothing and write no entry.
    updateObject(t.ctx, { id: o.id, name: '乙店（新）' })
    expect(audits('object')).toHaveLength(2)
    // Search finds the new name through the FTS index.
    expect(queryObjects(t.ctx, { search: '乙店（新', page: 1, pageSize: 50 }).rows.map((r) => r.id)).toEqual([o.id])
  })

  it('changes a code only when it is valid and free and the object is not in any task pool or inspection', () => {
    const a = createObject(t.ctx, { code: uscc(1), name: '甲' })
    createObject(t.ctx, { code: uscc(2), name: '乙' })
    expect(() => changeObjectCode(t.ctx, a.id, uscc(2), '录入错误')).toThrow('已被检查对象“乙”使用')
    expect(() => changeObjectCode(t.ctx, a.id, badUscc(3), '录入错误')).toThrow('校验位错误')
    const c = changeObjectCode(t.ctx, a.id, uscc(3), '录入错误')
    expect(c.code).toBe(uscc(3))
    expect(getObject(t.ctx, { code: uscc(3) }).id).toBe(a.id)
    expect(JSON.parse(audits('object')[0]!.detail)).toEqual({ from: uscc(1), to: uscc(3), reason: '录入错误' })

    t.ctx.sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, created_at) VALUES (?, 'T1', 2026, '2026-03-01', '2026-03-01 00:00:00')`).run(uscc(3))
    expect(() => changeObjectCode(t.ctx, a.id, uscc(4), '又错了')).toThrow('不能再更改代码')
    expect(() => deleteObject(t.ctx, a.id)).toThrow('有 1 条检查记录')
    expect(getObject(t.ctx, { id: a.id }).code).toBe(uscc(3))
  })

  it('deletes an object nothing refers to, with an audit entry', () => {
    const a = createObject(t.ctx, { code: uscc(1), name: '甲' })
    expect(deleteObject(t.ctx, a.id)).toEqual({ deleted: true })
    expect(() => getObject(t.ctx, { id: a.id })).toThrow('找不到编号为')
    expect(queryObjects(t.ctx, { search: '甲', page: 1, pageSize: 50 }).total).toBe(0)
    expect(audits('object')[0]!.action).toBe('删除检查对象')
  })
})

describe('bulk actions on a filtered set', () => {
  beforeEach(() => {
    // 12 objects: townships alternate 城关镇/王集镇, classes cycle A–D, names 甲N/乙N.
    for (let i = 1; i <= 12; i++) {
      createObject(t.ctx, {
        code: uscc(i),
        name: `${i % 3 === 0 ? '乙' : '甲'}商店${i}`,
        township: i % 2 ? '城关镇' : '王集镇',
        creditClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
        tags: i === 1 ? ['重点'] : []
      })
    }
  })

  it('adds a tag to exactly the filtered objects, once, and records the filter and count in one entry', () => {
    const before = audits('object').length
    const r = bulkTagObjects(t.ctx, { township: '城关镇', search: '甲商店' }, '专项2026', 'add')
    // Odd i in 1..11, excluding multiples of 3 (乙): 1, 5, 7, 11.
    expect(r).toEqual({ matched: 4, changed: 4 })
    const tagged = queryObjects(t.ctx, { tag: '专项2026', page: 1, pageSize: 50 }).rows.map((o) => o.name).sort()
    expect(tagged).toEqual(['甲商店1', '甲商店11', '甲商店5', '甲商店7'])
    expect(getObject(t.ctx, { code: uscc(1) }).tags).toBe('重点 专项2026')
    expect(audits('object').length).toBe(before + 1)
    expect(JSON.parse(audits('object')[0]!.detail)).toEqual({ filter: { township: '城关镇', search: '甲商店' }, tag: '专项2026', matched: 4, changed: 4 })
    // Again: matched but nothing changes.
    expect(bulkTagObjects(t.ctx, { township: '城关镇', search: '甲商店' }, '专项2026', 'add')).toEqual({ matched: 4, changed: 0 })
  })

  it('removes a tag and leaves the other tags', () => {
    bulkTagObjects(t.ctx, {}, '抽查', 'add')
    expect(bulkTagObjects(t.ctx, { township: '王集镇' }, '抽查', 'remove')).toEqual({ matched: 6, changed: 6 })
    expect(getObject(t.ctx, { code: uscc(1) }).tags).toBe('重点 抽查')
    expect(getObject(t.ctx, { code: uscc(2) }).tags).toBe('')
    const f = objectFacets(t.ctx)
    expect(f.tags).toEqual([
      { value: '抽查', count: 6 },
      { value: '重点', count: 1 }
    ])
    expect(f.townships).toEqual([
      { value: '城关镇', count: 6 },
      { value: '王集镇', count: 6 }
    ])
  })

  it('refuses a tag with separators', () => {
    expect(() => bulkTagObjects(t.ctx, {}, '甲 乙', 'add')).toThrow('不能有空格')
    expect(() => bulkTagObjects(t.ctx, {}, '  ', 'add')).toThrow('请填写标签')
  })

  it('sets the credit class of the filtered set and counts only real changes', () => {
    // 王集镇 = even i: classes of 2,4,6,8,10,12 → C,A,C,A,C,A.
    const r = bulkSetCreditClass(t.ctx, { township: '王集镇' }, 'A')
    expect(r).toEqual({ matched: 6, changed: 3 })
    expect(queryObjects(t.ctx, { township: '王集镇', creditClass: 'A', page: 1, pageSize: 50 }).total).toBe(6)
    expect(queryObjects(t.ctx, { township: '城关镇', creditClass: 'A', page: 1, pageSize: 50 }).total).toBe(0)
    expect(JSON.parse(audits('object')[0]!.detail)).toEqual({ filter: { township: '王集镇' }, creditClass: 'A', matched: 6, changed: 3 })
    expect(verifyAuditChain(t.ctx).ok).toBe(true)
  })
})

describe('inspectors', () => {
  const id1 = idNo('19800101', 11) // odd sequence → 男
  const deptId = () => (t.ctx.sqlite.prepare(`SELECT id FROM departments WHERE code = 'SCJG'`).get() as { id: number }).id

  it('lists masked numbers only, shows them in full in the detail', () => {
    const d = createInspector(t.ctx, { idNumber: id1.toLowerCase(), name: '张 三', phone: '+86 138-0000-1111', deptId: deptId(), certNo: 'ab123', certValidUntil: '长期', specialties: ['食品', '药品'] })
    expect(d).toMatchObject({ idNumber: id1, name: '张三', gender: '男', phone: '13800001111', unit: '县市场监管局', certNo: 'AB123', certValidUntil: '9999-12-31', certified: true })
    const list = listInspectors(t.ctx, {})
    expect(list.total).toBe(1)
    const row = list.rows[0]!
    expect(row.idMasked).toBe(`${id1.slice(0, 4)}**********${id1.slice(-4)}`)
    expect(row.phoneMasked).toBe('138****1111')
    const text = JSON.stringify(list)
    expect(text).not.toContain(id1)
    expect(text).not.toContain('13800001111')
    expect(Object.keys(row)).not.toContain('idNumber')
    expect(Object.keys(row)).not.toContain('phone')
    expect(getInspector(t.ctx, d.id).idNumber).toBe(id1)
    // The audit log does not keep the full numbers either.
    expect(audits('inspector')[0]!.detail).not.toContain(id1)
  })

  it('refuses what the import refuses, with the same words', () => {
    const bad = id1.slice(0, 17) + (id1[17] === '0' ? '1' : '0')
    expect(() => createInspector(t.ctx, { idNumber: bad, name: '李四' })).toThrow(`身份证号“${bad}”校验位错误，应为 ${id1[17]}，请核对`)
    expect(() => createInspector(t.ctx, { idNumber: '320123198002301234', name: '李四' })).toThrow('中的出生日期 19800230 不是有效日期')
    expect(() => createInspector(t.ctx, { idNumber: id1, name: '李四', phone: '12345' })).toThrow('手机号码“12345”不是 11 位手机号码')
    expect(() => createInspector(t.ctx, { idNumber: id1, name: '李四', gender: '女' })).toThrow('性别“女”与身份证号（男）不符')
    expect(() => createInspector(t.ctx, { idNumber: id1, name: '李四', avoidCodes: [badUscc(1)] })).toThrow('回避对象统一社会信用代码')
    createInspector(t.ctx, { idNumber: id1, name: '李四' })
    expect(() => createInspector(t.ctx, { idNumber: id1, name: '王五' })).toThrow('已登记为执法人员“李四”')
  })

  it('edits the avoidance lists and the active flag; filters follow', () => {
    const a = createInspector(t.ctx, { idNumber: id1, name: '甲', deptId: deptId(), certNo: 'X1', certValidUntil: '2099-12-31', specialties: ['食品'] })
    const b = createInspector(t.ctx, { idNumber: idNo('19900505', 22), name: '乙', isExpert: true, specialties: ['特种设备'] })
    const u = updateInspector(t.ctx, { id: a.id, avoidCodes: [uscc(5).toLowerCase()], avoidTownships: ['城关镇', '王集镇'], active: false, inactiveReason: '病休' })
    expect(u).toMatchObject({ avoidCodes: [uscc(5)], avoidTownships: ['城关镇', '王集镇'], active: false, inactiveReason: '病休', certified: false })
    expect(JSON.parse(audits('inspector')[0]!.detail)).toMatchObject({ active: { from: 1, to: 0 }, inactive_reason: { from: '', to: '病休' } })
    expect(listInspectors(t.ctx, { qualification: 'expert' }).rows.map((r) => r.name)).toEqual(['乙'])
    expect(listInspectors(t.ctx, { qualification: 'certified' }).total).toBe(0)
    updateInspector(t.ctx, { id: a.id, active: true })
    expect(listInspectors(t.ctx, { qualification: 'certified' }).rows.map((r) => r.name)).toEqual(['甲'])
    expect(listInspectors(t.ctx, { specialty: '特种设备' }).rows.map((r) => r.id)).toEqual([b.id])
    expect(listInspectors(t.ctx, { search: '甲' }).rows.map((r) => r.id)).toEqual([a.id])
    expect(listInspectors(t.ctx, { deptId: deptId() }).rows.map((r) => r.id)).toEqual([a.id])
  })
})

describe('items', () => {
  const dept = (code: string) => (t.ctx.sqlite.prepare(`SELECT id FROM departments WHERE code = ?`).get(code) as { id: number }).id

  it('creates, orders, updates and deletes items of one department, with audit entries', () => {
    const d = dept('SCJG')
    const a = createItem(t.ctx, { deptId: d, category: '食品安全', name: '食品经营许可检查', level: '重点' })
    const b = createItem(t.ctx, { deptId: d, category: '食品安全', name: '食品标签检查', ratioCapPercent: 5 })
    expect(b).toMatchObject({ level: '一般', ratioCapPermille: 50, sortOrder: 2 })
    expect(() => createItem(t.ctx, { deptId: d, category: '食品安全', name: '食品标签检查' })).toThrow('本部门清单中已有事项“食品安全／食品标签检查”')
    expect(() => createItem(t.ctx, { deptId: d, category: '', name: 'x' })).toThrow('缺少抽查类别')
    // Another department may have an item of the same name.
    createItem(t.ctx, { deptId: dept('GAJ'), category: '食品安全', name: '食品标签检查' })
    expect(moveItem(t.ctx, b.id, 'up').map((i) => i.name)).toEqual(['食品标签检查', '食品经营许可检查'])
    const u = updateItem(t.ctx, { id: b.id, ratioCapPercent: 1, content: '标签\n说明书' })
    expect(u).toMatchObject({ ratioCapPermille: 10, content: '标签\n说明书' })
    expect(listItems(t.ctx, { deptId: d, level: '重点' }).map((i) => i.id)).toEqual([a.id])
    expect(listItems(t.ctx, { deptId: d, search: '说明书' }).map((i) => i.id)).toEqual([b.id])
    expect(deleteItem(t.ctx, a.id)).toEqual({ deleted: true })
    expect(audits('item').map((e) => e.action)).toEqual(['删除抽查事项', '修改抽查事项', '调整抽查事项顺序', '新增抽查事项', '新增抽查事项', '新增抽查事项'])
  })

  it('refuses to delete an item a plan entry uses', () => {
    const d = dept('SCJG')
    const a = createItem(t.ctx, { deptId: d, category: '食品安全', name: '食品经营许可检查' })
    t.ctx.sqlite
      .prepare(`INSERT INTO plan_entries (uid, year, plan_name, task_name, item_uids, initiator_dept_id, created_at, updated_at) VALUES ('p1', 2026, '计划', '任务', ?, ?, 'x', 'x')`)
      .run(JSON.stringify([a.uid]), d)
    expect(() => deleteItem(t.ctx, a.id)).toThrow('已被 1 条年度计划、0 个抽查任务引用，不能删除')
  })
})
