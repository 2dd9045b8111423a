/**
 * Secrets the hub hands out once and stores only as SHA-256: API keys (`sk_live_…`, 32 random
 * bytes) and receipt codes (`reports/receipt-code.ts`, 80 bits), so a fast hash is enough;
 * comparisons of user-given values against stored hashes are constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}

export function newApiKeySecret(): string {
  return `sk_live_${randomBytes(32).toString('base64url')}`
}

/** Constant-time equality of two hex digests (same length by construction). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match?.[1]
}
