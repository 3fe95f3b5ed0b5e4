import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import type Database from 'better-sqlite3'

/**
 * The signed head of the audit log. An unkeyed hash chain can be rebuilt by
 * anyone who can write the file; the head, signed with the agency's key and
 * kept in its own table, cannot be moved without that key. Every append signs
 * the new head; `audit verify` compares the log with it, and exchange
 * packages, backups and dossiers carry it so that peers can notice a log that
 * was rewritten later.
 */
export interface AuditHead {
  seq: number
  hash: string
  /** Base64 Ed25519 signature over headMessage(seq, hash). */
  signature: string
}

export const GENESIS_HASH = '0'.repeat(64)

export const headMessage = (seq: number, hash: string) => Buffer.from(`sjaudit|${seq}|${hash}`, 'utf8')

const keys = new Map<string, KeyObject>()
function keyObject(pem: string, kind: 'private' | 'public'): KeyObject {
  let k = keys.get(pem)
  if (!k) keys.set(pem, (k = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem)))
  return k
}

interface AnchorRow {
  seq: number
  hash: string
  signature: string
  public_key: string
  local_private_key: string | null
}

/**
 * The key that signs the head: the agency's (so that peers can check it with
 * the key they registered), or, on an installation without one yet, a key of
 * its own made on first use.
 */
function signingKey(sqlite: Database.Database, anchor: AnchorRow | undefined): { publicKey: string; privateKey: string; local: boolean } {
  const agency = sqlite.prepare('SELECT public_key AS publicKey, private_key AS privateKey FROM agency_identity WHERE id = 1').get() as
    | { publicKey: string; privateKey: string }
    | undefined
  if (agency) return { ...agency, local: false }
  if (anchor?.local_private_key) return { publicKey: anchor.public_key, privateKey: anchor.local_private_key, local: true }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), local: true }
}

function hasAnchorTable(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchor'`).get()
}

/** Signs (seq, hash) as the new head. Call inside the transaction that appended that entry. */
export function signHead(sqlite: Database.Database, seq: number, hash: string): void {
  if (!hasAnchorTable(sqlite)) return
  const anchor = sqlite.prepare('SELECT * FROM audit_anchor WHERE id = 1').get() as AnchorRow | undefined
  const key = signingKey(sqlite, anchor)
  const signature = sign(null, headMessage(seq, hash), keyObject(key.privateKey, 'private')).toString('base64')
  sqlite
    .prepare(
      `INSERT INTO audit_anchor (id, seq, hash, signature, public_key, local_private_key, at) VALUES (1, ?, ?, ?, ?, ?, datetime('now', 'localtime'))
       ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature, public_key = excluded.public_key,
         local_private_key = excluded.local_private_key, at = excluded.at`
    )
    .run(seq, hash, signature, key.publicKey, key.local ? key.privateKey : null)
}

/** Anchors the log as it is: only when the anchor table has just been created by the migration (never to cover up a deleted anchor). */
export function anchorCurrentHead(sqlite: Database.Database): void {
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined
  signHead(sqlite, last?.id ?? 0, last?.hash ?? GENESIS_HASH)
}

export function readHead(sqlite: Database.Database): (AuditHead & { publicKey: string }) | null {
  if (!hasAnchorTable(sqlite)) return null
  const a = sqlite.prepare('SELECT seq, hash, signature, public_key AS publicKey FROM audit_anchor WHERE id = 1').get() as (AuditHead & { publicKey: string }) | undefined
  return a ?? null
}

export function headSignedBy(publicKeyPem: string, head: AuditHead): boolean {
  try {
    return verify(null, headMessage(head.seq, head.hash), keyObject(publicKeyPem, 'public'), Buffer.from(head.signature, 'base64'))
  } catch {
    return false
  }
}

/** The key a head on this installation must be signed with: the agency's when it has one, else the installation's own. */
export function expectedHeadKey(sqlite: Database.Database, anchorKey: string): string {
  const agency = sqlite.prepare('SELECT public_key FROM agency_identity WHERE id = 1').pluck().get() as string | undefined
  return agency ?? anchorKey
}
