/**
 * Receipt codes a person can write down: 16 characters of Crockford's base32 (80 random bits),
 * given as `7K3Q-9XWD-M2PA-0RTE`, read back in any case with or without dashes (I/L → 1,
 * O → 0). At 80 bits an online guess is hopeless under the per-client limits, and a copy of
 * the database cannot search 2^80 SHA-256 either, so a fast hash at rest is enough. The first
 * `rt_…` tokens keep working: they are hashed as they were.
 */
import { normaliseReceiptCode, RECEIPT_CODE_ALPHABET } from '@safe-place/schemas/data'
import { sha256Hex } from '../auth/secrets'
import { pooledRandomBytes } from '../crypto/random-pool'

/** A new code: 10 random bytes, 5 bits per character, in four groups of four. */
export function newReceiptCode(): string {
  const bytes = pooledRandomBytes(10)
  let bits = 0n
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte)
  let code = ''
  for (let i = 15; i >= 0; i--) code += RECEIPT_CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]
  return code.match(/.{4}/g)!.join('-')
}

/** What is stored for a code or token: the SHA-256 of its one normal form; undefined if malformed. */
export function receiptSecretHash(typed: string): string | undefined {
  const normal = normaliseReceiptCode(typed)
  return normal === undefined ? undefined : sha256Hex(normal)
}
