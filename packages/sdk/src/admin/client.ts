/**
 * `createSafePlaceAdmin`: the operator API (partners, site keys, API keys, reports, cases,
 * receivers, deliveries, replay) and the receivers' status updates, all with an API key. Inputs are
 * validated with the schemas before sending, answers parsed with them.
 */
import {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  DeliveryAttempt,
  DeliveryMessage,
  type MessageState,
  Partner,
  PartnerCreate,
  pageOf,
  Receiver,
  ReceiverCreate,
  ReceiverUpdate,
  ReplayRequest,
  ReportDetail,
  ReportListItem,
  type ReportListQuery,
  ReportStatus,
  SiteKey,
  SiteKeyCreate,
  SiteKeyUpdate,
  StatusUpdate,
  Timestamp,
} from '@safe-place/schemas'
import { z } from 'zod'
import { validateInput } from '../client/validate'
import { createTransport, type FetchLike } from '../core/request'
import { caseMethods } from './cases'

export interface SafePlaceAdminOptions {
  hubUrl: string
  /** An operator, partner or receiver API key (`Authorization: Bearer …`). */
  apiKey: string
  fetch?: FetchLike | undefined
  timeoutMs?: number | undefined
  retries?: number | undefined
}

type Input<T extends z.ZodType> = z.input<T>
type Signal = { signal?: AbortSignal | undefined }

/** Filters of `GET /v1/admin/reports`, as plain values. */
export type ReportListFilters = Partial<Omit<ReportListQuery, 'urgent'>> & { urgent?: boolean }

export interface MessageListFilters {
  receiverId?: string
  state?: MessageState
  from?: string
  to?: string
  cursor?: string
  limit?: number
}

const CreatedReceiver = Receiver.extend({ secret: z.string() })
const RotatedSecret = z.object({
  secret: z.string(),
  previousSecretExpiresAt: Timestamp.nullable(),
})
const MessageWithAttempts = DeliveryMessage.extend({ attempts: z.array(DeliveryAttempt) })
const StatusAnswer = z.object({ reference: z.string(), status: ReportStatus })
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })

/**
 * Creates an operator (or receiver) client.
 *
 * @example
 * const admin = createSafePlaceAdmin({ hubUrl: 'http://127.0.0.1:8787', apiKey: process.env.SAFE_PLACE_API_KEY! })
 * const partner = await admin.partners.create({ name: 'Demo brand', kind: 'brand' })
 * const { secret } = await admin.receivers.create({ partnerId: partner.id, kind: 'federation', … })
 * await admin.postStatus('SP-7K3Q-9XWD', { status: 'action_taken', actions: ['content_removed'] })
 */
export function createSafePlaceAdmin(options: SafePlaceAdminOptions) {
  const send = createTransport({
    hubUrl: options.hubUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    headers: { authorization: `Bearer ${options.apiKey}` },
  })
  const id = (value: string) => encodeURIComponent(value)

  const receivers = {
    /** Adds a receiver; the answer carries its secret, shown this once. */
    create: (input: Input<typeof ReceiverCreate>, o: Signal = {}) =>
      send({
        method: 'POST',
        path: 'v1/admin/receivers',
        body: validateInput(ReceiverCreate, input),
        signal: o.signal,
        schema: CreatedReceiver,
      }),
    list: async (o: Signal = {}) =>
      (
        await send({
          method: 'GET',
          path: 'v1/admin/receivers',
          signal: o.signal,
          schema: itemsOf(Receiver),
        })
      ).items,
    get: (receiverId: string, o: Signal = {}) =>
      send({
        method: 'GET',
        path: `v1/admin/receivers/${id(receiverId)}`,
        signal: o.signal,
        schema: Receiver,
      }),
    update: (receiverId: string, input: Input<typeof ReceiverUpdate>, o: Signal = {}) =>
      send({
        method: 'PATCH',
        path: `v1/admin/receivers/${id(receiverId)}`,
        body: validateInput(ReceiverUpdate, input),
        signal: o.signal,
        schema: Receiver,
      }),
    /** A new secret; the old one keeps signing beside it until `previousSecretExpiresAt`. */
    rotateSecret: (receiverId: string, o: Signal = {}) =>
      send({
        method: 'POST',
        path: `v1/admin/receivers/${id(receiverId)}/rotate-secret`,
        signal: o.signal,
        schema: RotatedSecret,
      }),
    /** Sends a `webhook.test` event. */
    test: (receiverId: string, o: Signal = {}) =>
      send({
        method: 'POST',
        path: `v1/admin/receivers/${id(receiverId)}/test`,
        signal: o.signal,
        schema: z.object({ messageId: z.string() }),
      }),
    /** Replays this receiver's messages in a time range. */
    replay: (receiverId: string, range: Input<typeof ReplayRequest>, o: Signal = {}) =>
      send({
        method: 'POST',
        path: `v1/admin/receivers/${id(receiverId)}/replay`,
        body: validateInput(ReplayRequest, range),
        signal: o.signal,
        schema: z.object({ replayed: z.number().int() }),
      }),
  }

  return {
    partners: {
      create: (input: Input<typeof PartnerCreate>, o: Signal = {}) =>
        send({
          method: 'POST',
          path: 'v1/admin/partners',
          body: validateInput(PartnerCreate, input),
          signal: o.signal,
          schema: Partner,
        }),
      list: async (o: Signal = {}) =>
        (
          await send({
            method: 'GET',
            path: 'v1/admin/partners',
            signal: o.signal,
            schema: itemsOf(Partner),
          })
        ).items,
    },

    siteKeys: {
      create: (input: Input<typeof SiteKeyCreate>, o: Signal = {}) =>
        send({
          method: 'POST',
          path: 'v1/admin/site-keys',
          body: validateInput(SiteKeyCreate, input),
          signal: o.signal,
          schema: SiteKey,
        }),
      list: async (query: { partnerId?: string } = {}, o: Signal = {}) =>
        (
          await send({
            method: 'GET',
            path: 'v1/admin/site-keys',
            query,
            signal: o.signal,
            schema: itemsOf(SiteKey),
          })
        ).items,
      update: (siteKeyId: string, input: Input<typeof SiteKeyUpdate>, o: Signal = {}) =>
        send({
          method: 'PATCH',
          path: `v1/admin/site-keys/${id(siteKeyId)}`,
          body: validateInput(SiteKeyUpdate, input),
          signal: o.signal,
          schema: SiteKey,
        }),
      revoke: (siteKeyId: string, o: Signal = {}) =>
        send({
          method: 'DELETE',
          path: `v1/admin/site-keys/${id(siteKeyId)}`,
          signal: o.signal,
          schema: SiteKey,
        }),
    },

    apiKeys: {
      /** The answer carries the secret, shown this once. */
      create: (input: Input<typeof ApiKeyCreate>, o: Signal = {}) =>
        send({
          method: 'POST',
          path: 'v1/admin/api-keys',
          body: validateInput(ApiKeyCreate, input),
          signal: o.signal,
          schema: ApiKeyCreated,
        }),
      list: async (o: Signal = {}) =>
        (
          await send({
            method: 'GET',
            path: 'v1/admin/api-keys',
            signal: o.signal,
            schema: itemsOf(ApiKey),
          })
        ).items,
      revoke: (apiKeyId: string, o: Signal = {}) =>
        send({
          method: 'DELETE',
          path: `v1/admin/api-keys/${id(apiKeyId)}`,
          signal: o.signal,
          schema: ApiKey,
        }),
    },

    reports: {
      /** One page; pass `nextCursor` back as `cursor` for the next. */
      list: (filters: ReportListFilters = {}, o: Signal = {}) =>
        send({
          method: 'GET',
          path: 'v1/admin/reports',
          query: { ...filters },
          signal: o.signal,
          schema: pageOf(ReportListItem),
        }),
      get: (reference: string, o: Signal = {}) =>
        send({
          method: 'GET',
          path: `v1/admin/reports/${id(reference)}`,
          signal: o.signal,
          schema: ReportDetail,
        }),
    },

    receivers: { ...receivers, add: receivers.create },

    /** Cases and the desk: operator keys only. */
    cases: caseMethods(send),

    messages: {
      list: (filters: MessageListFilters = {}, o: Signal = {}) =>
        send({
          method: 'GET',
          path: 'v1/admin/messages',
          query: { ...filters },
          signal: o.signal,
          schema: pageOf(DeliveryMessage),
        }),
      get: (messageId: string, o: Signal = {}) =>
        send({
          method: 'GET',
          path: `v1/admin/messages/${id(messageId)}`,
          signal: o.signal,
          schema: MessageWithAttempts,
        }),
      replay: (messageId: string, o: Signal = {}) =>
        send({
          method: 'POST',
          path: `v1/admin/messages/${id(messageId)}/replay`,
          signal: o.signal,
          schema: DeliveryMessage,
        }),
    },

    /**
     * A receiver's status update (with a receiver API key); shown to the reporter.
     *
     * @example
     * await admin.postStatus(reference, { status: 'action_taken', actions: ['content_removed'] })
     */
    postStatus: (reference: string, update: Input<typeof StatusUpdate>, o: Signal = {}) =>
      send({
        method: 'POST',
        path: `v1/reports/${id(reference.trim())}/status`,
        body: validateInput(StatusUpdate, update),
        signal: o.signal,
        schema: StatusAnswer,
      }),
  }
}

/** The client `createSafePlaceAdmin` returns. */
export type SafePlaceAdmin = ReturnType<typeof createSafePlaceAdmin>
