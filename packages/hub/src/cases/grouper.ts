/**
 * The grouper: a loop (`delivery/poll-loop.ts`) that takes reports from the grouping queue
 * after intake committed them and groups them, a batch per write unit. Intake never waits for
 * it; a crash between the 201 and the grouping loses nothing, since the queue row was committed
 * with the report and the next start catches up. Several hub processes may run it on one
 * database: each unit deletes the queue rows it takes, so a report is grouped once.
 *
 * The same loop tells the operators about cases: a raid, in the unit that flags it, and, once a
 * minute, the open cases that passed their due time (`overdue.ts`).
 */
import type { Logger } from 'pino'
import type { AlertContext } from '../alerts/raise'
import type { Keyring } from '../crypto/keyring'
import type { DatabaseHandle } from '../db/client'
import { PollLoop, type StepResult } from '../delivery/poll-loop'
import { GROUP_BATCH, type GroupOutcome, groupQueuedReports } from './group'
import { alertOverdueCases, OVERDUE_BATCH } from './overdue'
import type { CaseSettings } from './settings'

export interface CaseGrouperOptions {
  database: Pick<DatabaseHandle, 'write'>
  keyring: Keyring
  settings: CaseSettings
  logger: Logger
  /** Operator alerts: a raid detected, a case overdue. None when absent. */
  alerts?: AlertContext | undefined
  now?: () => Date
  pollIntervalMs?: number
  /** How often overdue cases are looked for; a minute by default. */
  overdueCheckMs?: number
}

export interface CaseGrouper {
  start(): void
  stop(): Promise<void>
  /** Groups everything queued now; resolves with how many reports were grouped. */
  runOnce(): Promise<number>
}

export function createCaseGrouper(options: CaseGrouperOptions): CaseGrouper {
  const now = options.now ?? (() => new Date())
  const { alerts } = options
  const step = (): Promise<GroupOutcome> =>
    options.database.write((tx) =>
      groupQueuedReports(tx, options.keyring, options.settings, now(), { alerts }),
    )
  const overdueCheckMs = options.overdueCheckMs ?? 60_000
  let overdueCheckedAt = Number.NEGATIVE_INFINITY
  /** Looks for overdue cases when it is time; true if some may remain to tell now. */
  const checkOverdue = async (): Promise<boolean> => {
    if (!alerts) return false
    const at = now()
    if (at.getTime() - overdueCheckedAt < overdueCheckMs) return false
    const told = await options.database.write((tx) => alertOverdueCases(tx, alerts, at))
    if (told < OVERDUE_BATCH) overdueCheckedAt = at.getTime()
    return told === OVERDUE_BATCH
  }
  const loop = new PollLoop(
    async (): Promise<StepResult> => {
      const outcome = await step()
      const more = await checkOverdue()
      if (outcome.created > 0 || outcome.grouped > 0) {
        options.logger.debug(
          { grouped: outcome.grouped, created: outcome.created },
          'reports grouped',
        )
      }
      return more || outcome.taken >= GROUP_BATCH ? 'again' : 'sleep'
    },
    options.pollIntervalMs ?? 500,
    (error) => options.logger.error({ err: error }, 'grouping failed; retrying at the next poll'),
  )
  return {
    start: () => loop.start(),
    stop: () => loop.stop(),
    async runOnce() {
      let grouped = 0
      for (;;) {
        const outcome = await step()
        grouped += outcome.grouped
        if (outcome.taken < GROUP_BATCH) return grouped
      }
    },
  }
}
