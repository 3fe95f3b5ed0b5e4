import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importObjects } from '../../../electron/services/registry/import/objects'
import { listAudit } from '../../../electron/services/audit/log'
import { tempDb, type TestDb } from './fixtures/db'
import { writeWorkbook, type Cell } from './fixtures/office'
import { badUscc, regNo, uscc } from './fixtures/ids'

let t: TestDb
beforeEach(() => {
  t = tempDb()
})
afterEach(() => t.close())

const HEADER: Cell[] = ['序号', '统一社会\n信用代码/ 注册号', '市场主体名 称', '市场主体类 型', '登记机 关', '法定\n代表\n人', '住所', '登记状 态', '成立日 期', '经营范 围', '信用风险分类', '标签']

function row(seq: number | null, code: Cell, name: Cell, date: Cell, extra: { cc?: Cell; status?: Cell } = {}): Cell[] {
  return [seq, code, name, '有限责任公司', '县市场监管局', '张三', '城关镇人民路1号', extra.status ?? '存续', date, '食品销售', extra.cc ?? 'B', '食品 重点']
}

/** A 附件4 市场主体 sheet as an office fills it in; expected outcome documented per row. */
async function marketSheet(file: string) {
  const rows: (Cell[] | null)[] = [
    ['（县市场监管局）检查对象名录库（市场主体）'], // 1 title, merged
    ['填报单位：县市场监管局', null, null, null, null, null, null, null, '填报日期：2024年5月'], // 2
    HEADER, // 3
    row(1, uscc(1), '泗阳县甲食品有限公司', new Date(Date.UTC(2019, 2, 5))), // 4 ok, Date cell
    row(2, ` ${uscc(2).slice(0, 6).toLowerCase()} ${uscc(2).slice(6)}`.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))), '泗阳县乙商贸有限公司', '2019年3月5日'), // 5 ok, full-width digits, spaces, lower case
    row(3, Number(regNo(3)), '泗阳县丙副食品店', '2019/3/5'), // 6 ok, 15-digit 注册号 stored as a number
    null, // 7 blank
    row(4, badUscc(4), '泗阳县丁超市', '2019-03-05'), // 8 rejected: check character
    row(5, uscc(1), '泗阳县甲食品有限公司（重复）', '2019-03-05'), // 9 rejected: duplicate of row 4
    row(6, uscc(6), '   ', '2019-03-05'), // 10 rejected: no name
    row(7, uscc(7), '泗阳县戊餐饮店', '2019.03.05', { cc: 'E' }), // 11 warning: credit class
    row(8, uscc(8), '泗阳县己药房', 20190305, { status: '在营' }), // 12 ok, yyyymmdd number
    row(9, uscc(9), '泗阳县庚五金店', '2019-03-05'), // 13 ok
    row(10, uscc(10), '泗阳县辛农资店', 43529), // 14 ok, Excel serial without date format
    row(11, uscc(11), '泗阳县壬理发店', '2019-02-30'), // 15 warning: no such date
    [12], // 16 only a 序号: pre-numbered empty line
    null, // 17
    ['注：1. 统一社会信用代码为 18 位，旧注册号为 15 位。'], // 18 note, merged across
    ['2. 登记状态填写存续、注销或吊销。'], // 19 continuation of the note
    ['制表人：王五', null, null, null, '审核人：赵六'] // 20
  ]
  await writeWorkbook(file, [
    {
      name: 'Sheet1',
      rows,
      merges: ['A1:L1', 'A18:L18', 'A19:L19'],
      numFmt: { I4: 'yyyy"年"m"月"d"日"' }
    }
  ])
}

describe('importObjects', () => {
  it('reads an office sheet: title rows, merged cells, mixed dates, notes; exact counts and row numbers', async () => {
    const file = t.path('市场主体.xlsx')
    await marketSheet(file)
    const progress: [string, number, number][] = []
    const r = await importObjects(t.ctx, file, { onProgress: (phase, done, total) => progress.push([phase, done, total]) })
    expect(progress.at(-1)).toEqual(['done', 8, 8])
    expect(progress).toContainEqual(['read', 11, 0])
    expect(progress).toContainEqual(['write', 8, 8])
    expect(r.read).toBe(11)
    expect(r.imported).toBe(8)
    expect(r.updated).toBe(0)
    expect(r.rejected).toBe(3)
    expect(r.rejects.map((x) => x.row)).toEqual([8, 9, 10])
    expect(r.rejects[0]!.reason).toContain('校验位错误')
    expect(r.rejects[1]!.reason).toContain('第 4 行重复')
    expect(r.rejects[2]!.reason).toContain('缺少名称')
    expect(r.warnings).toBe(2)
    expect(r.warningList.map((w) => [w.row, w.field, w.raw])).toEqual([
      [11, '信用风险分类', 'E'],
      [15, '成立日 期', '2019-02-30']
    ])

    const rows = t.ctx.sqlite.prepare('SELECT code, name, kind, established_on AS d, credit_class AS cc, reg_status AS st, tags, legal_rep AS rep FROM objects ORDER BY code').all() as Record<string, string>[]
    expect(rows).toHaveLength(8)
    const byCode = new Map(rows.map((x) => [x.code, x]))
    for (const n of [1, 2, 7, 8, 9, 10]) expect(byCode.get(uscc(n))?.d, `row of code ${n}`).toBe('2019-03-05')
    expect(byCode.get(regNo(3))?.d).toBe('2019-03-05')
    expect(byCode.get(uscc(11))?.d).toBeNull()
    expect(byCode.get(uscc(2))?.name).toBe('泗阳县乙商贸有限公司')
    expect(byCode.get(uscc(7))?.cc).toBe('B') // unknown class left at the default
    expect(byCode.get(uscc(8))?.st).toBe('存续')
    expect(byCode.get(uscc(1))?.tags).toBe('食品 重点')
    expect(byCode.get(uscc(1))?.rep).toBe('张三')
    expect(rows.every((x) => x.kind === 'market')).toBe(true)

    const log = listAudit(t.ctx, { entity: 'objects' })
    expect(log).toHaveLength(1)
    expect(JSON.parse(log[0]!.detail)).toMatchObject({ file: '市场主体.xlsx', read: 11, imported: 8, rejected: 3, warnings: 2 })
  })

  it('re-import updates by key, reports unchanged rows, never deletes', async () => {
    const file = t.path('a.xlsx')
    await marketSheet(file)
    await importObjects(t.ctx, file)
    // An object the file does not mention must survive.
    t.ctx.sqlite.prepare(`INSERT INTO objects (code, kind, name, created_at, updated_at) VALUES (?, 'market', '手工录入的对象', 'x', 'x')`).run(uscc(99))

    const again = await importObjects(t.ctx, file)
    expect([again.imported, again.updated, again.unchanged, again.rejected]).toEqual([0, 0, 8, 3])

    const file2 = t.path('b.xlsx')
    await writeWorkbook(file2, [
      {
        name: '市场主体',
        rows: [HEADER, row(1, uscc(1), '泗阳县甲食品有限公司', '2019-03-05', { cc: 'd' }), row(2, uscc(50), '新对象', '2020-01-01')]
      }
    ])
    const third = await importObjects(t.ctx, file2)
    expect([third.read, third.imported, third.updated, third.unchanged]).toEqual([2, 1, 1, 0])
    expect(t.ctx.sqlite.prepare('SELECT credit_class FROM objects WHERE code = ?').pluck().get(uscc(1))).toBe('D')
    expect(t.ctx.sqlite.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(10)
    expect(t.ctx.sqlite.prepare('SELECT name FROM objects WHERE code = ?').pluck().get(uscc(99))).toBe('手工录入的对象')
  })

  it('takes the kind from the title, the sheet name or a 类型 column', async () => {
    const file = t.path('k.xlsx')
    const inst: Cell[] = ['序号', '统一社会信用代码/注册号', '名称', '登记机关', '法定代表人', '住所', '成立日期', '备注']
    await writeWorkbook(file, [
      { name: 'Sheet1', rows: [['（县机关事务管理局）检查对象名录库（机关/事业单位）'], inst, [1, uscc(201, '12320123'), '县实验小学', '县编办', '李四', '城关镇', '2001-09-01', '']], merges: ['A1:H1'] },
      { name: '社会团体', rows: [inst, [1, uscc(202, '51320123'), '县个体劳动者协会', '县民政局', '王五', '城关镇', '2005-01-01', '']] },
      {
        name: '混合',
        rows: [
          ['序号', '类型', '统一社会信用代码', '单位名称'],
          [1, '事业单位', uscc(203, '12320123'), '县医院'],
          [2, '社会团体', uscc(204, '51320123'), '县书法家协会'],
          [3, '合伙', uscc(205), '某合伙'] // unknown → falls back to the sheet's kind, with a warning
        ]
      }
    ])
    const r = await importObjects(t.ctx, file)
    expect([r.read, r.imported, r.rejected, r.warnings]).toEqual([5, 5, 0, 1])
    const kinds = Object.fromEntries(
      (t.ctx.sqlite.prepare('SELECT code, kind FROM objects').all() as { code: string; kind: string }[]).map((x) => [x.code, x.kind])
    )
    expect(kinds[uscc(201, '12320123')]).toBe('institution')
    expect(kinds[uscc(202, '51320123')]).toBe('social')
    expect(kinds[uscc(203, '12320123')]).toBe('institution')
    expect(kinds[uscc(204, '51320123')]).toBe('social')
    expect(kinds[uscc(205)]).toBe('market')
    expect(r.warningList[0]).toMatchObject({ sheet: '混合', row: 4, field: '类型', raw: '合伙' })
  })

  it('refuses files it cannot read with a Chinese message and writes nothing', async () => {
    const { writeFileSync } = await import('node:fs')
    const txt = t.path('x.xlsx')
    writeFileSync(txt, '这不是表格')
    await expect(importObjects(t.ctx, txt)).rejects.toThrow(/不是 Excel 表格/)
    await expect(importObjects(t.ctx, t.path('missing.xlsx'))).rejects.toThrow(/找不到文件/)
    const noHeader = t.path('n.xlsx')
    await writeWorkbook(noHeader, [{ name: 'S', rows: [['随便写的'], ['a', 'b']] }])
    await expect(importObjects(t.ctx, noHeader)).rejects.toThrow(/没有找到表头/)
    expect(t.ctx.sqlite.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(0)
  })

  it('cancel before the write leaves the database untouched', async () => {
    const file = t.path('c.xlsx')
    await marketSheet(file)
    const ac = new AbortController()
    const phases: string[] = []
    const p = importObjects(t.ctx, file, {
      signal: ac.signal,
      onProgress: (phase) => {
        phases.push(phase)
      }
    })
    ac.abort()
    await expect(p).rejects.toThrow(/已取消/)
    expect(t.ctx.sqlite.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(0)
    expect(t.ctx.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'objects'`).pluck().get()).toBe(0)
  })
})
