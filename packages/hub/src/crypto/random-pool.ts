/**
 * CSPRNG bytes drawn from a pool refilled 4 KB at a time: the same `randomBytes` output, each
 * byte handed out once, for one system call per 4 KB instead of one per receipt token or IV
 * (each call showed in intake profiles).
 */
import { randomBytes } from 'node:crypto'

const POOL_BYTES = 4096
let pool = randomBytes(POOL_BYTES)
let offset = 0

/** `n` fresh random bytes (a copy: the pool is never shared with the caller). */
export function pooledRandomBytes(n: number): Buffer {
  if (n > POOL_BYTES) return randomBytes(n)
  if (offset + n > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES)
    offset = 0
  }
  const out = Buffer.from(pool.subarray(offset, offset + n))
  // Used bytes are wiped, so the pool never holds a token or IV already handed out.
  pool.fill(0, offset, offset + n)
  offset += n
  return out
}
