import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { createDepartment, listDepartments, moveDepartment, updateDepartment } from '../../../electron/services/departments/service'
import { DEFAULT_DEPARTMENTS } from '../../../electron/services/departments/defaults'
import { listAudit, verifyAuditChain } from '../../../electron/services/audit/log'
import { getSettings, updateSettings } from '../../../electron/services/settings/service'
import { tempDir } from '../../helpers/tmp'

const t = tempDir()
afterAll(t.cleanup)

describe('member departments, settings and the audit log', () => {
  const file = join(t.dir, 'wb.db')

  it('a new database holds the 30 member units of the seed appendix, in order', () => {
    const wb = new Workbench(file)
    const list = listDepartments(wb.ctx())
    expect(list).toHaveLength(30)
    expect(list[0]!.name).toBe('县市场监管局')
    expect(list.at(-1)!.name).toBe('人行')
    expect(new Set(list.map((d) => d.code)).size).toBe(30)
    expect(list.map((d) => d.name)).toEqual(DEFAULT_DEPARTMENTS.map((d) => d[0]))
    wb.close()
  })

  it('adds, edits and reorders a department, each change audited, and all of it survives reopening', () => {
    let wb = new Workbench(file)
    const ctx = wb.ctx()
    const d = createDepartment(ctx, { name: '县邮政管理局', shortName: '邮政局', code: 'YZJ' })
    updateDepartment(ctx, { id: d.id, phone: '0527-85000000', shortName: '邮政管理局' })
    moveDepartment(ctx, d.id, 'up')
    wb.close()

    wb = new Workbench(file)
    const list = listDepartments(wb.ctx())
    expect(list).toHaveLength(31)
    expect(list[29]!.name).toBe('县邮政管理局')
    expect(list[29]!.shortName).toBe('邮政管理局')
    expect(list[29]!.phone).toBe('0527-85000000')
    const trail = listAudit(wb.ctx(), { entity: 'department', entityId: String(d.id) })
    expect(trail.map((e) => e.action)).toEqual(['调整成员单位顺序', '修改成员单位', '新增成员单位'])
    expect(JSON.parse(trail[1]!.detail)).toEqual({ shortName: { from: '邮政局', to: '邮政管理局' }, phone: { from: '', to: '0527-85000000' } })
    wb.close()
  })

  it('refuses a duplicate name or code with a Chinese message and writes nothing', () => {
    const wb = new Workbench(file)
    const ctx = wb.ctx()
    const before = listAudit(ctx, { limit: 500 }).length
    expect(() => createDepartment(ctx, { name: '县市场监管局', shortName: 'x', code: 'NEW1' })).toThrowError('已有名为“县市场监管局”的成员单位，请换一个名称。')
    expect(() => createDepartment(ctx, { name: '县新单位', shortName: 'x', code: 'SCJG' })).toThrowError(/代码“SCJG”已被“县市场监管局”使用/)
    expect(listDepartments(ctx)).toHaveLength(31)
    expect(listAudit(ctx, { limit: 500 })).toHaveLength(before)
    wb.close()
  })

  it('settings keep defaults until changed; a change is audited with from/to', () => {
    const wb = new Workbench(file)
    const ctx = wb.ctx()
    expect(getSettings(ctx).publicationDays).toBe(20)
    updateSettings(ctx, { publicationDays: 10, county: '泗阳县' })
    expect(getSettings(ctx).publicationDays).toBe(10)
    const last = listAudit(ctx, { entity: 'settings', limit: 1 })[0]!
    expect(JSON.parse(last.detail)).toEqual({ publicationDays: { from: 20, to: 10 } })
    wb.close()
  })

  it('the audit log is append-only and hash-chained: edits and deletions are refused or detected', () => {
    const wb = new Workbench(file)
    const ctx = wb.ctx()
    expect(verifyAuditChain(ctx).ok).toBe(true)
    expect(() => ctx.sqlite.exec(`UPDATE audit_log SET actor = '别人' WHERE id = 2`)).toThrowError(/只能追加/)
    expect(() => ctx.sqlite.exec(`DELETE FROM audit_log WHERE id = 2`)).toThrowError(/只能追加/)
    // Someone with a raw SQLite tool drops the trigger and edits an entry: the chain shows it.
    ctx.sqlite.exec('DROP TRIGGER audit_log_no_update')
    ctx.sqlite.exec(`UPDATE audit_log SET actor = '别人' WHERE id = 2`)
    const r = verifyAuditChain(ctx)
    expect(r.ok).toBe(false)
    expect(r.brokenAt).toEqual({ id: 2, reason: '记录内容与其哈希不符（被修改）' })
    wb.close()
  })
})
