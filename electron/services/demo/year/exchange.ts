/**
 * 数据交换 of the demo year: the office's exchange identity, three member
 * departments registered as peers (each with its own key, made in a
 * throw-away database of its own), a plan entry one of them sent in a
 * signed package, and the packages the office sent back after the draws.
 * The package files stay in a folder beside the database, as the log names them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Ctx } from '../../context'
import { Workbench } from '../../workbench'
import { addPeer, exportKeyFile, getIdentity, initIdentity } from '../../exchange/identity'
import { exportPackage } from '../../exchange/export'
import { applyPackage } from '../../exchange/merge'
import { createPlanEntry } from '../../plans/service'
import type { Agenda } from './agenda'

const PEERS = [
  { code: 'SCJG', name: '泗阳县市场监督管理局' },
  { code: 'WJJ', name: '泗阳县卫生健康委员会' },
  { code: 'YJGL', name: '泗阳县应急管理局' }
] as const

export const PACKAGE_FOLDER = '演示数据交换包'

/** Adds the exchange steps; returns what closes and removes the departments' scratch databases (call it after the agenda ran). */
export function planExchange(ctx: Ctx, agenda: Agenda, year: number, dates: { keys: string; report: string; sendBack: string }): () => void {
  const folder = join(dirname(ctx.file), PACKAGE_FOLDER)
  const scratch = mkdtempSync(join(tmpdir(), 'sj-demo-peers-'))
  const sites = new Map<string, { wb: Workbench; ctx: Ctx }>()
  const cleanup = () => {
    for (const s of sites.values()) s.wb.close()
    rmSync(scratch, { recursive: true, force: true })
  }
  agenda.add(`${dates.keys} 09:00:00`, () => {
    mkdirSync(folder, { recursive: true })
    initIdentity(ctx, { name: '泗阳县“双随机、一公开”监管联席会议办公室' })
    for (const p of PEERS) {
      const wb = new Workbench(join(scratch, `${p.code}.db`))
      const dc = { ...wb.ctx(), actor: `${p.name}联络员` }
      sites.set(p.code, { wb, ctx: dc })
      initIdentity(dc, { name: p.name, deptCode: p.code })
      addPeer(ctx, exportKeyFile(dc), getIdentity(dc)!.fingerprint)
      addPeer(dc, exportKeyFile(ctx), getIdentity(ctx)!.fingerprint)
    }
  }, '建立数据交换身份')
  // 卫健 reports one more entry of its own through a package; the office merges it.
  agenda.add(`${dates.report} 11:00:00`, () => {
    const wjj = sites.get('WJJ')!.ctx
    const deptId = (wjj.sqlite.prepare(`SELECT id FROM departments WHERE code = 'WJJ'`).get() as { id: number }).id
    createPlanEntry(wjj, {
      year,
      planName: `${year}年度泗阳县部门联合“双随机、一公开”抽查计划`,
      taskName: '用人单位职业病防治专项检查',
      ratioText: '5%',
      initiatorDeptId: deptId,
      drawDate: `${year}-07`,
      inspectionTime: '7月至8月',
      status: '已报送',
      remark: '由县卫健委通过数据交换报送'
    })
    const file = join(folder, `卫健委报送-${dates.report}.sjbx`)
    exportPackage(wjj, { to: 'OFFICE', full: true, out: file })
    applyPackage(ctx, file, {})
  }, '成员单位用交换包报送计划')
  agenda.add(`${dates.sendBack} 16:00:00`, () => {
    for (const p of PEERS) exportPackage(ctx, { to: p.code, full: true, out: join(folder, `发往${p.code}-${dates.sendBack}.sjbx`) })
  }, '向成员单位发送交换包')
  return cleanup
}
