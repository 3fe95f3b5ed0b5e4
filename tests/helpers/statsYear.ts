import { Workbench } from '../../electron/services/workbench'

/**
 * A county year written straight with SQL (fast to build): `objects` objects,
 * `tasks` tasks × `perTask` drawn objects × 1 item = tasks × perTask results.
 * Used by the dashboard's scale test and by the `stats` benchmark.
 */
export function buildStatsYear(db: string, { objects: N, tasks: TASKS, perTask: PER_TASK }: { objects: number; tasks: number; perTask: number }): void {
  const wb = new Workbench(db)
  const { sqlite } = wb.ctx()
  const depts = (sqlite.prepare(`SELECT id FROM departments ORDER BY id`).all() as { id: number }[]).map((d) => d.id)
  sqlite.transaction(() => {
    const obj = sqlite.prepare(`INSERT INTO objects (code, kind, name, credit_class, created_at, updated_at) VALUES (?, 'market', ?, ?, 'x', 'x')`)
    for (let i = 0; i < N; i++) obj.run(`B${String(i).padStart(8, '0')}`, `对象${i}`, 'ABCD'[i % 4])
    const item = sqlite.prepare(`INSERT INTO items (uid, dept_id, category, name, created_at, updated_at) VALUES (?, ?, '类', ?, 'x', 'x')`)
    for (const d of depts) item.run(`it-${d}`, d, `事项${d}`)
    const task = sqlite.prepare(
      `INSERT INTO tasks (uid, task_no, year, name, initiator_dept_id, departments, rule, period_start, period_end, status, created_at, updated_at)
       VALUES (?, ?, 2026, ?, ?, ?, ?, '2026-03-01', '2026-12-31', ?, 'x', 'x')`
    )
    const outcome = sqlite.prepare(`INSERT INTO task_outcomes (task_id, completed_on, due_on, publication_days, published_on, updated_at) VALUES (?, '2026-05-01', '2026-06-01', 20, ?, 'x')`)
    const visit = sqlite.prepare(`INSERT INTO object_inspections (object_code, task_uid, year, date, depts, created_at) VALUES (?, ?, 2026, '2026-04-01', '[]', 'x')`)
    const result = sqlite.prepare(
      `INSERT INTO inspection_results (uid, task_id, task_uid, object_code, object_name, dept_id, item_uid, category, check_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, '', ?, ?, ?, '2026-04-01', 'x', 'x')`
    )
    const cats = ['未发现问题', '未发现问题', '未发现问题', '发现问题已责令改正', '不合格']
    for (let k = 0; k < TASKS; k++) {
      const d = depts[k % depts.length]!
      const parts = [{ deptId: d, itemUids: [`it-${d}`], inspectorsPerObject: 2 }]
      const rule = k % 3 ? { A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 20 }, C: { mode: 'ratio', value: 30 }, D: { mode: 'ratio', value: 40 } } : { A: { mode: 'ratio', value: 10 }, B: { mode: 'ratio', value: 10 }, C: { mode: 'ratio', value: 10 }, D: { mode: 'ratio', value: 10 } }
      const id = task.run(`u${k}`, `2026-${String(k + 1).padStart(3, '0')}`, `任务${k}`, d, JSON.stringify(parts), JSON.stringify(rule), k % 2 ? '已公示' : '已完成').lastInsertRowid as number
      outcome.run(id, k % 2 ? '2026-05-20' : null)
      for (let j = 0; j < PER_TASK; j++) {
        const code = `B${String((k * 2999 + j * 7) % N).padStart(8, '0')}`
        visit.run(code, `u${k}`)
        result.run(`r${k}-${j}`, id, `u${k}`, code, d, `it-${d}`, cats[j % cats.length])
      }
    }
  })()
  sqlite.exec('ANALYZE')
  wb.close()
}
