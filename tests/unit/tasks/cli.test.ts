import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { taskCreate, taskPublish, taskShow } from '../../../electron/cli/commands/tasks'
import { planExport, planImport, planR12 } from '../../../electron/cli/commands/plans'
import { tasksChannels } from '@contract'
import { tasksPreview, tasksUpdate } from '../../../electron/services/tasks/handlers'
import { runCli as run } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'
import { buildHistory, buildItems, buildRegistry } from './fixture'

const t = tempDir('suiji-task-cli-')
const db = join(t.dir, 'cli.db')

beforeAll(() => {
  const wb = new Workbench(db)
  const ctx = wb.ctx()
  buildRegistry(ctx)
  buildItems(ctx)
  buildHistory(ctx)
  wb.close()
})
afterAll(t.cleanup)

describe('task and plan commands', () => {
  it('creates a task from a JSON file written with names and percentages, shows its preview, publishes it', async () => {
    const file = join(t.dir, 'task.json')
    writeFileSync(
      file,
      JSON.stringify({
        taskNo: '2026-001',
        name: '餐饮服务单位联合抽查',
        adhoc: { reason: '投诉举报' },
        initiator: '市场监管局',
        departments: [
          { dept: '县市场监管局', items: ['餐饮服务食品安全检查'], inspectorsPerObject: 2 },
          { dept: '卫健局', items: ['i-health'] }
        ],
        scope: { kinds: ['市场主体'], industries: ['餐饮'], include: ['T0033'], exclude: ['T0004'] },
        rule: { A: '10%', B: '2户', C: { mode: 'ratio', value: 500 }, D: '100%' },
        period: { start: '2026-04-01', end: '2026-06-30' }
      })
    )
    expect((await run(taskCreate, ['--db', db, '--json-file', file])).out).toBe('已新建抽查任务 2026-001：餐饮服务单位联合抽查（草稿，序号 1）')
    const shown = await run(taskShow, ['2026-001', '--db', db, '--json'])
    const { task, preview } = JSON.parse(shown.out)
    expect(task.jointDeptIds).toHaveLength(1)
    // same hand count as tasks.test.ts, but T0001's visit by task 'own' counts here
    expect(preview.total).toEqual({ inScope: 21, excluded: { listed: 1, notActive: 2, yearCap: 1, classACap: 2 }, eligible: 15, toDraw: 9 }) // A 4 → 1, B 3 → 2, C 5 → 3, D 3 → 3
    expect((await run(taskShow, ['1', '--db', db])).out).toContain('A 类：范围内 6，可抽 4，规则 100‰，拟抽 1')
    expect((await run(taskPublish, ['2026-001', '--db', db])).out).toMatch(/^任务 2026-001 的抽查方案已公布/)
    await expect(run(taskPublish, ['2026-001', '--db', db])).rejects.toThrowError('任务“餐饮服务单位联合抽查”（2026-001）当前状态为方案已公布，只有草稿可以公布方案。')
  })

  it('refuses a task file with an unknown department in Chinese', async () => {
    const file = join(t.dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ name: '错误的任务文件', initiator: '县外星局', departments: [], rule: {} }))
    await expect(run(taskCreate, ['--db', db, '--json-file', file])).rejects.toThrowError('任务文件有误：发起部门“县外星局”不是成员单位，请写成员单位的全称、简称或代码。')
  })

  it('r12 exits 1 and lists the departments without a joint inspection; export/import round-trips through the CLI', async () => {
    const r = await run(planR12, ['--db', db, '--year', '2026', '--json'])
    expect(r.code).toBe(1)
    const names = JSON.parse(r.out).missing.map((m: { name: string }) => m.name)
    expect(names).not.toContain('县市场监管局')
    expect(names).not.toContain('县卫健局')
    expect(names).toHaveLength(28)
    const out = join(t.dir, 'empty.xlsx')
    expect((await run(planExport, ['--db', db, '--year', '2026', '--out', out, '--dept', '市场监管局'])).out).toContain('已导出 2026 年度计划 0 条')
    const imp = await run(planImport, [out, '--db', db, '--json'])
    expect(imp.code).toBe(1)
    expect(JSON.parse(imp.out).errors).toEqual([{ row: 3, reason: '表中没有计划条目。' }])
  })

  it('handlers: an update patch leaves absent fields alone; the preview takes an unsaved draft', async () => {
    const wb = new Workbench(db)
    try {
      const draftInput = tasksChannels['tasks.preview'].input.parse({ year: 2026, scope: { industries: ['餐饮'] }, rule: { A: { mode: 'count', value: 1 }, B: { mode: 'count', value: 1 }, C: { mode: 'count', value: 1 }, D: { mode: 'count', value: 1 } } })
      expect(tasksPreview(draftInput, wb).total.toDraw).toBe(4)
      const patch = tasksChannels['tasks.update'].input.parse({ id: 1, name: '改个名字的任务' })
      expect(() => tasksUpdate(patch, wb)).toThrowError(/已冻结/)
    } finally {
      wb.close()
    }
  })
})
