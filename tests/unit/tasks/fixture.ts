import type { Ctx } from '../../../electron/services/context'

/**
 * A hand-built county of 40 objects, small enough to count on paper:
 *   T0001–T0030 市场主体, T0031–T0035 机关事业单位, T0036–T0040 社会团体
 *   odd numbers in 城关镇, even in 东关镇
 *   T0001–T0020 餐饮, T0021–T0030 食品销售
 *   class by n % 4: 1 → A, 2 → B, 3 → C, 0 → D (ten of each)
 *   T0010, T0020 注销; T0030 吊销; T0001–T0005 tagged 重点
 */
export const code = (n: number) => `T${String(n).padStart(4, '0')}`

export function buildRegistry(ctx: Ctx): void {
  const ins = ctx.sqlite.prepare(
    `INSERT INTO objects (code, kind, name, reg_status, industry, township, credit_class, tags, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`
  )
  for (let n = 1; n <= 40; n++) {
    const kind = n <= 30 ? 'market' : n <= 35 ? 'institution' : 'social'
    const status = n === 10 || n === 20 ? '注销' : n === 30 ? '吊销' : '存续'
    const industry = n <= 20 ? '餐饮' : n <= 30 ? '食品销售' : ''
    const cls = ['D', 'A', 'B', 'C'][n % 4]!
    ins.run(code(n), kind, `对象${n}`, status, industry, n % 2 ? '城关镇' : '东关镇', cls, n <= 5 ? '重点' : '')
  }
}

/** Departments by name → id (the 30 defaults of a new database). */
export function deptIds(ctx: Ctx): Record<string, number> {
  const rows = ctx.sqlite.prepare('SELECT id, name FROM departments').all() as { id: number; name: string }[]
  return Object.fromEntries(rows.map((r) => [r.name, r.id]))
}

/** A few items on three departments' lists: 重点 uncapped, 一般 with caps 50‰ and 30‰. */
export function buildItems(ctx: Ctx): void {
  const d = deptIds(ctx)
  const ins = ctx.sqlite.prepare(
    `INSERT INTO items (uid, dept_id, category, name, level, ratio_cap_permille, specialty, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`
  )
  ins.run('i-food', d['县市场监管局'], '食品安全', '餐饮服务食品安全检查', '重点', null, '食品安全')
  ins.run('i-label', d['县市场监管局'], '产品质量', '商品标签标识检查', '一般', 50, '')
  ins.run('i-fire', d['县消防救援大队'], '消防安全', '消防安全检查', '一般', 30, '')
  ins.run('i-health', d['县卫健局'], '食品安全', '餐饮具集中消毒单位检查', '重点', null, '')
  ins.run('i-build', d['县住建局'], '建筑工程', '建筑市场行为检查', '重点', null, '')
  ins.run('i-safety', d['县应急管理局'], '安全生产', '安全生产检查', '重点', null, '')
  ins.run('i-trade', d['县商务局'], '商贸流通', '单用途预付卡检查', '重点', null, '')
  ins.run('i-police', d['县公安局'], '治安管理', '旅馆业治安检查', '重点', null, '')
}

/**
 * Inspection history of 2026 (and one of 2025), chosen so each R2 case occurs:
 *   T0002 (B) by two other tasks → twice this year
 *   T0005 (A) once → class A already inspected
 *   T0006 (B) once → still eligible
 *   T0003 (C) two rows of the same task → counts once → eligible
 *   T0009 (A) once, but in 2025 → eligible
 *   T0010 (B, 注销) twice → excluded as 注销 (status comes first)
 *   T0001 (A) by the task under preview itself ('own') → not counted
 */
export function buildHistory(ctx: Ctx): void {
  const ins = ctx.sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, created_at) VALUES (?, ?, ?, ?, '2026-01-01 00:00:00')`)
  ins.run(code(2), 'x', 2026, '2026-03-01')
  ins.run(code(2), 'y', 2026, '2026-05-01')
  ins.run(code(5), 'x', 2026, '2026-03-01')
  ins.run(code(6), 'y', 2026, '2026-05-01')
  ins.run(code(3), 'x', 2026, '2026-03-01')
  ins.run(code(3), 'x', 2026, '2026-03-02')
  ins.run(code(9), 'z', 2025, '2025-06-01')
  ins.run(code(10), 'x', 2026, '2026-03-01')
  ins.run(code(10), 'y', 2026, '2026-05-01')
  ins.run(code(1), 'own', 2026, '2026-02-01')
}
