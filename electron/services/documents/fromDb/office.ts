/**
 * The office's settings as the templates need them, and the 发文字号 running
 * number: peeked before a document is laid out, then reserved atomically
 * (with an audit entry) only once the document exists, so a failed build
 * never burns a number.
 */
import { settings } from '../../db/schema'
import type { Ctx } from '../../context'
import { audit } from '../../audit/log'
import { UserError } from '../../errors'
import { nowText } from '../../time'
import { getSettings } from '../../settings/service'
import { formatDocNumber } from '../gbt9704'
import type { OfficeInfo } from '../types'

export function officeInfo(ctx: Pick<Ctx, 'db'>): OfficeInfo {
  const s = getSettings(ctx)
  return {
    officeName: s.officeName,
    docPrefix: s.docPrefix,
    docNumber: s.docNextNumber,
    contactPerson: s.contactPerson,
    contactPhone: s.contactPhone,
    sealText: s.sealText
  }
}

export interface ReservedNumber {
  serial: number
  /** e.g. 县双随机办发〔2026〕3号 */
  text: string
}

/**
 * Takes the running number `expected` for a document of `year` and moves
 * the setting on by one, in one IMMEDIATE transaction (so the app and the
 * command line cannot take the same number). Returns null when someone took
 * `expected` in the meantime: the caller lays the document out again.
 */
export function reserveDocNumber(ctx: Ctx, expected: number, year: number, purpose: string): ReservedNumber | null {
  const run = ctx.sqlite.transaction((): ReservedNumber | null => {
    const s = getSettings(ctx)
    if (s.docNextNumber !== expected) return null
    if (!s.docPrefix) throw new UserError('尚未设置发文字号的机关代字。请先在“设置”中填写发文字号前缀（如“县双随机办发”），再生成需要发文的文书。', 'no-doc-prefix')
    const text = formatDocNumber(s.docPrefix, year, expected)
    const row = { key: 'docNextNumber', value: JSON.stringify(expected + 1), updatedAt: nowText() }
    ctx.db.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run()
    audit(ctx, { action: '使用发文字号', entity: 'settings', entityId: 'docNextNumber', detail: { docNumber: text, purpose, next: expected + 1 } })
    return { serial: expected, text }
  })
  return run.immediate()
}
