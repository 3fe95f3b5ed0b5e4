import { defaultMigrationsDir } from '../db/open'
import { loadMigrations } from '../db/migrate'
import type { AgencyRole } from './identity'

/** Version of the manifest's meaning; the container has its own version in the frame. */
export const FORMAT_VERSION = 1

export interface AgencyRef {
  name: string
  code: string
}

export interface Manifest {
  format: 'sjbx'
  formatVersion: number
  packageId: string
  kind: 'full' | 'incremental'
  /** Number of schema migrations of the embedded database (= of the program that made it). */
  schemaVersion: number
  appVersion: string
  from: AgencyRef & { role: AgencyRole; fingerprint: string; publicKey: string }
  to: AgencyRef | 'any'
  createdAt: string
  /** Rows per entity in the embedded database. */
  contents: Record<string, number>
  contentBytes: number
  contentSha256: string
  /** The sender's package number, one more for every package it makes: receivers refuse going back. Absent in older packages (= 0). */
  seq?: number
  /** The sender's audit log head at export, signed with its key (the log itself travels in the content). */
  auditHead?: { seq: number; hash: string; signature: string }
}

/** Our schema version: how many migrations this program knows. */
export function ourSchemaVersion(migrationsDir = defaultMigrationsDir): number {
  return loadMigrations(migrationsDir).length
}

/** Just enough shape checking that later code can trust the fields it reads. */
export function isManifest(m: unknown): m is Manifest {
  const x = m as Manifest
  return (
    !!x &&
    x.format === 'sjbx' &&
    Number.isInteger(x.formatVersion) &&
    typeof x.packageId === 'string' &&
    Number.isInteger(x.schemaVersion) &&
    typeof x.appVersion === 'string' &&
    !!x.from &&
    typeof x.from.code === 'string' &&
    typeof x.from.publicKey === 'string' &&
    typeof x.from.fingerprint === 'string' &&
    (x.to === 'any' || (!!x.to && typeof x.to.code === 'string')) &&
    typeof x.contentSha256 === 'string' &&
    Number.isInteger(x.contentBytes) &&
    (x.seq === undefined || (Number.isInteger(x.seq) && x.seq >= 0)) &&
    (x.auditHead === undefined || (!!x.auditHead && Number.isInteger(x.auditHead.seq) && typeof x.auditHead.hash === 'string' && typeof x.auditHead.signature === 'string')) &&
    !!x.contents &&
    typeof x.contents === 'object'
  )
}
