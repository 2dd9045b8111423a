/**
 * The shared record of spent proof-of-work challenges: a row per challenge, written in the
 * caller's transaction, so two hub processes on one database cannot both accept one solution
 * (the primary key keeps the first). Expired rows are deleted on the way: the table holds only
 * the challenges still worth refusing, a few minutes' worth.
 */
import { lt } from 'drizzle-orm'
import { powChallengesSpent } from '../db/schema'
import type { Transaction } from '../db/transaction'

/** Records the challenge as spent; false if it already was, by this process or another. */
export async function recordSpentChallenge(
  tx: Transaction,
  challengeHash: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await tx.delete(powChallengesSpent).where(lt(powChallengesSpent.expiresAt, now))
  const inserted = await tx
    .insert(powChallengesSpent)
    .values({ challengeHash, expiresAt })
    .onConflictDoNothing()
    .returning({ challengeHash: powChallengesSpent.challengeHash })
  return inserted.length === 1
}
