/**
 * `Idempotency-Key`: the first answer to a (site key, key) pair is kept for 24 hours, sealed
 * (it holds the receipt token). The same key with the same request gets that answer again;
 * with another request, `409 idempotency_conflict`.
 */
import { createHash } from 'node:crypto'
import type { Receipt } from '@safe-place/schemas'
import { and, eq, gt, lte } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { idempotencyKeys } from '../db/schema'
import type { Executor } from '../db/transaction'
import { HubError } from '../http/hub-error'

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface IdempotencyRequest {
  key: string
  /** SHA-256 of the canonical request (see `requestHash`). */
  requestHash: string
}

export const idempotencyContext = (siteKeyId: string, key: string) =>
  `idempotency:${siteKeyId}:${key}`

/** A stable hash of what was asked: the parsed report and each file's bytes. */
export function requestHash(report: unknown, files: readonly Uint8Array[] = []): string {
  const hash = createHash('sha256').update(JSON.stringify(report ?? null))
  for (const file of files)
    hash.update('\0file\0').update(createHash('sha256').update(file).digest())
  return hash.digest('hex')
}

/** The stored answer to replay, `undefined` if none, or a conflict error. */
export async function findIdempotentReceipt(
  db: Executor,
  keyring: Keyring,
  siteKeyId: string,
  request: IdempotencyRequest,
  now: Date,
): Promise<Receipt | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.siteKeyId, siteKeyId),
        eq(idempotencyKeys.key, request.key),
        gt(idempotencyKeys.expiresAt, now),
      ),
    )
    .limit(1)
  if (!row) return undefined
  if (row.requestHash !== request.requestHash) throw new HubError('idempotency_conflict')
  return keyring.openJson<Receipt>(row.responseSealed, idempotencyContext(siteKeyId, request.key))
}

/** The row that remembers `receipt` for 24 hours, sealed. */
export function idempotencyRow(
  keyring: Keyring,
  siteKeyId: string,
  request: IdempotencyRequest,
  receipt: Receipt,
  now: Date,
): typeof idempotencyKeys.$inferInsert {
  return {
    siteKeyId,
    key: request.key,
    requestHash: request.requestHash,
    responseStatus: 201,
    responseSealed: keyring.sealJson(receipt, idempotencyContext(siteKeyId, request.key)),
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  }
}

/** Removes an expired row for the same key: the key may be reused after 24 hours. */
export async function forgetExpiredKey(
  tx: Executor,
  siteKeyId: string,
  request: IdempotencyRequest,
  now: Date,
): Promise<void> {
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.siteKeyId, siteKeyId),
        eq(idempotencyKeys.key, request.key),
        lte(idempotencyKeys.expiresAt, now),
      ),
    )
}

export async function rememberReceipt(
  tx: Executor,
  keyring: Keyring,
  siteKeyId: string,
  request: IdempotencyRequest,
  receipt: Receipt,
  now: Date,
): Promise<void> {
  // An expired row for the same key is replaced. A live one is kept, so a concurrent twin
  // fails on the primary key and replays the first answer.
  await forgetExpiredKey(tx, siteKeyId, request, now)
  await tx.insert(idempotencyKeys).values(idempotencyRow(keyring, siteKeyId, request, receipt, now))
}
