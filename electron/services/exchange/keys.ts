import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'

/** A fresh Ed25519 key pair as PEM text (SPKI public, PKCS#8 private). */
export function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  }
}

/** The 32 raw bytes of an Ed25519 public key (the last 32 bytes of its SPKI DER). */
export function rawPublicKey(pem: string): Buffer {
  const key = createPublicKey(pem)
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key')
  const der = key.export({ type: 'spki', format: 'der' })
  return der.subarray(der.length - 32)
}

/**
 * The fingerprint people read out over the phone: SHA-256 of the raw public
 * key, its first 24 bytes taken as eight 3-byte numbers, each reduced mod
 * 100 000 → eight groups of five digits (≈ 133 bits). Digits because they are
 * read aloud in Chinese without ambiguity (no letters to spell).
 */
export function fingerprintOf(publicKeyPem: string): string {
  const h = createHash('sha256').update(rawPublicKey(publicKeyPem)).digest()
  const groups: string[] = []
  for (let i = 0; i < 8; i++) groups.push(String(h.readUIntBE(i * 3, 3) % 100_000).padStart(5, '0'))
  return groups.join(' ')
}

/** Accepts what people type: spaces, dashes or none between the groups. */
export function normaliseFingerprint(text: string): string {
  const digits = text.replace(/\D/g, '')
  if (digits.length !== 40) return ''
  return digits.match(/.{5}/g)!.join(' ')
}

export function signBytes(privateKeyPem: string, data: Buffer): Buffer {
  return sign(null, data, createPrivateKey(privateKeyPem))
}

export function verifyBytes(publicKeyPem: string, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), signature)
  } catch {
    return false
  }
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')
