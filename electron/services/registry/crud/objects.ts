/**
 * 检查对象: one object at a time (the table itself is queryObjects). The code
 * is the key other records point at (task pools, inspection history,
 * avoidance lists), so it changes only through changeObjectCode, which says why.
 */
import type { ObjectCreateInput, ObjectUpdateInput, RegistryObject } from '@contract'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { checkObjectCode } from '../identifiers'
import { objectImporter } from '../import/objects'
import { KIND_LABEL } from '../spreadsheet/layouts'
import { validateForm } from './form'

const SELECT = `id, code, kind, name, entity_type AS entityType, reg_authority AS regAuthority, legal_rep AS legalRep, address,
  reg_status AS regStatus, established_on AS establishedOn, business_scope AS businessScope, remark, industry, township,
  credit_class AS creditClass, tags, owner_dept_id AS ownerDeptId, created_at AS createdAt, updated_at AS updatedAt`

/** Database column of each editable field. */
const COLUMN: Record<string, string> = {
  kind: 'kind', name: 'name', entityType: 'entity_type', regAuthority: 'reg_authority', legalRep: 'legal_rep', address: 'address',
  regStatus: 'reg_status', establishedOn: 'established_on', businessScope: 'business_scope', remark: 'remark', industry: 'industry',
  township: 'township', creditClass: 'credit_class', tags: 'tags'
}
const BLANKS: Record<string, string | null> = {
  entity_type: '', reg_authority: '', legal_rep: '', address: '', reg_status: '存续', established_on: null, business_scope: '', remark: '',
  industry: '', township: '', credit_class: 'B', tags: ''
}

export function getObject(ctx: Pick<Ctx, 'sqlite'>, by: { id?: number; code?: string }): RegistryObject {
  const row =
    by.id !== undefined
      ? ctx.sqlite.prepare(`SELECT ${SELECT} FROM objects WHERE id = ?`).get(by.id)
      : ctx.sqlite.prepare(`SELECT ${SELECT} FROM objects WHERE code = ?`).get(checkObjectCode(by.code).code)
  if (!row) {
    throw new UserError(by.id !== undefined ? `找不到编号为 ${by.id} 的检查对象，可能已被删除，请刷新后重试。` : `名录库中没有代码为“${by.code}”的检查对象。`, 'not-found')
  }
  return row as RegistryObject
}

type Fields = Omit<ObjectUpdateInput, 'id'>

/** The form as import cells, so that the importer's rules and messages apply. */
function cellsOf(f: Fields & { code: string }): Record<string, string> {
  return {
    code: f.code,
    name: f.name ?? '',
    kind: f.kind ? KIND_LABEL[f.kind] : '',
    entityType: f.entityType ?? '',
    regAuthority: f.regAuthority ?? '',
    legalRep: f.legalRep ?? '',
    address: f.address ?? '',
    regStatus: f.regStatus ?? '',
    establishedOn: f.establishedOn ?? '',
    businessScope: f.businessScope ?? '',
    remark: f.remark ?? '',
    industry: f.industry ?? '',
    township: f.township ?? '',
    creditClass: f.creditClass ?? '',
    tags: (f.tags ?? []).join(' ')
  }
}

function validated(f: Fields & { code: string; kind: RegistryObject['kind'] }): { code: string; values: Record<string, string | number | null> } {
  const p = validateForm(objectImporter({ kind: f.kind }), { kind: f.kind }, cellsOf(f))
  return { code: p.keyValues.code as string, values: { ...BLANKS, ...p.values } }
}

function assertFreeCode(ctx: Pick<Ctx, 'sqlite'>, code: string, selfId?: number): void {
  const other = ctx.sqlite.prepare('SELECT id, name FROM objects WHERE code = ?').get(code) as { id: number; name: string } | undefined
  if (other && other.id !== selfId) throw new UserError(`代码 ${code} 已被检查对象“${other.name}”使用，同一代码只能登记一次。请核对代码。`, 'duplicate')
}

export function createObject(ctx: Ctx, input: ObjectCreateInput): RegistryObject {
  return ctx.sqlite.transaction(() => {
    const { code, values } = validated({ ...input, kind: input.kind ?? 'market' })
    assertFreeCode(ctx, code)
    const now = nowText()
    const cols = ['code', ...Object.keys(values), 'created_at', 'updated_at']
    const info = ctx.sqlite
      .prepare(`INSERT INTO objects (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(code, ...Object.values(values), now, now)
    const row = getObject(ctx, { id: Number(info.lastInsertRowid) })
    audit(ctx, { action: '新增检查对象', entity: 'object', entityId: code, detail: row })
    return row
  })()
}

/** Fields not given keep their value; given ones (even '') replace it. The code is not editable here. */
export function updateObject(ctx: Ctx, input: ObjectUpdateInput): RegistryObject {
  return ctx.sqlite.transaction(() => {
    const before = getObject(ctx, { id: input.id })
    const merged: Fields & { code: string; kind: RegistryObject['kind'] } = {
      ...before,
      establishedOn: before.establishedOn ?? '',
      tags: before.tags ? before.tags.split(' ') : [],
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      code: before.code
    }
    const { values } = validated(merged)
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [field, col] of Object.entries(COLUMN)) {
      const from = before[field as keyof RegistryObject]
      const to = values[col] ?? (col === 'established_on' ? null : '')
      if (from !== to) changes[field] = { from, to }
    }
    if (Object.keys(changes).length === 0) return before
    const set = Object.keys(changes).map((f) => `${COLUMN[f]} = ?`)
    ctx.sqlite
      .prepare(`UPDATE objects SET ${set.join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...Object.values(changes).map((c) => c.to), nowText(), before.id)
    audit(ctx, { action: '修改检查对象', entity: 'object', entityId: before.code, detail: changes })
    return getObject(ctx, { id: before.id })
  })()
}

function tableExists(ctx: Pick<Ctx, 'sqlite'>, name: string): boolean {
  return !!ctx.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)
}

/** Where an object's code is referenced: inspection history and frozen task pools. */
function references(ctx: Pick<Ctx, 'sqlite'>, code: string): { inspections: number; pools: number } {
  const count = (table: string, col: string) =>
    tableExists(ctx, table) ? (ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${col} = ?`).get(code) as { n: number }).n : 0
  return { inspections: count('object_inspections', 'object_code'), pools: count('task_pool', 'code') }
}

/**
 * Corrects a mistyped code. Refused once the object has been in a task or
 * inspected, because printed draw records carry the old code.
 */
export function changeObjectCode(ctx: Ctx, id: number, rawCode: string, reason: string): RegistryObject {
  return ctx.sqlite.transaction(() => {
    const before = getObject(ctx, { id })
    const chk = checkObjectCode(rawCode)
    if (!chk.ok) throw new UserError(`${chk.reason}。请修改后再保存。`, 'invalid')
    if (chk.code === before.code) return before
    assertFreeCode(ctx, chk.code, id)
    const refs = references(ctx, before.code)
    if (refs.inspections + refs.pools > 0) {
      throw new UserError(`“${before.name}”已进入 ${refs.pools} 个抽查任务的对象库或有 ${refs.inspections} 条检查记录，已打印的抽取记录中使用旧代码，不能再更改代码。如代码确实有误，请新增一个正确代码的对象，并将旧对象的登记状态改为“注销”。`, 'in-use')
    }
    ctx.sqlite.prepare('UPDATE objects SET code = ?, updated_at = ? WHERE id = ?').run(chk.code, nowText(), id)
    audit(ctx, { action: '更改检查对象代码', entity: 'object', entityId: chk.code, detail: { from: before.code, to: chk.code, reason } })
    return getObject(ctx, { id })
  })()
}

/** Deletes an object that no task or inspection refers to; otherwise says to mark it 注销 instead. */
export function deleteObject(ctx: Ctx, id: number): { deleted: true } {
  return ctx.sqlite.transaction(() => {
    const before = getObject(ctx, { id })
    const refs = references(ctx, before.code)
    if (refs.inspections + refs.pools > 0) {
      throw new UserError(`“${before.name}”有 ${refs.inspections} 条检查记录、进入过 ${refs.pools} 个抽查任务，不能删除（检查记录须保留）。如该单位已注销，请把登记状态改为“注销”。`, 'in-use')
    }
    ctx.sqlite.prepare('DELETE FROM objects WHERE id = ?').run(id)
    audit(ctx, { action: '删除检查对象', entity: 'object', entityId: before.code, detail: before })
    return { deleted: true as const }
  })()
}
