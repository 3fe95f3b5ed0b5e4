import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli as run } from '../../helpers/cli'
import { tempDir, openCtx } from '../../helpers/tmp'
import { drawCommand, drawPublish } from '../../../electron/cli/commands/draws'
import { verify } from '../../../electron/cli/commands/verify'
import type { DrawEvidence } from '../../../electron/services/draws'
import { demoCounty, restaurantTask, today } from './fixture'

const t = tempDir('suiji-draw-cli-')
const db = join(t.dir, 'cli.db')
let taskNo = ''

beforeAll(() => {
  const ctx = openCtx(db)
  demoCounty(ctx)
  taskNo = restaurantTask(ctx).taskNo
  ctx.close()
})
afterAll(t.cleanup)

describe('suiji draw', () => {
  const evidence = join(t.dir, 'OUT.json')
  it('publishes the plan, draws with two witnesses and a public value, and writes evidence that suiji verify accepts', async () => {
    const pub = await run(drawPublish.run, [taskNo, '--db', db, '--draw-date', today(), '--public-label', '福彩3D 2026300期', '--json'])
    expect(pub.code).toBe(0)
    const a = JSON.parse(pub.out)
    expect(a.frozen).toBe(true)

    const r = await run(drawCommand.run, [
      taskNo, '--db', db,
      '--source', '见证人张三=483920',
      '--source', '见证人李四=105577',
      '--public', '福彩3D 2026300期=5 1 8',
      '--operator', '王五',
      '--evidence', evidence,
      '--json'
    ])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out)
    expect(out.objects).toHaveLength(a.drawCount)
    const e = JSON.parse(readFileSync(evidence, 'utf8')) as DrawEvidence
    expect(e.seed.sources).toEqual(
      expect.arrayContaining([
        { kind: 'witness', label: '张三', value: '483920' },
        { kind: 'witness', label: '李四', value: '105577' },
        { kind: 'public', label: '福彩3D 2026300期', value: '5 1 8' }
      ])
    )
    expect(e.people.operator).toBe('王五')
    expect(e.pool.sha256).toBe(a.poolSha256)
    const v = await run(verify.run, [evidence])
    expect(v.code).toBe(0)
    expect(v.out).toContain('一致')
  })

  it('an altered evidence file exits 1; an unreadable one exits 2', async () => {
    const e = JSON.parse(readFileSync(evidence, 'utf8')) as DrawEvidence
    e.result[0].code = e.pool.entries.find((p) => !e.result.some((r) => r.code === p.code))!.code
    const altered = join(t.dir, 'altered.json')
    writeFileSync(altered, JSON.stringify(e))
    expect((await run(verify.run, [altered])).code).toBe(1)
    const broken = join(t.dir, 'broken.json')
    writeFileSync(broken, readFileSync(evidence, 'utf8').slice(0, 100))
    expect((await run(verify.run, [broken])).code).toBe(2)
  })

  it('refuses a second draw of the same task', async () => {
    await expect(run(drawCommand.run, [taskNo, '--db', db, '--source', '张三=1', '--source', '李四=2', '--evidence', join(t.dir, 'again.json')])).rejects.toThrow(/已经抽取过/)
  })
})
