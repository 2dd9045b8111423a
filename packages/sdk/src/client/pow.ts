/**
 * ALTCHA (v1) proof of work with Web Crypto: find `number` in [0, maxnumber] such that
 * hex(SHA-256(salt + number)) equals the challenge. A person's browser does it in a moment;
 * a bot sending thousands of reports pays for each one.
 */
import type { PowChallenge, PowSolution } from '@safe-place/schemas'
import { base64Utf8 } from '../core/base64'
import { SafePlaceError } from '../core/errors'

function toHex(buffer: ArrayBuffer): string {
  let hex = ''
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * Solves a challenge from `GET /v1/challenge`.
 *
 * @example
 * const solution = await solvePow(challenge)
 * headers['safe-place-pow'] = encodePowSolution(solution)
 */
export async function solvePow(
  challenge: PowChallenge,
  signal?: AbortSignal,
): Promise<PowSolution> {
  const encoder = new TextEncoder()
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (number % 1000 === 0) signal?.throwIfAborted()
    const digest = await globalThis.crypto.subtle.digest(
      'SHA-256',
      encoder.encode(challenge.salt + number),
    )
    if (toHex(digest) === challenge.challenge) {
      const { algorithm, salt, signature } = challenge
      return { algorithm, challenge: challenge.challenge, number, salt, signature }
    }
  }
  throw new SafePlaceError('challenge_failed', 'The proof-of-work challenge has no solution.')
}

/** The `safe-place-pow` header value: base64 of the JSON solution. */
export function encodePowSolution(solution: PowSolution): string {
  return base64Utf8(JSON.stringify(solution))
}
