import { afterAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CHECK_METHOD_LIST,
  DISPOSAL_LIST,
  RESULT_CATEGORY_LIST,
  RESULT_CODES,
  categoryOfCode,
  codeOfCategory,
  followUpOf,
  resultCodeDef
} from '@contract'
import { openDatabase, defaultMigrationsDir } from '../../../electron/services/db/open'
import { loadMigrations } from '../../../electron/services/db/migrate'
import { tempDir } from '../../helpers/tmp'

const t = tempDir('suiji-codes-')
afterAll(t.cleanup)

/** The rows of the first markdown table after `heading` in a docs file, as cells. */
function docTable(file: string, heading: string): string[][] {
  const text = readFileSync(join(import.meta.dirname, '../../../docs', file), 'utf8')
  const from = text.indexOf(heading)
  expect(from, heading).toBeGreaterThanOrEqual(0)
  const lines = text.slice(from).split('\n')
  const start = lines.findIndex((l) => l.startsWith('|'))
  const rows: string[][] = []
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()))
  }
  return rows
}

describe('the 检查结果 code list', () => {
  it('has one unique code and label per entry, in the documented order, labels as the grid offers them', () => {
    expect(new Set(RESULT_CODES.map((d) => d.code)).size).toBe(RESULT_CODES.length)
    expect(RESULT_CODES.map((d) => d.label)).toEqual([...RESULT_CATEGORY_LIST])
    const doc = docTable('result-codes.md', '## 检查结果（')
    expect(doc.map((r) => [r[0], r[1]])).toEqual(RESULT_CODES.map((d) => [d.code, d.label]))
  })

  it('holds the national codes and every R9 category of the seeds', () => {
    const national = Object.fromEntries(RESULT_CODES.filter((d) => !d.local).map((d) => [d.code, d.national]))
    expect(national).toMatchObject({
      '1': '未发现问题',
      A: '发现问题待后续处理',
      E: '发现问题经责令已改正',
      F: '未发现开展本次抽查涉及的经营活动',
      '7': '已关闭停业或正在组织清算',
      '8': '不配合检查情节严重',
      '9': '注销',
      '10': '被吊销',
      '11': '被撤销',
      '12': '迁出'
    })
    for (const r9 of ['未发现问题', '未按规定公示应当公示的信息', '公示信息隐瞒真实情况弄虚作假', '通过登记的住所（经营场所）无法联系', '发现问题已责令改正', '不配合检查情节严重', '未发现开展本次抽查涉及的经营活动', '发现问题待后续处理', '合格', '不合格', '其他情况']) {
      expect(RESULT_CATEGORY_LIST as readonly string[]).toContain(r9)
    }
    expect(RESULT_CODES.filter((d) => d.parent === 'A').map((d) => d.code)).toEqual(['B', 'C', '6', 'D', '3', '4', '5'])
  })

  it('maps both ways: code ↔ our wording ↔ the national wording, and a typed variant', () => {
    for (const d of RESULT_CODES) {
      expect(categoryOfCode(d.code)).toBe(d.label)
      expect(codeOfCategory(d.label)).toBe(d.code)
      expect(resultCodeDef(d.national)?.code).toBe(d.code)
      expect(resultCodeDef(d.code.toLowerCase())?.code).toBe(d.code)
    }
    expect(resultCodeDef('发现问题经责令已改正')?.label).toBe('发现问题已责令改正')
    expect(resultCodeDef('通过登记的住所(经营场所)无法联系')?.code).toBe('6')
    expect(resultCodeDef('公示信息隐瞒真实情况、弄虚作假')?.code).toBe('C')
    expect(resultCodeDef('查无此类')).toBeUndefined()
  })

  it('decides follow-up by the code: 无需处置 never closes a problem', () => {
    expect(followUpOf('不合格', '无需处置')).toBe('open')
    expect(followUpOf('不配合检查情节严重', '无需处置')).toBe('open')
    expect(followUpOf('发现问题已责令改正', '责令改正')).toBe('closedOnCheck')
    expect(followUpOf('未发现问题', '无需处置')).toBe('none')
    expect(followUpOf('注销', '反馈日常监管部门')).toBe('none')
    expect(followUpOf('其他情况', '无需处置')).toBe('none')
    expect(followUpOf('其他情况', '责令改正')).toBe('open')
  })

  it('核查方式 and 后续处置 are the documented standard lists', () => {
    expect([...CHECK_METHOD_LIST]).toEqual(['实地检查', '书面检查', '行政部门检查结果或专业意见', '检验检测', '网络监测', '委托专业机构辅助'])
    expect(docTable('result-codes.md', '## 后续处置').map((r) => r[0])).toEqual([...DISPOSAL_LIST])
    expect(DISPOSAL_LIST.slice(0, 6)).toEqual(['无需处置', '反馈日常监管部门', '责令改正', '移送办案机构', '抄告相关部门', '列入经营异常名录'])
  })
})

describe('migration 0010 of results entered before the codes', () => {
  it('maps old categories, methods and disposals, moves 移送’s case number, reopens problems closed by 无须处置, keeps published results reviewed', () => {
    const full = loadMigrations(defaultMigrationsDir)
    const upto = full.findIndex((m) => m.tag.startsWith('0010'))
    expect(upto).toBe(10)
    const old = join(t.dir, 'old-migrations')
    mkdirSync(join(old, 'meta'), { recursive: true })
    const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta/_journal.json'), 'utf8'))
    journal.entries = journal.entries.slice(0, upto)
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify(journal))
    for (const m of full.slice(0, upto)) copyFileSync(join(defaultMigrationsDir, `${m.tag}.sql`), join(old, `${m.tag}.sql`))

    const file = join(t.dir, 'before-0010.db')
    const first = openDatabase(file, { migrationsDir: old })
    const db = first.sqlite
    db.prepare(`INSERT INTO departments (id, name, short_name, code, created_at, updated_at) VALUES (1, '县市场监管局', '市场监管', 'SCJG', 'x', 'x')`).run()
    const task = db.prepare(
      `INSERT INTO tasks (uid, task_no, year, name, initiator_dept_id, rule, period_start, period_end, status, created_at, updated_at) VALUES (?, ?, 2026, ?, 1, '{}', '2026-03-01', '2026-12-31', ?, 'x', 'x')`
    )
    task.run('t-pub', '2026-001', '已公示的任务', '已公示')
    task.run('t-open', '2026-002', '检查中的任务', '检查中')
    db.prepare(`INSERT INTO task_outcomes (task_id, completed_on, due_on, publication_days, published_on, updated_at) VALUES (1, '2026-03-10', '2026-04-08', 20, '2026-04-01', 'x')`).run()
    const ins = db.prepare(
      `INSERT INTO inspection_results (uid, task_id, task_uid, object_code, dept_id, item_uid, category, method, findings, disposal, disposal_ref, check_date, follow_up_done_on, follow_up_note, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 'i', ?, ?, '', ?, ?, '2026-03-10', ?, ?, 'x', 'x')`
    )
    const rows: [string, number, string, string, string, string, string | null, string][] = [
      ['r1', 1, '未发现问题', '实地核查', '无须处置', '', null, ''],
      ['r2', 1, '发现问题待后续处理', '书面检查', '移送办案', '泗市监立〔2026〕7号', null, ''],
      ['r3', 1, '不合格', '委托专业机构', '无须处置', '', '2026-03-10', '无须处置'],
      ['r4', 2, '发现问题已责令改正', '', '责令限期整改', '', null, ''],
      ['r5', 2, '通过登记的住所（经营场所）无法联系', '实地核查', '移交其他部门', '县商务局', null, ''],
      ['r6', 2, '合格', '网络监测', '无须处置', '', null, ''],
      ['r7', 2, '其他情况', '', '其他', '约谈', '2026-03-12', '已约谈']
    ]
    for (const [uid, taskId, category, method, disposal, ref, doneOn, note] of rows) ins.run(uid, taskId, taskId === 1 ? 't-pub' : 't-open', uid, category, method, disposal, ref, doneOn, note)
    db.close()

    const upgraded = openDatabase(file)
    expect(upgraded.migrated).toEqual(full.slice(upto).map((m) => m.tag))
    const got = upgraded.sqlite
      .prepare(`SELECT uid, result_code AS code, category, methods, disposal, disposal_ref AS ref, case_no AS caseNo, follow_up_done_on AS doneOn, review_status AS review FROM inspection_results ORDER BY uid`)
      .all() as Record<string, string | null>[]
    expect(got.map((r) => [r.uid, r.code, r.category, JSON.parse(r.methods!), r.disposal, r.ref, r.caseNo, r.doneOn, r.review])).toEqual([
      ['r1', '1', '未发现问题', ['实地检查'], '无需处置', '', '', null, '已通过'],
      ['r2', 'A', '发现问题待后续处理', ['书面检查'], '移送办案机构', '', '泗市监立〔2026〕7号', null, '已通过'],
      // 不合格 closed by 无须处置 used to count as 已处置: reopened
      ['r3', 'BHG', '不合格', ['委托专业机构辅助'], '无需处置', '', '', null, '已通过'],
      ['r4', 'E', '发现问题已责令改正', [], '责令改正', '', '', '2026-03-10', '录入'],
      ['r5', '6', '通过登记的住所（经营场所）无法联系', ['实地检查'], '抄告相关部门', '县商务局', '', null, '录入'],
      ['r6', 'HG', '合格', ['网络监测'], '无需处置', '', '', null, '录入'],
      ['r7', 'QT', '其他情况', [], '其他', '约谈', '', '2026-03-12', '录入']
    ])
    const cols = (upgraded.sqlite.prepare(`PRAGMA table_info(inspection_results)`).all() as { name: string }[]).map((c) => c.name)
    expect(cols).not.toContain('method')
    expect(upgraded.sqlite.prepare(`SELECT public_until AS u FROM task_outcomes WHERE task_id = 1`).get()).toEqual({ u: '2029-04-01' })
    upgraded.sqlite.close()
  })
})
