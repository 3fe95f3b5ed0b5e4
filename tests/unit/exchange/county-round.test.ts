import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { exportPackage } from '../../../electron/services/exchange/export'
import { applyPackage } from '../../../electron/services/exchange/merge'
import { BULK_THRESHOLD } from '../../../electron/services/db/bulk'
import { whoChanged } from '../../../electron/services/exchange/origin'
import { addInspector, addItem, addObject, bulkCode, closedAfterEach, dumpHash, pair, setObject, site, tempDir, type Site } from './helpers'
import type { Ctx } from '../../../electron/services/context'

const open = closedAfterEach()

/** The registries as every side should see them: natural keys only, no local ids or times. */
function registries(ctx: Ctx): string {
  const q = (sql: string) => ctx.sqlite.prepare(sql).all()
  return JSON.stringify({
    departments: q(`SELECT name, short_name, code, active, contact, phone FROM departments ORDER BY code`),
    objects: q(`SELECT o.code, o.name, o.address, o.legal_rep, o.township, d.code AS owner FROM objects o LEFT JOIN departments d ON d.id = o.owner_dept_id ORDER BY o.code`),
    inspectors: q(`SELECT i.id_number, i.name, d.code AS dept FROM inspectors i LEFT JOIN departments d ON d.id = i.dept_id ORDER BY i.id_number`),
    items: q(`SELECT i.uid, i.name, d.code AS dept FROM items i JOIN departments d ON d.id = i.dept_id ORDER BY i.uid`)
  })
}

describe('a county round with three databases', () => {
  it('departments send their registries, the office forwards the county registry, all sides end identical; every package imported twice changes nothing', () => {
    const dir = tempDir()
    const office = site(dir, 'office', { name: '县双随机办' })
    const scjg = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
    const wjj = site(dir, 'wjj', { name: '县卫健局', deptCode: 'WJJ' })
    open.push(office, scjg, wjj)
    pair(dir, office, scjg)
    pair(dir, office, wjj)
    addObject(scjg.ctx, '91341324MA2N000018', '泗县甲超市', 'SCJG')
    addInspector(scjg.ctx, '34132419800101001X', '张三', 'SCJG')
    addItem(scjg.ctx, 'item-scjg-1', '食品销售者检查', 'SCJG')
    addObject(wjj.ctx, '52341324MJ0000001L', '泗县某诊所', 'WJJ')
    addInspector(wjj.ctx, '341324198502020021', '李四', 'WJJ')
    addItem(wjj.ctx, 'item-wjj-1', '医疗机构检查', 'WJJ')
    // The office has its own county-wide list with an object nobody maintains.
    addObject(office.ctx, '92341324MA2N00009X', '泗县个体户', null)

    let n = 0
    const send = (from: Site, to: Site, toCode: string, full = false) => {
      const file = join(dir, `${++n}.sjbx`)
      // The office forwards the county registry only when asked.
      exportPackage(from.ctx, { to: toCode, full, out: file, withRegistry: true })
      applyPackage(to.ctx, file, {})
      const before = dumpHash(to.ctx.sqlite)
      applyPackage(to.ctx, file, {})
      expect(dumpHash(to.ctx.sqlite)).toBe(before)
      return file
    }
    send(scjg, office, 'OFFICE')
    send(wjj, office, 'OFFICE')
    send(office, scjg, 'SCJG')
    send(office, wjj, 'WJJ')
    expect(registries(scjg.ctx)).toBe(registries(office.ctx))
    expect(registries(wjj.ctx)).toBe(registries(office.ctx))
    // The office passed on 卫健局's object: provenance is the verified signer of the package that brought it (a package cannot name its author).
    expect(whoChanged(scjg.ctx, 'objects', '52341324MJ0000001L')).toMatchObject({ agencyCode: 'OFFICE' })

    // A later change travels incrementally through the office to the other department.
    setObject(wjj.ctx, '52341324MJ0000001L', { address: '泗县新址' })
    send(wjj, office, 'OFFICE')
    send(office, scjg, 'SCJG')
    expect(registries(scjg.ctx)).toBe(registries(wjj.ctx))
    expect(registries(office.ctx)).toBe(registries(wjj.ctx))
    // Nothing left to send: the next incremental package changes nothing.
    const before = registries(office.ctx)
    send(scjg, office, 'OFFICE')
    expect(registries(office.ctx)).toBe(before)
  })

  it(`a merge of more than ${BULK_THRESHOLD} objects keeps the full-text search complete and working afterwards`, () => {
    const dir = tempDir()
    const office = site(dir, 'office', { name: '县双随机办' })
    const scjg = site(dir, 'scjg', { name: '县市场监管局', deptCode: 'SCJG' })
    open.push(office, scjg)
    // The office numbers its departments differently: the bulk path must map owners through their codes.
    office.ctx.sqlite.exec('UPDATE departments SET id = id + 100')
    pair(dir, office, scjg)
    scjg.ctx.sqlite.transaction(() => {
      for (let i = 0; i < BULK_THRESHOLD + 500; i++) addObject(scjg.ctx, bulkCode(i), `泗县第${i}号商店`, 'SCJG')
    })()
    const triggers = () => office.ctx.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()
    const triggersBefore = triggers()
    const file = join(dir, 'big.sjbx')
    exportPackage(scjg.ctx, { to: 'OFFICE', out: file })
    applyPackage(office.ctx, file, {})
    const search = (q: string) => (office.ctx.sqlite.prepare(`SELECT count(*) AS n FROM objects_fts WHERE objects_fts MATCH ?`).get(`"${q}"`) as { n: number }).n
    expect(search('第5432号商店')).toBe(1)
    expect(search('号商店')).toBe(BULK_THRESHOLD + 500)
    // Every record arrived whole, its owner as the same department, its origin noted.
    expect(JSON.parse(registries(office.ctx)).objects).toEqual(JSON.parse(registries(scjg.ctx)).objects)
    expect(whoChanged(office.ctx, 'objects', bulkCode(BULK_THRESHOLD + 100))).toMatchObject({ agencyCode: 'SCJG' })
    expect(applyPackage(office.ctx, file, {}).applied).toBe(false)
    // The sync triggers are back: a record added afterwards is found too.
    addObject(office.ctx, bulkCode(999_999), '泗县新开张药房', null)
    expect(search('新开张药房')).toBe(1)
    expect(triggers()).toEqual(triggersBefore)
  })
})
