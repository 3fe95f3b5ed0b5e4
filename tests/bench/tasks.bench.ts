/**
 * Eligibility preview at county scale: 150 000 objects (realistic row width,
 * 5 % 注销/吊销, 30 000 inspection records this year), a four-class rule
 * mixing ratios and a count. Goal ≤ 200 ms per preview (it runs live as the
 * user edits the rule). Also times a narrower scope, the plan's 抽查对象总数
 * and the publication that freezes the pool (no goal; shown for reference).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../electron/services/db/open'
import type { Ctx } from '../../electron/services/context'
import { seedDefaultDepartments } from '../../electron/services/departments/service'
import { previewEligibility } from '../../electron/services/tasks/preview'
import { countScope } from '../../electron/services/tasks/scope'
import { createTask } from '../../electron/services/tasks/service'
import { publishTask } from '../../electron/services/tasks/lifecycle'
import type { DrawRuleSpec, ObjectScopeInput } from '@contract'

const N = 150_000
const TOWNS = ['众兴镇', '爱园镇', '王集镇', '裴圩镇', '新袁镇', '李口镇', '临河镇', '穿城镇', '庄圩乡', '里仁乡', '卢集镇', '高渡镇']
const INDUSTRIES = ['批发和零售业', '住宿和餐饮业', '制造业', '建筑业', '农、林、牧、渔业', '居民服务业']
const GOAL_MS = 200

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function time(f: () => unknown, runs = 7): number {
  f() // warm the page cache and statement cache
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    f()
    ms.push(performance.now() - t0)
  }
  return median(ms)
}

function populate(ctx: Ctx): void {
  const now = '2026-01-01 00:00:00'
  const ins = ctx.sqlite.prepare(
    `INSERT INTO objects (code, kind, name, entity_type, reg_authority, legal_rep, address, reg_status, business_scope, industry, township, credit_class, tags, created_at, updated_at)
     VALUES (?, ?, ?, '有限责任公司', '泗阳县市场监督管理局', '张三', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const hist = ctx.sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, created_at) VALUES (?, ?, 2026, '2026-03-01', ?)`)
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(`INSERT INTO items (uid, dept_id, category, name, level, created_at, updated_at) VALUES ('bench-item', 1, '食品安全', '食品经营检查', '重点', ?, ?)`)
      .run(now, now)
    for (let i = 0; i < N; i++) {
      const code = `91321323${String(i).padStart(10, '0')}`
      const r = (i * 2654435761) >>> 0
      const cls = ['A', 'B', 'B', 'B', 'C', 'C', 'D', 'A'][r % 8]!
      const status = r % 20 === 0 ? '注销' : r % 53 === 0 ? '吊销' : '存续'
      ins.run(
        code,
        i % 12 === 0 ? 'institution' : 'market',
        `泗阳县某某商贸有限公司${i}`,
        `${TOWNS[r % 12]}人民路${i % 500}号`,
        status,
        '许可项目：食品经营；一般项目：日用百货销售、五金产品零售、家用电器销售（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
        INDUSTRIES[(r >>> 4) % 6],
        TOWNS[r % 12],
        cls,
        r % 11 === 0 ? '重点 食品' : '',
        now,
        now
      )
      if (i % 5 === 0) hist.run(code, `t${i % 40}`, now)
      if (i % 35 === 0) hist.run(code, `t${(i % 40) + 1}`, now)
    }
  })()
  ctx.sqlite.exec('ANALYZE')
}

export async function benchTasks(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-tasks-'))
  const out: string[] = []
  try {
    const opened = openDatabase(join(dir, 'bench.db'))
    const ctx: Ctx = { db: opened.db, sqlite: opened.sqlite, file: opened.file, actor: '基准测试' }
    seedDefaultDepartments(ctx)
    const t0 = performance.now()
    populate(ctx)
    out.push(`生成 ${N.toLocaleString()} 个检查对象和检查记录：${((performance.now() - t0) / 1000).toFixed(1)} s`)

    const rule: DrawRuleSpec = { A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 30 }, C: { mode: 'ratio', value: 50 }, D: { mode: 'count', value: 400 } }
    const wide: ObjectScopeInput = { kinds: ['market'] }
    const narrow: ObjectScopeInput = { townships: ['众兴镇', '王集镇'], industries: ['住宿和餐饮业'], exclude: ['913213230000000000'] }

    const p = previewEligibility(ctx, { year: 2026, scope: wide, rule })
    const wideMs = time(() => previewEligibility(ctx, { year: 2026, scope: wide, rule }))
    out.push(
      `资格预览（全部市场主体，四类规则）：${wideMs.toFixed(1)} ms（目标 ≤ ${GOAL_MS} ms，${(wideMs / GOAL_MS).toFixed(2)}×）` +
        ` — 范围内 ${p.total.inScope}，排除 ${p.total.inScope - p.total.eligible}，可抽 ${p.total.eligible}，拟抽 ${p.total.toDraw}`
    )
    const allMs = time(() => previewEligibility(ctx, { year: 2026, scope: {}, rule }))
    out.push(`资格预览（全部 ${N.toLocaleString()} 个对象，无筛选）：${allMs.toFixed(1)} ms（目标 ≤ ${GOAL_MS} ms，${(allMs / GOAL_MS).toFixed(2)}×）`)
    const narrowMs = time(() => previewEligibility(ctx, { year: 2026, scope: narrow, rule }))
    out.push(`资格预览（两个乡镇 × 一个行业）：${narrowMs.toFixed(1)} ms（目标 ≤ ${GOAL_MS} ms，${(narrowMs / GOAL_MS).toFixed(2)}×）`)
    const countMs = time(() => countScope(ctx, wide))
    out.push(`计划“抽查对象总数”（全部市场主体）：${countMs.toFixed(1)} ms`)

    const task = createTask(ctx, {
      name: '基准测试联合抽查任务',
      adhocReason: '其他',
      adhocNote: '基准测试',
      initiatorDeptId: 1,
      departments: [{ deptId: 1, itemUids: ['bench-item'], inspectorsPerObject: 2 }],
      scope: wide,
      rule,
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30'
    })
    const t1 = performance.now()
    publishTask(ctx, task.id)
    out.push(`公布方案并冻结对象库（${p.total.inScope} 户）：${(performance.now() - t1).toFixed(0)} ms`)
    opened.sqlite.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
