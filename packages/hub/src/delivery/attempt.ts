/**
 * One delivery attempt of one claimed message: open the sealed payload, sign it (fresh
 * timestamp, stable id), POST it through the guarded client, and say what came of it. No
 * database here: the caller records the result (`AttemptRecorder`).
 */
import type { Keyring } from '../crypto/keyring'
import type { ReceiverRow } from '../db/rows'
import type { Clock } from './clock'
import type { WebhookHttpClient } from './http-client'
import { payloadContext } from './outbox'
import { classifyError, classifyResponse, type Outcome } from './outcome'
import { signingSecrets } from './receiver-secrets'
import { sealResponseBody } from './response-body'
import { signWebhook } from './signer'
import type { AttemptRecord, ClaimedMessage } from './transitions'

export interface AttemptContext {
  keyring: Keyring
  clock: Clock
  http: WebhookHttpClient
  /** The lease owner: this worker. */
  owner: string
}

/** Thrown by `pace` when the lease was lost while waiting: another worker owns the message. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError'
  constructor(messageId: string) {
    super(`Lost the lease on ${messageId}`)
  }
}

/**
 * The attempt's record, or null when nothing should be recorded: a crash-stop (abort) or a lost
 * lease leaves the message to whoever holds it next.
 */
export async function attemptDelivery(
  ctx: AttemptContext,
  message: ClaimedMessage & { payloadSealed: string },
  receiver: ReceiverRow,
  signal?: AbortSignal,
  /** Paces the request itself (the receiver's gate). */
  pace: <T>(send: () => Promise<T>) => Promise<T> = (send) => send(),
): Promise<AttemptRecord | null> {
  const startedAt = ctx.clock.now()
  const startedReal = performance.now()
  let outcome: Outcome
  let status: number | null = null
  let answer: string | null = null
  try {
    const body = ctx.keyring.open(message.payloadSealed, payloadContext(message.id))
    const headers = signWebhook(
      signingSecrets(ctx.keyring, receiver, startedAt),
      message.id,
      new Date(startedAt),
      body,
    )
    if (signal?.aborted) return null
    const response = await pace(() => ctx.http.post(receiver.url, body, { ...headers }, signal))
    status = response.status
    answer = response.body
    outcome = classifyResponse(response, ctx.clock.now())
  } catch (error) {
    if (signal?.aborted || error instanceof LeaseLostError) return null
    outcome = classifyError(error)
  }
  return {
    messageId: message.id,
    receiverId: receiver.id,
    reportId: message.reportId,
    eventType: message.eventType,
    owner: ctx.owner,
    attemptsBefore: message.attempts,
    startedAt,
    finishedAt: ctx.clock.now(),
    durationMs: Math.round(performance.now() - startedReal),
    status,
    responseBody: sealResponseBody(ctx.keyring, message.id, answer),
    outcome,
  }
}
