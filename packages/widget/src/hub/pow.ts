/**
 * Solves the hub's ALTCHA v1 proof-of-work in the background with Web Crypto: find `number` in
 * [0, maxnumber] with hex(SHA-256(salt + number)) === challenge. Hashes run in small parallel
 * batches with a yield to the event loop between them, so typing never stutters and nobody is
 * ever shown a puzzle.
 */
import type { PowChallenge } from '@safe-place/schemas'

const BATCH = 64

function toHex(buffer: ArrayBuffer): string {
  let out = ''
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, '0')
  return out
}

async function hash(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** The `safe-place-pow` header value: base64 of the JSON solution. */
export async function solveChallenge(challenge: PowChallenge): Promise<string> {
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    const end = Math.min(start + BATCH - 1, challenge.maxnumber)
    const numbers = Array.from({ length: end - start + 1 }, (_, i) => start + i)
    const hashes = await Promise.all(numbers.map((n) => hash(challenge.salt + n)))
    const found = hashes.indexOf(challenge.challenge)
    if (found !== -1) {
      const solution = {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number: start + found,
        salt: challenge.salt,
        signature: challenge.signature,
      }
      return btoa(JSON.stringify(solution))
    }
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  throw new Error('The proof-of-work challenge has no solution')
}
