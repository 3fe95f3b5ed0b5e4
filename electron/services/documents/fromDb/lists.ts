/** 附件3 事项清单 and 附件4 名录库 from the registries. */
import type { Ctx } from '../../context'
import { UserError } from '../../errors'
import type { ItemListInput, RegistryInput } from '../types'
import { registryRowCells, registryTitle } from '../registry'
import type { RegistrySource } from '../registryStream'

export function departmentName(ctx: Pick<Ctx, 'sqlite'>, deptId: number): string {
  const d = ctx.sqlite.prepare('SELECT name FROM departments WHERE id = ?').get(deptId) as { name: string } | undefined
  if (!d) throw new UserError('所选的部门不是已登记的成员单位，请刷新后重新选择。', 'not-found')
  return d.name
}

/** One department's 随机抽查事项清单 in its own order. */
export function itemListInput(ctx: Pick<Ctx, 'sqlite'>, deptId: number): ItemListInput {
  const department = departmentName(ctx, deptId)
  const rows = ctx.sqlite
    .prepare(
      `SELECT category, name AS item, target AS objectType, level AS itemClass, method, subject, frequency, content, basis
       FROM items WHERE dept_id = ? ORDER BY sort_order, id`
    )
    .all(deptId) as ItemListInput['rows']
  if (rows.length === 0) throw new UserError(`${department}的随机抽查事项清单是空的。请先在“事项清单”中录入或导入事项，再生成清单。`, 'empty')
  return { department, rows }
}

export type RegistryDocKind = 'market' | 'institution' | 'social' | 'inspectors'

export interface RegistryFilter {
  /** 名录库 of this department (objects: 所属名录库; inspectors: 所在单位). */
  deptId?: number
  township?: string
  /** 登记状态; objects only. Absent: every status. */
  regStatus?: string
}

const KIND_LABEL = { market: '市场主体', institution: '机关/事业单位', social: '社会团体' } as const

/** A 名录库 in its 附件4 layout, filtered like the registry pages filter. */
export function registryInput(ctx: Pick<Ctx, 'sqlite'>, kind: RegistryDocKind, filter: RegistryFilter = {}): RegistryInput {
  const owner = filter.deptId ? departmentName(ctx, filter.deptId) : '全县'
  if (kind === 'inspectors') {
    const where = ['i.active = 1']
    const args: unknown[] = []
    if (filter.deptId) (where.push('i.dept_id = ?'), args.push(filter.deptId))
    if (filter.township) (where.push('i.township = ?'), args.push(filter.township))
    const rows = ctx.sqlite
      .prepare(
        `SELECT i.id_number AS idNumber, i.name, i.gender, i.phone AS mobile, i.unit, i.division AS department, i.user_level AS userLevel,
                i.cert_no AS certificateNo, i.cert_authority AS certificateAuthority, i.specialties AS speciality
         FROM inspectors i LEFT JOIN departments d ON d.id = i.dept_id
         WHERE ${where.join(' AND ')} ORDER BY d.sort_order, i.id`
      )
      .all(...args) as Extract<RegistryInput, { kind: '执法人员' }>['rows']
    if (rows.length === 0) throw new UserError(`${owner}没有在册的执法检查人员，无法生成名录库。请检查筛选条件或先录入人员。`, 'empty')
    return { kind: '执法人员', department: owner, rows }
  }
  const where = ['kind = ?']
  const args: unknown[] = [kind]
  if (filter.deptId) (where.push('owner_dept_id = ?'), args.push(filter.deptId))
  if (filter.township) (where.push('township = ?'), args.push(filter.township))
  if (filter.regStatus) (where.push('reg_status = ?'), args.push(filter.regStatus))
  const rows = ctx.sqlite
    .prepare(
      `SELECT code, name, entity_type AS entityType, reg_authority AS registrationAuthority, legal_rep AS legalRepresentative, address,
              reg_status AS status, COALESCE(established_on, '') AS establishedOn, business_scope AS businessScope, remark AS note
       FROM objects WHERE ${where.join(' AND ')} ORDER BY code`
    )
    .all(...args) as (Extract<RegistryInput, { kind: '市场主体' }>['rows'][number] & { note: string })[]
  const label = KIND_LABEL[kind]
  const scope = [owner, filter.township].filter(Boolean).join('')
  if (rows.length === 0) throw new UserError(`${scope}没有符合条件的${label}，无法生成名录库。请放宽筛选条件。`, 'empty')
  const department = filter.township ? `${owner}·${filter.township}` : owner
  if (kind === 'market') return { kind: '市场主体', department, rows }
  return { kind: label as '机关/事业单位' | '社会团体', department, rows }
}

/** Database rows read per page by the streaming 名录库 writer: small enough for bounded memory, large enough to be quick. */
const PAGE = 2000

/**
 * The 名录库 as a stream of pages (keyset on the code, so no cursor is held
 * open between pages and other requests may write meanwhile). Refuses an
 * empty selection at once, like `registryInput`.
 */
export function registrySource(ctx: Pick<Ctx, 'sqlite'>, kind: RegistryDocKind, filter: RegistryFilter = {}): RegistrySource & { columns: number } {
  if (kind === 'inspectors') {
    const input = registryInput(ctx, kind, filter)
    const rows = registryRowCells(input)
    return { kind: input.kind, title: registryTitle(input), total: rows.length, columns: rows[0]!.length + 1, pages: () => [rows] }
  }
  const where = ['kind = ?']
  const args: unknown[] = [kind]
  if (filter.deptId) (where.push('owner_dept_id = ?'), args.push(filter.deptId))
  if (filter.township) (where.push('township = ?'), args.push(filter.township))
  if (filter.regStatus) (where.push('reg_status = ?'), args.push(filter.regStatus))
  const owner = filter.deptId ? departmentName(ctx, filter.deptId) : '全县'
  const label = KIND_LABEL[kind]
  const total = (ctx.sqlite.prepare(`SELECT COUNT(*) AS n FROM objects WHERE ${where.join(' AND ')}`).get(...args) as { n: number }).n
  if (total === 0) throw new UserError(`${[owner, filter.township].filter(Boolean).join('')}没有符合条件的${label}，无法生成名录库。请放宽筛选条件。`, 'empty')
  const department = filter.township ? `${owner}·${filter.township}` : owner
  const page = ctx.sqlite.prepare(
    `SELECT code, name, entity_type AS entityType, reg_authority AS registrationAuthority, legal_rep AS legalRepresentative, address,
            reg_status AS status, COALESCE(established_on, '') AS establishedOn, business_scope AS businessScope, remark AS note
     FROM objects WHERE ${where.join(' AND ')} AND code > ? ORDER BY code LIMIT ${PAGE}`
  )
  const shape = (rows: RegistryInput['rows']): RegistryInput =>
    kind === 'market' ? { kind: '市场主体', department, rows: rows as Extract<RegistryInput, { kind: '市场主体' }>['rows'] } : { kind: label as '机关/事业单位', department, rows: rows as Extract<RegistryInput, { kind: '机关/事业单位' }>['rows'] }
  const title = registryTitle(shape([]))
  return {
    kind: shape([]).kind,
    title,
    total,
    columns: (kind === 'market' ? 9 : 7) + 1,
    *pages() {
      let after = ''
      for (;;) {
        const rows = page.all(...args, after) as Extract<RegistryInput, { kind: '市场主体' }>['rows']
        if (rows.length === 0) return
        after = rows[rows.length - 1]!.code
        yield registryRowCells(shape(rows))
      }
    }
  }
}
