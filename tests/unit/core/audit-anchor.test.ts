/**
 * The audit log against someone with a raw SQLite tool: triggers dropped,
 * then the log truncated, emptied, rebuilt from an entry on, or extended by a
 * forged row with a correct hash. The signed head kept apart from the log
 * catches each; `audit verify` exits non-zero.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workbench } from '../../../electron/services/workbench'
import { audit, entryHash, verifyAuditChain } from '../../../electron/services/audit/log'
import { initIdentity } from '../../../electron/services/exchange/identity'
import { auditVerify } from '../../../electron/cli/commands/db'
import type { Ctx } from '../../../electron/services/context'

afterEach(() => vi.restoreAllMocks())

type Row = { id: number; at: string; actor: string; action: string; entity: string; entityId: string; detail: string; prevHash: string; hash: string }

function logged(withIdentity: boolean) {
  const file = join(mkdtempSync(join(tmpdir(), 'sj-audit-')), 'a.db')
  const wb = new Workbench(file)
  const ctx: Ctx = { ...wb.ctx(), actor: '张三' }
  if (withIdentity) initIdentity(ctx, { name: '县双随机办' })
  for (let i = 0; i < 5; i++) ctx.sqlite.transaction(() => audit(ctx, { action: '测试操作', entity: 'test', entityId: i, detail: { i } }))()
  expect(verifyAuditChain(ctx).ok).toBe(true)
  // What the attacker does first: the append-only triggers go.
  ctx.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete')
  return { wb, ctx, file }
}

const rows = (ctx: Ctx) =>
  ctx.sqlite.prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY id').all() as Row[]

/** Appends rows with a correct hash chain, as a forger who read the algorithm would. */
function forge(ctx: Ctx, after: string, entries: Partial<Row>[]) {
  let prev = after
  for (const e of entries) {
    const entry = { at: '2026-03-01 09:00:00', actor: '张三', action: '测试操作', entity: 'test', entityId: 'x', detail: '{}', ...e }
    const hash = entryHash(prev, entry)
    ctx.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.detail, prev, hash)
    prev = hash
  }
}

async function cliExit(file: string): Promise<{ code: number; out: string }> {
  const logs: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')))
  const code = await auditVerify.run(['--db', file])
  vi.restoreAllMocks()
  return { code, out: logs.join('\n') }
}

const manipulations: [string, (ctx: Ctx) => void, RegExp][] = [
  [
    'the last rows deleted and the id counter wound back',
    (ctx) => {
      const n = rows(ctx).length
      ctx.sqlite.exec(`DELETE FROM audit_log WHERE id > ${n - 2}; UPDATE sqlite_sequence SET seq = ${n - 2} WHERE name = 'audit_log'`)
    },
    /被删除/
  ],
  [
    'the log emptied',
    (ctx) => ctx.sqlite.exec(`DELETE FROM audit_log; DELETE FROM sqlite_sequence WHERE name = 'audit_log'`),
    /被删除|清空/
  ],
  [
    're-chained from row 2 with an edited entry',
    (ctx) => {
      const all = rows(ctx)
      ctx.sqlite.exec(`DELETE FROM audit_log WHERE id >= 2; UPDATE sqlite_sequence SET seq = 1 WHERE name = 'audit_log'`)
      forge(
        ctx,
        all[0]!.hash,
        all.slice(1).map((r, i) => ({ ...r, actor: i === 0 ? '李四' : r.actor }))
      )
    },
    /改写/
  ],
  [
    'a forged row appended with a correct hash',
    (ctx) => forge(ctx, rows(ctx).at(-1)!.hash, [{ action: '删除检查对象', detail: '{"forged":true}' }]),
    /没有经过程序签名/
  ],
  ['the signed head deleted', (ctx) => ctx.sqlite.exec('DELETE FROM audit_anchor'), /锚点缺失/],
  [
    'the signed head moved to a forged position (signature kept)',
    (ctx) => {
      forge(ctx, rows(ctx).at(-1)!.hash, [{ action: '伪造' }])
      const last = rows(ctx).at(-1)!
      ctx.sqlite.prepare('UPDATE audit_anchor SET seq = ?, hash = ?').run(last.id, last.hash)
    },
    /锚点与本单位密钥不符/
  ]
]

describe.each([
  ['an installation with its agency key', true],
  ['an installation without an agency key yet (its own audit key signs)', false]
])('%s', (_label, withIdentity) => {
  it.each(manipulations)('%s: verify reports it and `audit verify` exits non-zero', async (_name, manipulate, reason) => {
    const { wb, ctx, file } = logged(withIdentity)
    manipulate(ctx)
    const r = verifyAuditChain(ctx)
    expect(r.ok).toBe(false)
    expect(r.brokenAt!.reason).toMatch(reason)
    wb.close()
    const cli = await cliExit(file)
    expect(cli.code).not.toBe(0)
    expect(cli.out).toMatch(/审计日志被篡改/)
  })

  it('an untouched log verifies, and keeps verifying as the program appends', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sj-audit-')), 'a.db')
    const wb = new Workbench(file)
    const ctx = wb.ctx()
    if (withIdentity) initIdentity(ctx, { name: '县双随机办' })
    ctx.sqlite.transaction(() => audit(ctx, { action: '测试操作', entity: 'test' }))()
    expect(verifyAuditChain(ctx).ok).toBe(true)
    wb.close()
    expect((await cliExit(file)).code).toBe(0)
  })
})
