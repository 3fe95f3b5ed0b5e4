import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli as run } from '../../helpers/cli'
import { tempDir, openCtx } from '../../helpers/tmp'
import { drawCommand, drawPublish, drawRedraw, drawReplace } from '../../../electron/cli/commands/draws'
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
    const pub = await run(drawPublish.run, [taskNo, '--db', db, '--draw-date', today(), '--public-label', '福彩3D 第2026300期开奖号码', '--json'])
    expect(pub.code).toBe(0)
    const a = JSON.parse(pub.out)
    expect(a.frozen).toBe(true)

    const r = await run(drawCommand.run, [
      taskNo, '--db', db,
      '--source', '见证人张三=483920',
      '--source', '见证人李四=105577',
      '--source', '见证人王五=660318',
      '--public', '福彩3D 第2026300期开奖号码=5 1 8',
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
        { kind: 'public', label: '福彩3D 第2026300期开奖号码', value: '5 1 8' }
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

  it('replaces an inspector and re-draws with the same rules and records as the UI; verify checks the paper chain', async () => {
    const e = JSON.parse(readFileSync(evidence, 'utf8')) as DrawEvidence
    const out = e.result[0].team.find((m) => m.role === '组员')!
    const dept = e.task.departments.find((d) => d.deptId === out.deptId)!
    const busy = new Set(e.result[0].team.map((m) => m.idNumber))
    const pick = e.inspectors.entries.find((p) => p.deptId === dept.deptId && !p.isExpert && p.active && p.certNo && !busy.has(p.idNumber) && !p.avoidCodes.includes(e.result[0].code) && !p.avoidTownships.includes(e.result[0].township) && dept.requiredSpecialties.every((s) => p.specialties.includes(s)) && (p.certValidUntil ?? '') >= today())!
    const file = join(t.dir, 'replaced.json')
    const common = [taskNo, '--db', db, '--order', '1', '--out', out.idNumber, '--approver', '陈副局长', '--evidence', file, '--json']
    await expect(run(drawReplace.run, [...common, '--reason', '心情不好', '--in', pick.idNumber])).rejects.toThrow('--reason 只能是')
    // the county's policy is manual: a random re-draw is refused as in the UI
    await expect(run(drawReplace.run, [...common, '--reason', '工作冲突', '--source', '赵六=771204'])).rejects.toThrow(/人工指定/)
    const r = await run(drawReplace.run, [...common, '--reason', '工作冲突', '--in', pick.idNumber])
    expect(r.code).toBe(0)
    const after = JSON.parse(r.out)
    expect(after.chain.adjustments).toBe(1)
    const withRec = JSON.parse(readFileSync(file, 'utf8')) as DrawEvidence
    expect(withRec.replacements[0]).toMatchObject({ outIdNumber: out.idNumber, inIdNumber: pick.idNumber, reason: '工作冲突', approver: '陈副局长', policy: 'manual' })
    expect((await run(verify.run, [file, '--adjustments', '1', '--head', after.chain.headCode])).code).toBe(0)
    // the earlier file (no replacement) against the paper printed now: caught
    const stale = await run(verify.run, [evidence, '--adjustments', '1', '--head', after.chain.headCode])
    expect(stale.code).toBe(1)
    expect(stale.out).toContain('链头校验码')

    const redrawn = join(t.dir, 'redrawn.json')
    const fresh = ['--source', '周七=990417', '--source', '吴八=123456', '--source', '郑九=314159', '--public', '福彩3D 第2026300期开奖号码=5 1 8']
    await expect(run(drawRedraw.run, [taskNo, '--db', db, '--reason', '停电', ...fresh, '--evidence', redrawn])).rejects.toThrow('至少 4 个字')
    const d2 = await run(drawRedraw.run, [taskNo, '--db', db, '--reason', '抽取现场停电未能核对', ...fresh, '--evidence', redrawn, '--json'])
    expect(d2.code).toBe(0)
    const v2 = JSON.parse(d2.out)
    expect(v2.chain.adjustments).toBe(2)
    const e2 = JSON.parse(readFileSync(redrawn, 'utf8')) as DrawEvidence
    expect(e2.supersedes).toMatchObject({ drawId: e.drawId, headSha256: withRec.replacements[0].sha256, adjustments: 1, reason: '抽取现场停电未能核对' })
    expect((await run(verify.run, [redrawn, '--adjustments', '2', '--head', v2.chain.headCode])).code).toBe(0)
  })
})
