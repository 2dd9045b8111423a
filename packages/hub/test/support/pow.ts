/** The `safe-place-pow` header a browser would send for a challenge it solved. */
import type { PowChallenge } from '@safe-place/schemas'
import { solveChallenge } from 'altcha-lib/v1'

export async function solvedPowHeader(challenge: PowChallenge): Promise<string> {
  const solved = await solveChallenge(
    challenge.challenge,
    challenge.salt,
    'SHA-256',
    challenge.maxnumber,
  ).promise
  const { algorithm, salt, signature } = challenge
  const solution = {
    algorithm,
    challenge: challenge.challenge,
    number: solved?.number,
    salt,
    signature,
  }
  return Buffer.from(JSON.stringify(solution)).toString('base64')
}
