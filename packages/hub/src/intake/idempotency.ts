/**
 * `Idempotency-Key`: the first answer to a (site key, key) pair is kept for 24 hours, sealed
 * (it holds the receipt token). The same key with the same request gets that answer again;
 * with another request, `409 idempotency_conflict`. What identifies the request is a keyed
 * fingerprint (HMAC under a server key), never a plain hash: a copy of the database must not
 * let anyone confirm a guessed report offline. Rows go when they expire (retention job) and
 * with their report's erasure.
 */
import { createHash } from 'node:crypto'
import type { Receipt } from '@safe-place/schemas'
import { and, eq, gt, lte } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { idempotencyKeys } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { HubError } from '../hub-error'

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
const PURPOSE = 'idempotency-request'

export interface IdempotencyRequest {
  key: string
  /** SHA-256 of the canonical request, in memory only (see `requestDigest`). */
  digest: Buffer
}

const idempotencyContext = (siteKeyId: string, key: string) => `idempotency:${siteKeyId}:${key}`

/** A stable digest of what was asked: the parsed report and each file's bytes. */
export function requestDigest(report: unknown, files: readonly Uint8Array[] = []): Buffer {
  const hash = createHash('sha256').update(JSON.stringify(report ?? null))
  for (const file of files)
    hash.update('\0file\0').update(createHash('sha256').update(file).digest())
  return hash.digest()
}

/** The stored answer to replay, `undefined` if none, or a conflict error. */
export async function findIdempotentReceipt(
  db: ReadDb,
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
  if (!keyring.matchesFingerprint(row.requestHash, request.digest, PURPOSE)) {
    throw new HubError('idempotency_conflict')
  }
  return keyring.openJson<Receipt>(row.responseSealed, idempotencyContext(siteKeyId, request.key))
}

/** The row that remembers `receipt` (of report `reportId`) for 24 hours, sealed. */
export function idempotencyRow(
  keyring: Keyring,
  siteKeyId: string,
  reportId: string,
  request: IdempotencyRequest,
  receipt: Receipt,
  now: Date,
): typeof idempotencyKeys.$inferInsert {
  return {
    siteKeyId,
    key: request.key,
    reportId,
    requestHash: keyring.fingerprint(request.digest, PURPOSE),
    responseStatus: 201,
    responseSealed: keyring.sealJson(receipt, idempotencyContext(siteKeyId, request.key)),
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  }
}

/** Removes an expired row for the same key (not yet purged): the key may be reused. */
export async function forgetExpiredKey(
  tx: WriteTx,
  siteKeyId: string,
  key: string,
  now: Date,
): Promise<void> {
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.siteKeyId, siteKeyId),
        eq(idempotencyKeys.key, key),
        lte(idempotencyKeys.expiresAt, now),
      ),
    )
}
