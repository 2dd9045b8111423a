/**
 * The mail worker: claims due rows of the mail outbox under a lease, writes each mail at its
 * turn — the reporter's neutral news (the address opened from `report_notifications` only now,
 * so a stopped or erased subscription sends nothing) or an operator alert — sends it over SMTP
 * and records the outcome on the webhooks' retry schedule. Steps in the engines' poll loop
 * (`delivery/poll-loop.ts`); SMTP being down never touches intake, which only queues rows.
 */
import type { AlertData, Locale } from '@safe-place/schemas'
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { AlertSettings } from '../alerts/config'
import type { Keyring } from '../crypto/keyring'
import type { DatabaseHandle } from '../db/client'
import { operatorAlerts, reports } from '../db/schema'
import type { Clock } from '../delivery/clock'
import { PollLoop, type StepResult } from '../delivery/poll-loop'
import type { RetryPolicy } from '../delivery/schedule'
import { alertMail } from '../i18n/alert-mail'
import { reportUpdateMail } from '../i18n/report-mail'
import { type ClaimedMail, claimDueMails, markCancelled, markFailed, markSent } from './mail-outbox'
import { notificationAddress } from './subscriptions'
import { MailSendError, type MailTransport, type OutgoingMail } from './transport'

export interface MailWorkerOptions {
  database: DatabaseHandle
  keyring: Keyring
  logger: Logger
  transport: MailTransport
  clock: Clock
  retry: RetryPolicy
  alerts: AlertSettings
  owner: string
  leaseMs: number
  pollIntervalMs: number
  batchSize: number
}

export class MailWorker {
  readonly #o: MailWorkerOptions
  readonly #loop: PollLoop

  constructor(options: MailWorkerOptions) {
    this.#o = options
    this.#loop = new PollLoop(
      () => this.#step(),
      options.pollIntervalMs,
      (error) => options.logger.error({ event: 'mail.worker_error', err: error }, 'mail worker'),
    )
  }

  start(): void {
    this.#loop.start()
  }

  /** Something was queued: look now rather than at the next poll. */
  wake(): void {
    this.#loop.wake()
  }

  async stop(): Promise<void> {
    await this.#loop.stop()
    this.#o.transport.close()
  }

  /** Sends everything due now (tests). */
  async runOnce(): Promise<number> {
    let total = 0
    for (;;) {
      const done = await this.#sendBatch()
      if (done === 0) return total
      total += done
    }
  }

  async #step(): Promise<StepResult> {
    return (await this.#sendBatch()) > 0 ? 'again' : 'sleep'
  }

  async #sendBatch(): Promise<number> {
    const { database, owner, clock, leaseMs, batchSize } = this.#o
    const claimed = await database.write((tx) =>
      claimDueMails(tx, { owner, now: clock.now(), leaseMs, limit: batchSize }),
    )
    // One at a time: mail volume is low, and one SMTP connection is kind to the server.
    for (const mail of claimed) await this.#send(mail)
    return claimed.length
  }

  /** The mail to send for a row, or null when nobody is to be told any more. */
  async #compose(mail: ClaimedMail): Promise<OutgoingMail | null> {
    const { database, keyring, alerts } = this.#o
    if (mail.kind === 'report_update' && mail.reportId) {
      const [report] = await database.db
        .select({ locale: reports.locale, erasedAt: reports.erasedAt })
        .from(reports)
        .where(eq(reports.id, mail.reportId))
      if (!report || report.erasedAt) return null
      const to = await notificationAddress(database.db, keyring, mail.reportId)
      if (!to) return null
      const locale = report.locale as Locale
      return { id: mail.id, to: [to], locale, ...reportUpdateMail(locale) }
    }
    if (mail.kind === 'alert' && mail.alertId && alerts.email.length) {
      const [alert] = await database.db
        .select({ data: operatorAlerts.data })
        .from(operatorAlerts)
        .where(eq(operatorAlerts.id, mail.alertId))
      if (!alert) return null
      const data = alert.data as AlertData
      return {
        id: mail.id,
        to: alerts.email,
        locale: alerts.locale,
        ...alertMail(data, alerts.locale),
      }
    }
    return null
  }

  async #send(mail: ClaimedMail): Promise<void> {
    const { database, owner, clock, logger, retry, transport } = this.#o
    const log = { mailId: mail.id, kind: mail.kind }
    try {
      const outgoing = await this.#compose(mail)
      if (!outgoing) {
        await database.write((tx) => markCancelled(tx, mail.id, owner))
        logger.info({ event: 'mail.cancelled', ...log }, 'mail cancelled: nobody to tell')
        return
      }
      await transport.send(outgoing)
      await database.write((tx) => markSent(tx, mail.id, owner, new Date(clock.now())))
      logger.info({ event: 'mail.sent', ...log }, 'mail sent')
    } catch (error) {
      const code = error instanceof MailSendError ? error.message : 'error'
      const state = await database.write((tx) =>
        markFailed(tx, mail, owner, code, clock.now(), retry),
      )
      const level = state === 'dead' ? 'error' : 'warn'
      logger[level](
        { event: `mail.${state}`, ...log, attempts: mail.attempts + 1, error: code },
        state === 'dead' ? 'mail dead after its last retry' : 'mail failed, will retry',
      )
    }
  }
}
