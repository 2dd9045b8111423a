/**
 * `createSafePlaceClient`: the public hub API for a site key (submit, status, withdraw, the
 * living report — additions, later consents, the proof pack —, resources, widget config),
 * typed with `@safe-place/schemas` and validated before sending.
 */
import {
  ConsentExtension,
  type ConsentGrant,
  ContestRequest,
  HelpResource,
  headers as headerNames,
  NotificationRequest,
  PowChallenge,
  Receipt,
  ReportAdditionIntake,
  type ReportAdditionIntakeInput,
  ReportIntake,
  type ReportIntakeInput,
  ReportStatusView,
  type ResourceQuery,
  WidgetConfig,
} from '@safe-place/schemas'
import { z } from 'zod'
import { isSafePlaceError } from '../core/errors'
import { binaryBody, createTransport, type FetchLike } from '../core/request'
import { type Attachment, checkAttachments, multipartBody } from './attachments'
import { withDigests } from './device-digests'
import { encodePowSolution, solvePow } from './pow'
import { validateInput } from './validate'

export interface SafePlaceClientOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:8787`. */
  hubUrl: string
  /** The public site key the reports are sent under. */
  siteKey: string
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number | undefined
  /** Retries on network errors, timeouts, 5xx and 429; default 2. */
  retries?: number | undefined
  /** Tests only: backoff without real waiting. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
}

/** Options of what creates something on the hub: a report, an addition to one. */
export interface SubmitOptions {
  /** Screenshots (PNG, JPEG, WebP): it is then sent as multipart. */
  attachments?: readonly Attachment[] | undefined
  /** Reuse it to resend the same report or addition safely; generated when left out. */
  idempotencyKey?: string | undefined
  signal?: AbortSignal | undefined
}

export interface StatusOptions {
  locale?: string | undefined
  signal?: AbortSignal | undefined
}

export interface SafePlaceClient {
  submitReport(input: ReportIntakeInput, options?: SubmitOptions): Promise<Receipt>
  getStatus(
    reference: string,
    receiptToken: string,
    options?: StatusOptions,
  ): Promise<ReportStatusView>
  withdraw(
    reference: string,
    receiptToken: string,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<ReportStatusView>
  /** Contests the answer the report got; the view lists the ways that remain (`contest.ways`). */
  contest(
    reference: string,
    receiptToken: string,
    reason: string,
    options?: StatusOptions,
  ): Promise<ReportStatusView>
  /** Be told by a neutral e-mail when the report moves (the address stays at the hub). */
  startNotifications(
    reference: string,
    receiptToken: string,
    email: string,
    options?: StatusOptions,
  ): Promise<ReportStatusView>
  /** Stops the e-mails; the hub erases the address at once. */
  stopNotifications(
    reference: string,
    receiptToken: string,
    options?: StatusOptions,
  ): Promise<ReportStatusView>
  resources(
    query?: ResourceQuery,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<HelpResource[]>
  widgetConfig(options?: { signal?: AbortSignal | undefined }): Promise<WidgetConfig>
  /**
   * Adds an incident to a report (links, accounts, a description, screenshots), under the same
   * limits and safety rules as a first report. Sent with an idempotency key (generated when left
   * out) and retried like a report: a retry after a lost answer adds nothing twice. To resend
   * the same addition later, pass the same `idempotencyKey`.
   */
  addToReport(
    reference: string,
    receiptToken: string,
    addition: ReportAdditionIntakeInput,
    options?: SubmitOptions,
  ): Promise<ReportStatusView>
  /** Shares the report with receivers not chosen at first: each gets it as it stands, once. */
  shareWith(
    reference: string,
    receiptToken: string,
    consents: readonly ConsentGrant[],
    options?: { signal?: AbortSignal | undefined },
  ): Promise<ReportStatusView>
  /** The report's signed proof pack (a ZIP), to save and check with `verifyEvidencePack`. */
  downloadEvidencePack(
    reference: string,
    receiptToken: string,
    options?: StatusOptions,
  ): Promise<Uint8Array>
}

const ResourceList = z.object({ resources: z.array(HelpResource) })
const CONFIG_TTL_MS = 5 * 60 * 1000

/**
 * Creates a client for one site key.
 *
 * @example
 * const client = createSafePlaceClient({ hubUrl: 'http://127.0.0.1:8787', siteKey: 'sk_demo_…' })
 * const receipt = await client.submitReport({
 *   category: 'threat',
 *   where: { platform: 'instagram', contentUrls: ['https://instagram.com/p/abc'] },
 *   who: { role: 'target' },
 * })
 * const status = await client.getStatus(receipt.reference, receipt.receiptToken, { locale: 'fr' })
 */
export function createSafePlaceClient(options: SafePlaceClientOptions): SafePlaceClient {
  const send = createTransport({
    hubUrl: options.hubUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    sleep: options.sleep,
  })
  const siteKeyHeader = { [headerNames.siteKey]: options.siteKey }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const reportPath = (reference: string) => `v1/reports/${encodeURIComponent(reference.trim())}`

  const widgetConfig: SafePlaceClient['widgetConfig'] = (opts = {}) =>
    send({
      method: 'GET',
      path: 'v1/widget-config',
      headers: siteKeyHeader,
      signal: opts.signal,
      schema: WidgetConfig,
    })

  // Whether the site key requires the proof of work, read from the widget config at most every
  // five minutes rather than before every report.
  let configCache: { at: number; required: Promise<boolean> } | undefined
  const challengeRequired = (signal?: AbortSignal) => {
    if (!configCache || Date.now() - configCache.at > CONFIG_TTL_MS) {
      const required = widgetConfig({ signal }).then((config) => config.challenge.required)
      configCache = { at: Date.now(), required }
      required.catch(() => {
        configCache = undefined
      })
    }
    return configCache.required
  }
  const proofOfWork = async (signal?: AbortSignal) => {
    const challenge = await send({
      method: 'GET',
      path: 'v1/challenge',
      headers: siteKeyHeader,
      signal,
      schema: PowChallenge,
    })
    return encodePowSolution(await solvePow(challenge, signal))
  }

  return {
    widgetConfig,

    async submitReport(input, opts = {}) {
      const attachments = opts.attachments ?? []
      if (attachments.length) checkAttachments(attachments)
      const parsed = validateInput(ReportIntake, {
        ...input,
        context: { source: 'sdk', ...input.context },
      })
      const report = { ...parsed, evidence: await withDigests(parsed.evidence, attachments) }
      const post = async (withChallenge: boolean, idempotencyKey: string) => {
        const headers: Record<string, string> = { ...siteKeyHeader }
        if (withChallenge) headers[headerNames.pow] = await proofOfWork(opts.signal)
        return send({
          method: 'POST',
          path: 'v1/reports',
          headers,
          body: attachments.length ? multipartBody(report, attachments) : report,
          idempotencyKey,
          signal: opts.signal,
          schema: Receipt,
        })
      }
      const required = await challengeRequired(opts.signal)
      try {
        return await post(required, opts.idempotencyKey ?? globalThis.crypto.randomUUID())
      } catch (error) {
        // The site key started requiring the challenge since the config was read: nothing was
        // stored (403), so solve it and send again under a fresh key.
        if (required || !isSafePlaceError(error) || error.code !== 'challenge_required') throw error
        configCache = undefined
        return post(true, globalThis.crypto.randomUUID())
      }
    },

    getStatus(reference, receiptToken, opts = {}) {
      return send({
        method: 'GET',
        path: `${reportPath(reference)}/status`,
        query: { locale: opts.locale },
        headers: bearer(receiptToken),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    withdraw(reference, receiptToken, opts = {}) {
      return send({
        method: 'DELETE',
        path: reportPath(reference),
        headers: bearer(receiptToken),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    async contest(reference, receiptToken, reason, opts = {}) {
      return send({
        method: 'POST',
        path: `${reportPath(reference)}/contest`,
        query: { locale: opts.locale },
        headers: bearer(receiptToken),
        body: validateInput(ContestRequest, { reason }),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    async startNotifications(reference, receiptToken, email, opts = {}) {
      return send({
        method: 'PUT',
        path: `${reportPath(reference)}/notifications`,
        query: { locale: opts.locale },
        headers: bearer(receiptToken),
        body: validateInput(NotificationRequest, { email }),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    stopNotifications(reference, receiptToken, opts = {}) {
      return send({
        method: 'DELETE',
        path: `${reportPath(reference)}/notifications`,
        query: { locale: opts.locale },
        headers: bearer(receiptToken),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    async addToReport(reference, receiptToken, input, opts = {}) {
      const attachments = opts.attachments ?? []
      if (attachments.length) checkAttachments(attachments)
      const parsed = validateInput(ReportAdditionIntake, input)
      const addition = { ...parsed, evidence: await withDigests(parsed.evidence, attachments) }
      return send({
        method: 'POST',
        path: `${reportPath(reference)}/additions`,
        headers: bearer(receiptToken),
        body: attachments.length ? multipartBody(addition, attachments) : addition,
        idempotencyKey: opts.idempotencyKey ?? globalThis.crypto.randomUUID(),
        signal: opts.signal,
        schema: ReportStatusView,
      })
    },

    async shareWith(reference, receiptToken, consents, opts = {}) {
      return send({
        method: 'POST',
        path: `${reportPath(reference)}/consents`,
        headers: bearer(receiptToken),
        body: validateInput(ConsentExtension, { consents }),
        signal: opts.signal,
        schema: ReportStatusView,
        retries: 0,
      })
    },

    downloadEvidencePack(reference, receiptToken, opts = {}) {
      return send({
        method: 'GET',
        path: `${reportPath(reference)}/evidence-pack`,
        query: { locale: opts.locale },
        headers: { ...bearer(receiptToken), accept: 'application/zip' },
        signal: opts.signal,
        schema: binaryBody,
      })
    },

    async resources(query = {}, opts = {}) {
      const answer = await send({
        method: 'GET',
        path: 'v1/resources',
        query: { ...query },
        signal: opts.signal,
        schema: ResourceList,
      })
      return answer.resources
    },
  }
}
