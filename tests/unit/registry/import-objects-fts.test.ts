import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { queryObjects } from '../../../electron/services/registry/objects/query'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook, type Cell } from './fixtures/office'
import { uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => {
  t = tempDb()
})
afterEach(() => t.close())

const H: Cell[] = ['序号', '统一社会信用代码', '名称', '住所', '乡镇', '信用风险分类', '标签', '类型']
const DATA: Cell[][] = [
  [1, uscc(1), '泗阳县张三食品店', '众兴镇人民路1号', '众兴镇', 'A', '食品 重点', '市场主体'],
  [2, uscc(2), '泗阳县李四超市', '王集镇兴业路8号', '王集镇', 'B', '食品', '市场主体'],
  [3, uscc(3), '泗阳县王五五金店', '众兴镇文城路', '众兴镇', 'C', '', '市场主体'],
  [4, uscc(4, '12320123'), '泗阳县实验小学', '众兴镇学府路', '众兴镇', 'B', '学校', '事业单位'],
  [5, uscc(5), '泗阳县赵六百分之百超市', '众兴镇', '众兴镇', 'D', '重点', '市场主体']
]

async function load(rows: Cell[][] = DATA) {
  const file = t.path('o.xlsx')
  await writeWorkbook(file, [{ name: 'S', rows: [H, ...rows] }])
  return importObjects(t.ctx, file)
}
const names = (r: { rows: { name: string }[] }) => r.rows.map((x) => x.name)

describe('queryObjects over the imported registry (objects_fts)', () => {
  it('finds by any 3+ character substring of name, code or address, kept in step by the triggers', async () => {
    await load()
    expect(names(queryObjects(t.ctx, { search: '张三食', page: 1, pageSize: 50 }))).toEqual(['泗阳县张三食品店'])
    expect(names(queryObjects(t.ctx, { search: uscc(2).slice(-6).toLowerCase(), page: 1, pageSize: 50 }))).toEqual(['泗阳县李四超市'])
    expect(names(queryObjects(t.ctx, { search: '兴业路', page: 1, pageSize: 50 }))).toEqual(['泗阳县李四超市'])
    expect(queryObjects(t.ctx, { search: '泗阳县', page: 1, pageSize: 2 })).toMatchObject({ total: 5 })

    // Renamed by a re-import: the old text is gone from the index, the new one found.
    const renamed = DATA.map((r) => [...r])
    renamed[0]![2] = '泗阳县张三粮油店'
    const r = await load(renamed)
    expect(r.updated).toBe(1)
    expect(queryObjects(t.ctx, { search: '张三食', page: 1, pageSize: 50 }).total).toBe(0)
    expect(names(queryObjects(t.ctx, { search: '粮油店', page: 1, pageSize: 50 }))).toEqual(['泗阳县张三粮油店'])
    t.ctx.sqlite.exec(`INSERT INTO objects_fts(objects_fts) VALUES ('integrity-check')`)
  })

  it('short searches fall back to a scan of name and code, with % and _ taken literally', async () => {
    await load()
    expect(names(queryObjects(t.ctx, { search: '超市', page: 1, pageSize: 50 }))).toEqual(['泗阳县李四超市', '泗阳县赵六百分之百超市'])
    expect(queryObjects(t.ctx, { search: '%', page: 1, pageSize: 50 }).total).toBe(0)
    expect(queryObjects(t.ctx, { search: '_', page: 1, pageSize: 50 }).total).toBe(0)
    expect(names(queryObjects(t.ctx, { search: uscc(3).slice(-2).toLowerCase(), page: 1, pageSize: 50 }))).toContain('泗阳县王五五金店')
  })

  it('filters by kind, township, class, tag; pages and sorts in SQL', async () => {
    await load()
    expect(names(queryObjects(t.ctx, { kind: 'institution', page: 1, pageSize: 50 }))).toEqual(['泗阳县实验小学'])
    expect(queryObjects(t.ctx, { township: '众兴镇', page: 1, pageSize: 50 }).total).toBe(4)
    expect(names(queryObjects(t.ctx, { creditClass: 'D', page: 1, pageSize: 50 }))).toEqual(['泗阳县赵六百分之百超市'])
    expect(names(queryObjects(t.ctx, { tag: '重点', page: 1, pageSize: 50 }))).toEqual(['泗阳县张三食品店', '泗阳县赵六百分之百超市'])
    expect(queryObjects(t.ctx, { tag: '重', page: 1, pageSize: 50 }).total).toBe(0)
    const p2 = queryObjects(t.ctx, { township: '众兴镇', page: 2, pageSize: 3, sort: '-code' })
    expect(p2.total).toBe(4)
    expect(p2.rows.map((x) => x.code)).toEqual([[uscc(1), uscc(3), uscc(5), uscc(4, '12320123')].sort().reverse()[3]])
    expect(queryObjects(t.ctx, { search: '众兴镇', kind: 'market', creditClass: 'A', page: 1, pageSize: 50 }).rows[0]).toMatchObject({
      code: uscc(1),
      kind: 'market',
      township: '众兴镇',
      creditClass: 'A',
      tags: '食品 重点'
    })
  })
})

describe('a large import rebuilds the indexes inside its transaction', () => {
  it('3,000 new objects over a few stored ones: every index is back with its own definition, searches and filters find them', async () => {
    await load()
    const schema = () => t.ctx.sqlite.prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('objects', 'objects_fts') ORDER BY name`).all()
    const before = schema()
    const many: Cell[][] = Array.from({ length: 3000 }, (_, i) => [i + 1, uscc(100 + i), `泗阳县批量${i}号商店`, `穿城镇建设路${i}号`, i % 2 ? '穿城镇' : '众兴镇', 'ABCD'[i % 4]!, i % 5 === 1 ? '批量' : '', '市场主体'])
    const r = await load([...DATA, ...many])
    expect(r).toMatchObject({ imported: 3000, unchanged: 5, updated: 0 })
    expect(schema()).toEqual(before)
    expect(t.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    t.ctx.sqlite.exec(`INSERT INTO objects_fts(objects_fts) VALUES ('integrity-check')`)
    expect(names(queryObjects(t.ctx, { search: '批量2999号', page: 1, pageSize: 50 }))).toEqual(['泗阳县批量2999号商店'])
    const expected = many.filter((m) => m[4] === '穿城镇' && m[5] === 'B' && m[6] === '批量').length
    expect(expected).toBe(150)
    expect(queryObjects(t.ctx, { township: '穿城镇', creditClass: 'B', tag: '批量', page: 1, pageSize: 50 }).total).toBe(expected)
    // Planned through the rebuilt index, not a scan of the table.
    const plan = t.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM objects WHERE township = ?`).all('穿城镇') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/)
  })
})
