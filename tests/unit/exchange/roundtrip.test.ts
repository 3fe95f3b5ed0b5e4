import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { exportPackage, exportPackageInSteps } from '../../../electron/services/exchange/export'
import { applyPackage, previewPackage } from '../../../electron/services/exchange/merge'
import { listAudit } from '../../../electron/services/audit/log'
import { whoChanged } from '../../../electron/services/exchange/origin'
import { addInspector, addItem, addObject, closedAfterEach, count, dumpHash, objectRow, officeAndScjg, setObject } from './helpers'

const open = closedAfterEach()

function setup() {
  const { dir, office, dept } = officeAndScjg(open)
  // The department maintains two objects, one inspector and one item; a third object belongs to another department.
  addObject(dept.ctx, '91341324MA2N000018', '泗县甲超市', 'SCJG')
  addObject(dept.ctx, '91341324MA2N00002B', '泗县乙饭店', 'SCJG')
  addObject(dept.ctx, '91341324MA2N00003E', '泗县丙诊所', 'WJJ')
  addInspector(dept.ctx, '34132419800101001X', '张三', 'SCJG')
  addItem(dept.ctx, 'item-scjg-1', '食品销售者检查', 'SCJG')
  return { dir, office, dept }
}

describe('exchange between a department and the office', () => {
  it('a full package from a department carries only what it maintains, and the office merges it', () => {
    const { dir, office, dept } = setup()
    const out = join(dir, 'scjg-1.sjbx')
    const r = exportPackage(dept.ctx, { to: 'OFFICE', full: true, out })
    // Its own department record is included as the owner of everything else.
    expect(r.manifest.contents).toEqual({ plan_entries: 0, inspection_results: 0, result_corrections: 0, result_reviews: 0, result_public_stops: 0, result_revisits: 0, departments: 1, objects: 2, inspectors: 1, items: 1 })
    expect(r.manifest.to).toEqual({ name: '县双随机办', code: 'OFFICE' })

    const p = previewPackage(office.ctx, out)
    expect(p.totals).toEqual({ new: 4, updated: 0, unchanged: 1, keptLocal: 0, conflicts: 0, refused: 0 })
    expect(count(office.ctx, 'objects')).toBe(0) // preview writes nothing

    const a = applyPackage(office.ctx, out, {})
    expect(a.applied).toBe(true)
    expect(count(office.ctx, 'objects')).toBe(2)
    const o = objectRow(office.ctx, '91341324MA2N000018')!
    const scjgId = (office.ctx.sqlite.prepare(`SELECT id FROM departments WHERE code = 'SCJG'`).get() as { id: number }).id
    expect(o.name).toBe('泗县甲超市')
    expect(o.owner_dept_id).toBe(scjgId) // mapped to the office's own id for SCJG
    expect(whoChanged(office.ctx, 'objects', '91341324MA2N000018')).toMatchObject({ agencyCode: 'SCJG', agencyName: '县市场监管局' })
    expect(listAudit(office.ctx, { entity: 'exchange' })[0]!.action).toBe('导入交换包')
  })

  it('built stage by stage (as the page runs it, with a bar), the package is the same and each stage is told', async () => {
    const { dir, office, dept } = setup()
    const out = join(dir, 'scjg-steps.sjbx')
    const seen: [string, number, number][] = []
    const r = await exportPackageInSteps(dept.ctx, { to: 'OFFICE', full: true, out }, (phase, done, total) => seen.push([phase, done, total]))
    expect(seen.map((s) => s[0].replace(/（.*）/, ''))).toEqual(['选出要发送的记录并写入交换包', '计算校验值并签名', '写入文件', '完成'])
    expect(seen.map((s) => s[1])).toEqual([0, 1, 2, 3])
    expect(seen.every((s) => s[2] === 3)).toBe(true)
    expect(r.manifest.contents).toMatchObject({ departments: 1, objects: 2, inspectors: 1, items: 1 })
    expect(applyPackage(office.ctx, out, {}).applied).toBe(true)
    expect(count(office.ctx, 'objects')).toBe(2)
  })

  it('importing the same package twice changes nothing', () => {
    const { dir, office, dept } = setup()
    const out = join(dir, 'p.sjbx')
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out })
    applyPackage(office.ctx, out, {})
    const before = dumpHash(office.ctx.sqlite)
    const again = previewPackage(office.ctx, out)
    expect(again.alreadyImported).toBe(true)
    expect(again.totals.new + again.totals.updated + again.totals.conflicts).toBe(0)
    const r = applyPackage(office.ctx, out, {})
    expect(r.applied).toBe(false)
    expect(dumpHash(office.ctx.sqlite)).toBe(before)
  })

  it('an incremental package carries only what changed since the last package to that agency', () => {
    const { dir, office, dept } = setup()
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '1.sjbx') })
    applyPackage(office.ctx, join(dir, '1.sjbx'), {})
    setObject(dept.ctx, '91341324MA2N00002B', { address: '泗县新址8号' })
    addObject(dept.ctx, '91341324MA2N00004H', '泗县丁药店', 'SCJG')
    const r = exportPackage(dept.ctx, { to: 'OFFICE', out: join(dir, '2.sjbx') })
    expect(r.manifest.kind).toBe('incremental')
    expect(r.manifest.contents).toEqual({ plan_entries: 0, inspection_results: 0, result_corrections: 0, result_reviews: 0, result_public_stops: 0, result_revisits: 0, departments: 1, objects: 2, inspectors: 0, items: 0 })
    const p = previewPackage(office.ctx, join(dir, '2.sjbx'))
    expect(p.totals).toMatchObject({ new: 1, updated: 1, conflicts: 0 })
    expect(p.updates[0]!.changes).toEqual([{ field: 'address', ours: '泗县某路1号', theirs: '泗县新址8号' }])
    applyPackage(office.ctx, join(dir, '2.sjbx'), {})
    expect(objectRow(office.ctx, '91341324MA2N00002B')!.address).toBe('泗县新址8号')
    expect(count(office.ctx, 'objects')).toBe(3)
    // Nothing changed since: the next incremental package is empty apart from its owner.
    expect(exportPackage(dept.ctx, { to: 'OFFICE', out: join(dir, '3.sjbx') }).manifest.contents.objects).toBe(0)
  })

  it('records the office changed and the department did not are kept (keptLocal), never reverted', () => {
    const { dir, office, dept } = setup()
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '1.sjbx') })
    applyPackage(office.ctx, join(dir, '1.sjbx'), {})
    setObject(office.ctx, '91341324MA2N000018', { township: '大庄镇' })
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '2.sjbx') })
    const p = previewPackage(office.ctx, join(dir, '2.sjbx'))
    expect(p.totals).toMatchObject({ new: 0, updated: 0, keptLocal: 1, conflicts: 0 })
    applyPackage(office.ctx, join(dir, '2.sjbx'), {})
    expect(objectRow(office.ctx, '91341324MA2N000018')!.township).toBe('大庄镇')
  })

  it('never deletes a record because a package lacks it', () => {
    const { dir, office, dept } = setup()
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '1.sjbx') })
    applyPackage(office.ctx, join(dir, '1.sjbx'), {})
    dept.ctx.sqlite.prepare(`DELETE FROM objects WHERE code = '91341324MA2N00002B'`).run()
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '2.sjbx') })
    applyPackage(office.ctx, join(dir, '2.sjbx'), {})
    expect(objectRow(office.ctx, '91341324MA2N00002B')).toBeDefined()
  })
})

describe('conflicts: both sides changed the same record since they last agreed', () => {
  function conflicted() {
    const s = setup()
    const { dir, office, dept } = s
    exportPackage(dept.ctx, { to: 'OFFICE', full: true, out: join(dir, '1.sjbx') })
    applyPackage(office.ctx, join(dir, '1.sjbx'), {})
    setObject(office.ctx, '91341324MA2N000018', { legal_rep: '王办公' })
    setObject(office.ctx, '91341324MA2N00002B', { legal_rep: '李办公' })
    setObject(dept.ctx, '91341324MA2N000018', { legal_rep: '王部门' })
    setObject(dept.ctx, '91341324MA2N00002B', { legal_rep: '李部门' })
    exportPackage(dept.ctx, { to: 'OFFICE', out: join(dir, '2.sjbx') })
    return { ...s, pkg: join(dir, '2.sjbx') }
  }

  it('preview lists each conflict with both values; apply refuses until every conflict is decided', () => {
    const { office, pkg } = conflicted()
    const p = previewPackage(office.ctx, pkg)
    expect(p.totals.conflicts).toBe(2)
    expect(p.conflicts.find((c) => c.key === '91341324MA2N000018')!.changes).toEqual([{ field: 'legal_rep', ours: '王办公', theirs: '王部门' }])
    const before = dumpHash(office.ctx.sqlite)
    expect(() => applyPackage(office.ctx, pkg, { perRecord: [{ entity: 'objects', key: '91341324MA2N000018', choice: 'theirs' }] })).toThrow(/1 处冲突尚未决定/)
    expect(dumpHash(office.ctx.sqlite)).toBe(before)
  })

  it('resolved by rule: theirs', () => {
    const { office, pkg } = conflicted()
    const r = applyPackage(office.ctx, pkg, { default: 'theirs' })
    expect(r.decisions).toHaveLength(2)
    expect(objectRow(office.ctx, '91341324MA2N000018')!.legal_rep).toBe('王部门')
    expect(objectRow(office.ctx, '91341324MA2N00002B')!.legal_rep).toBe('李部门')
  })

  it('resolved record by record, every decision in the audit log; re-import changes nothing', () => {
    const { office, pkg } = conflicted()
    applyPackage(office.ctx, pkg, {
      default: 'ours',
      perRecord: [{ entity: 'objects', key: '91341324MA2N00002B', choice: 'theirs' }]
    })
    expect(objectRow(office.ctx, '91341324MA2N000018')!.legal_rep).toBe('王办公')
    expect(objectRow(office.ctx, '91341324MA2N00002B')!.legal_rep).toBe('李部门')
    const decisions = listAudit(office.ctx, { entity: 'objects' }).map((e) => [e.action, e.entityId])
    expect(decisions).toEqual(
      expect.arrayContaining([
        ['交换冲突：保留本方', '91341324MA2N000018'],
        ['交换冲突：采用对方', '91341324MA2N00002B']
      ])
    )
    expect(whoChanged(office.ctx, 'objects', '91341324MA2N000018')).toMatchObject({ agencyCode: 'local' })
    const before = dumpHash(office.ctx.sqlite)
    applyPackage(office.ctx, pkg, { default: 'theirs' })
    expect(dumpHash(office.ctx.sqlite)).toBe(before)
  })
})
