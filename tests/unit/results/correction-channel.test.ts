/** A correction as the 更正 dialog sends it: through the contract and dispatch, read back from the database file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { dispatch } from '../../../electron/services/api/dispatch'
import { handlers } from '../../../electron/services/api/handlers'
import type { Ctx } from '../../../electron/services/context'
import type { Workbench } from '../../../electron/services/workbench'
import { publishResults, resultsOfTask, saveResults } from '../../../electron/services/results'
import { tempDir } from '../../helpers/tmp'
import { approveAll } from '../../helpers/review'
import { allResults, code, county, drawnTask } from './fixture'

const t = tempDir('suiji-correction-')
let wb: Workbench
let ctx: Ctx
beforeAll(() => {
  ;({ wb, ctx } = county(t.dir, 'c.db'))
})
afterAll(() => {
  wb.close()
  t.cleanup()
})

async function call(channel: string, input: unknown) {
  return dispatch(handlers, wb, channel, input)
}
/** The stored row, read by a connection of its own. */
function stored(id: number) {
  const db = new Database(wb.file, { readonly: true })
  try {
    return db.prepare(`SELECT category, methods, findings, disposal, disposal_ref AS disposalRef, inspectors FROM inspection_results WHERE id = ?`).get(id) as Record<string, string>
  } finally {
    db.close()
  }
}

const TEAM = [
  { name: '张建国', certNo: '32090012345', deptName: '县市场监管局' },
  { name: '李秀英', certNo: '32090012346', deptName: '县市场监管局' }
]

describe('更正 through the API', () => {
  it('changes only the fields it names: 检查人员, 核查方式 and 后续处置 survive a correction of 检查情况', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-031', start: '2026-04-01', depts: [['县市场监管局', ['i-food']]], codes: [code(41), code(43)] })
    const rows = allResults(ctx, task, '县市场监管局', '2026-04-10', {}).map((r) => ({ ...r, methods: ['书面检查' as const], category: '发现问题已责令改正' as const, findings: '健康证过期', disposal: '责令改正' as const, inspectors: TEAM }))
    saveResults(ctx, task.id, rows)
    approveAll(ctx, task.id)
    publishResults(ctx, task.id, '2026-04-20')
    const target = resultsOfTask(ctx, task.id)[0]!

    const env = await call('results.correct', { resultId: target.id, changes: { findings: '健康证过期 2 人' }, reason: '补充检查情况的人数', approvedBy: '周局长' })
    expect(env.ok).toBe(true)
    const row = stored(target.id)
    expect(row).toMatchObject({ category: '发现问题已责令改正', findings: '健康证过期 2 人', disposal: '责令改正' })
    expect(JSON.parse(row.methods)).toEqual(['书面检查'])
    expect(JSON.parse(row.inspectors)).toEqual(TEAM)
    // the comparison keeps the team on both sides
    const list = await call('results.corrections', { taskId: task.id })
    const c = (list as { ok: true; data: { before: { inspectors: unknown }; after: { inspectors: unknown } }[] }).data[0]!
    expect(c.before.inspectors).toEqual(TEAM)
    expect(c.after.inspectors).toEqual(TEAM)

    // a correction of the team itself is kept, with the original beside it
    await call('results.correct', { resultId: target.id, changes: { inspectors: [TEAM[0]] }, reason: '李秀英当天未到场', approvedBy: '周局长' })
    expect(JSON.parse(stored(target.id).inspectors)).toEqual([TEAM[0]])
  })

  it('refusals read as Chinese sentences without field names', async () => {
    const task = drawnTask(ctx, { taskNo: '2026-032', start: '2026-04-01', depts: [['县市场监管局', ['i-food']]], codes: [code(45)] })
    saveResults(ctx, task.id, allResults(ctx, task, '县市场监管局', '2026-04-10'))
    approveAll(ctx, task.id)
    publishResults(ctx, task.id, '2026-04-20')
    const target = resultsOfTask(ctx, task.id)[0]!
    const env = await call('results.correct', { resultId: target.id, changes: { findings: '补录', checkDate: '四月十日', methods: ['x'] }, reason: '', approvedBy: '' })
    expect(env.ok).toBe(false)
    const msg = (env as { error: { message: string } }).error.message
    expect(msg).toContain('请写明更正原因')
    expect(msg).not.toMatch(/[A-Za-z]/)
  })
})
