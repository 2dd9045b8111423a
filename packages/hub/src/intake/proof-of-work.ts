/**
 * Self-hosted ALTCHA (v1) proof of work, required per site key when the operator turns it on
 * during a raid: each report costs the sender a fraction of a second of CPU, a flood costs a
 * lot. No third party is involved.
 *
 * A solved challenge is accepted once, by every process on the database together: it is
 * reserved in memory before the first `await` (so concurrent copies in this process are refused
 * at once) until the request ends, and spent in the shared `pow_challenges_spent` table in the
 * same transaction as the report it pays for (`plan-report.ts`), whose primary key refuses a
 * copy sent to another process. A report refused for its content does not spend its challenge,
 * and a retry of an acknowledged report replays its receipt (idempotency comes first).
 */
import { createHash } from 'node:crypto'
import { type PowChallenge, PowSolution } from '@safe-place/schemas'
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1'
import { HubError } from '../hub-error'

const CHALLENGE_TTL_MS = 5 * 60 * 1000
/** A spent challenge is kept this long past its expiry, for processes whose clocks lag. */
const CLOCK_MARGIN_MS = 60 * 1000

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

/** A verified challenge, reserved in this process until `release()`; spent with its report. */
export interface PowTicket {
  /** SHA-256 of the challenge: the shared table's key. */
  challengeHash: string
  /** Until when the spent challenge must be remembered. */
  keepUntil: Date
  release(): void
}

/** Challenges reserved in this process right now. */
const reserved = new Set<string>()

export const challengeAlreadyUsed = () =>
  new HubError('challenge_failed', 'This challenge was already used.')

/** The expiry the hub signed into the salt (`?expires=<seconds>`), in ms. */
function expiryOf(solution: PowSolution): number | undefined {
  const seconds = Number(extractParams(solution).expires)
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds * 1000 : undefined
}

export async function verifyPowHeader(
  header: string | undefined,
  hmacKey: string,
  now: Date,
): Promise<PowTicket> {
  if (!header) throw new HubError('challenge_required')
  let solution: PowSolution
  try {
    solution = PowSolution.parse(JSON.parse(Buffer.from(header, 'base64').toString('utf8')))
  } catch {
    throw new HubError('challenge_failed', 'The proof-of-work header is not base64 JSON.')
  }
  // Checked on the hub's clock, the one the table's rows are purged by.
  const expiresMs = expiryOf(solution)
  if (expiresMs === undefined || expiresMs <= now.getTime()) {
    throw new HubError('challenge_failed', 'This challenge has expired: fetch a new one.')
  }
  const challengeHash = createHash('sha256').update(solution.challenge).digest('hex')
  if (reserved.has(challengeHash)) throw challengeAlreadyUsed()
  reserved.add(challengeHash)
  const release = () => reserved.delete(challengeHash)
  try {
    if (!(await verifySolution(solution, hmacKey, false))) throw new HubError('challenge_failed')
  } catch (error) {
    release()
    throw error
  }
  return {
    challengeHash,
    keepUntil: new Date(expiresMs + CLOCK_MARGIN_MS),
    release: () => void release(),
  }
}
