/**
 * One page of the object registry, filtered and searched in SQL, so a table
 * over 150 000 objects never loads more than the page it shows. Search by any
 * substring of name, code or address: the trigram FTS index (objects_fts) for
 * 3 characters or more, a plain scan of name and code for shorter text
 * (trigrams cannot index it).
 */
import type { ObjectFilter, RegistryObject } from '@contract'
import type { Ctx } from '../../context'
import { halfWidthAlnum } from '../spreadsheet/normalize'

export interface ObjectQuery extends ObjectFilter {
  /** 1-based. */
  page: number
  pageSize: number
  /** Column, '-' in front for descending: id (default), name, code, township, industry, creditClass, regStatus, establishedOn, updatedAt. */
  sort?: string
}

/** A row of the object table is the contract's object, column for column. */
export type ObjectRow = RegistryObject

const SELECT = `o.id, o.code, o.kind, o.name, o.entity_type AS entityType, o.reg_authority AS regAuthority, o.legal_rep AS legalRep,
  o.address, o.reg_status AS regStatus, o.established_on AS establishedOn, o.business_scope AS businessScope, o.remark,
  o.industry, o.township, o.credit_class AS creditClass, o.tags, o.owner_dept_id AS ownerDeptId, o.created_at AS createdAt, o.updated_at AS updatedAt`

const SORTS: Record<string, string> = {
  id: 'o.id',
  name: 'o.name',
  code: 'o.code',
  township: 'o.township',
  industry: 'o.industry',
  creditClass: 'o.credit_class',
  regStatus: 'o.reg_status',
  establishedOn: 'o.established_on',
  updatedAt: 'o.updated_at'
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** The WHERE clause and its parameters; shared by the page and by bulk actions on “everything filtered”. */
export function objectFilter(q: Omit<ObjectQuery, 'page' | 'pageSize' | 'sort'>): { where: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  const search = halfWidthAlnum(q.search ?? '').replace(/\s+/g, ' ').trim()
  if (search) {
    // Codes are stored upper-case; trigram matching ignores case for ASCII anyway.
    const text = /^[0-9A-Za-z]+$/.test(search) ? search.toUpperCase() : search
    if ([...text].length >= 3) {
      clauses.push(`o.id IN (SELECT rowid FROM objects_fts WHERE objects_fts MATCH ?)`)
      params.push(`"${text.replace(/"/g, '""')}"`)
    } else {
      // One or two characters: too short for trigrams. Names and codes only — an address
      // matches almost any single character — and instr() rather than LIKE, which is cheaper per row.
      clauses.push(`(instr(o.name, ?) > 0 OR instr(o.code, ?) > 0)`)
      params.push(text, text)
    }
  }
  const eq = (col: string, v: string | undefined) => {
    if (v === undefined || v === '') return
    clauses.push(`${col} = ?`)
    params.push(v)
  }
  eq('o.kind', q.kind)
  eq('o.township', q.township)
  eq('o.industry', q.industry)
  eq('o.credit_class', q.creditClass)
  eq('o.reg_status', q.regStatus)
  const tag = (q.tag ?? '').trim()
  if (tag) {
    clauses.push(`(' ' || o.tags || ' ') LIKE ? ESCAPE '\\'`)
    params.push(`% ${likeEscape(tag)} %`)
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

export function queryObjects(ctx: Pick<Ctx, 'sqlite'>, q: ObjectQuery): { rows: ObjectRow[]; total: number } {
  const { where, params } = objectFilter(q)
  const pageSize = Math.min(Math.max(1, Math.floor(q.pageSize) || 50), 500)
  const page = Math.max(1, Math.floor(q.page) || 1)
  const desc = q.sort?.startsWith('-') ?? false
  const col = SORTS[(q.sort ?? 'id').replace(/^-/, '')] ?? 'o.id'
  const order = `${col} ${desc ? 'DESC' : 'ASC'}${col === 'o.id' ? '' : `, o.id ${desc ? 'DESC' : 'ASC'}`}`
  const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM objects o ${where}`).get(...params) as { n: number }).n
  const rows = ctx.sqlite
    .prepare(`SELECT ${SELECT} FROM objects o ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, pageSize, (page - 1) * pageSize) as ObjectRow[]
  return { rows, total }
}
