/**
 * "Tell me when my report moves": the sealed address (one per report), and the mail queued when
 * the report moves. Starting again replaces the address; stopping deletes it at once, and the
 * mails still queued for the report are cancelled when their turn comes (no address left).
 */
import { eq } from 'drizzle-orm'
import type { Keyring } from '../crypto/keyring'
import { reportNotifications } from '../db/schema'
import type { ReadDb, WriteTx } from '../db/types'
import { enqueueMail } from './mail-outbox'

export const addressContext = (reportId: string) => `notify:${reportId}`

export async function startNotifications(
  tx: WriteTx,
  keyring: Keyring,
  reportId: string,
  email: string,
  now: Date,
): Promise<void> {
  const addressSealed = keyring.seal(email, addressContext(reportId))
  await tx
    .insert(reportNotifications)
    .values({ reportId, channel: 'email', addressSealed, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: reportNotifications.reportId,
      set: { addressSealed, updatedAt: now },
    })
}

/** The row goes: no copy of the address is left. */
export async function stopNotifications(tx: WriteTx, reportId: string): Promise<void> {
  await tx.delete(reportNotifications).where(eq(reportNotifications.reportId, reportId))
}

export async function notificationsActive(db: ReadDb, reportId: string): Promise<boolean> {
  const [row] = await db
    .select({ reportId: reportNotifications.reportId })
    .from(reportNotifications)
    .where(eq(reportNotifications.reportId, reportId))
  return Boolean(row)
}

/** The address to write to, or null (stopped, erased, or a key that cannot open it). */
export async function notificationAddress(
  db: ReadDb,
  keyring: Keyring,
  reportId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ sealed: reportNotifications.addressSealed })
    .from(reportNotifications)
    .where(eq(reportNotifications.reportId, reportId))
  if (!row) return null
  try {
    return keyring.open(row.sealed, addressContext(reportId))
  } catch {
    return null
  }
}

/**
 * The report moved (a timeline event she would want to hear of): one neutral mail, if she asked
 * for them, queued once for this event whatever happens after.
 */
export async function notifyReportMoved(
  tx: WriteTx,
  reportId: string,
  eventId: string,
  now: Date,
): Promise<boolean> {
  if (!(await notificationsActive(tx, reportId))) return false
  return enqueueMail(
    tx,
    { kind: 'report_update', reportId, dedupeKey: `report:${reportId}:${eventId}` },
    now,
  )
}
