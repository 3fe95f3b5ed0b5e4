import { eq } from 'drizzle-orm'
import { settingsSchema, type Settings } from '@contract'
import { settings } from '../db/schema'
import type { Ctx } from '../context'
import { audit } from '../audit/log'
import { nowText } from '../time'

/** The office's full name for a county: what it signs with unless the office typed its own. */
export const officeNameFor = (county: string) => `${county}“双随机、一公开”监管联席会议办公室`

export const DEFAULT_SETTINGS: Settings = {
  officeName: officeNameFor('泗阳县'),
  county: '泗阳县',
  operatorName: '',
  publicationDays: 20,
  docPrefix: '县双随机办发',
  docNextNumber: 1,
  contactPerson: '',
  contactPhone: '',
  sealText: '',
  replacementPolicy: 'manual'
}

export function getSettings(ctx: Pick<Ctx, 'db'>): Settings {
  const rows = ctx.db.select().from(settings).all()
  const stored: Record<string, unknown> = {}
  for (const r of rows) {
    try {
      stored[r.key] = JSON.parse(r.value)
    } catch {
      // A hand-edited value that is not JSON falls back to the default below.
    }
  }
  const merged = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key])
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data
  }
  // Never stored: follows the county, so papers are signed with the full name of the county's own office.
  if (!settingsSchema.shape.officeName.safeParse(stored.officeName).success) merged.officeName = officeNameFor(merged.county)
  return merged
}

export function updateSettings(ctx: Ctx, patch: Partial<Settings>): Settings {
  const before = getSettings(ctx)
  const changed: Record<string, { from: unknown; to: unknown }> = {}
  ctx.sqlite.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || JSON.stringify(before[key as keyof Settings]) === JSON.stringify(value)) continue
      changed[key] = { from: before[key as keyof Settings], to: value }
      const row = { key, value: JSON.stringify(value), updatedAt: nowText() }
      ctx.db.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run()
    }
    if (Object.keys(changed).length) audit(ctx, { action: '修改设置', entity: 'settings', detail: changed })
  })()
  return getSettings(ctx)
}

/** The name written into the audit log: the operator from 设置, else the OS user. */
export function operatorOf(ctx: Pick<Ctx, 'db'>, fallback: string): string {
  return getSettings(ctx).operatorName || fallback
}

export function hasSetting(ctx: Pick<Ctx, 'db'>, key: string): boolean {
  return !!ctx.db.select().from(settings).where(eq(settings.key, key)).get()
}
