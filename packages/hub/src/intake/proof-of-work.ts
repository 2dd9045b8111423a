/**
 * Self-hosted ALTCHA (v1) proof of work, required per site key when the operator turns it on
 * during a raid: each report costs the sender a fraction of a second of CPU, a flood costs a
 * lot. No third party is involved. A solved challenge is accepted once.
 */
import { type PowChallenge, PowSolution } from '@safe-place/schemas'
import { createChallenge, verifySolution } from 'altcha-lib/v1'
import { HubError } from '../hub-error'

const CHALLENGE_TTL_MS = 5 * 60 * 1000

export async function newPowChallenge(
  hmacKey: string,
  maxNumber: number,
  now: Date,
): Promise<PowChallenge> {
  const challenge = await createChallenge({
    hmacKey,
    maxNumber,
    algorithm: 'SHA-256',
    expires: new Date(now.getTime() + CHALLENGE_TTL_MS),
  })
  return {
    algorithm: 'SHA-256',
    challenge: challenge.challenge,
    maxnumber: challenge.maxnumber ?? maxNumber,
    salt: challenge.salt,
    signature: challenge.signature,
  }
}

/** Challenges already used, until they expire: a solution cannot be replayed. */
const spent = new Map<string, number>()

export async function verifyPowHeader(
  header: string | undefined,
  hmacKey: string,
  now: Date,
): Promise<void> {
  if (!header) throw new HubError('challenge_required')
  let solution: PowSolution
  try {
    solution = PowSolution.parse(JSON.parse(Buffer.from(header, 'base64').toString('utf8')))
  } catch {
    throw new HubError('challenge_failed', 'The proof-of-work header is not base64 JSON.')
  }
  const nowMs = now.getTime()
  for (const [key, expires] of spent) if (expires < nowMs) spent.delete(key)
  if (spent.has(solution.challenge)) {
    throw new HubError('challenge_failed', 'This challenge was already used.')
  }
  if (!(await verifySolution(solution, hmacKey, true))) throw new HubError('challenge_failed')
  spent.set(solution.challenge, nowMs + CHALLENGE_TTL_MS)
}
