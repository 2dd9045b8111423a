/**
 * A thin fetch client for the hub's public API (docs/http-api.md), kept small for the panel:
 * no cookies (`credentials: 'omit'`), no referrer (the page a person was on may say too much),
 * a timeout on every call, and the hub's error body turned into a `HubError`.
 */
import type {
  DeviceFileDigest,
  HelpResource,
  PowChallenge,
  Receipt,
  ReportAdditionIntakeInput,
  ReportIntakeInput,
  ReportStatusView,
  WidgetConfig,
} from '@safe-place/schemas'
import { headers } from '@safe-place/schemas/data'
import { HubError } from './errors'

export interface Attachment {
  blob: Blob
  name: string
  /** The device's SHA-256 of the original and of `blob` (`evidence/prepare.ts`). */
  digest?: DeviceFileDigest
}

/** JSON alone, or multipart (`report` + `attachments`) when there are files. */
function bodyOf(
  json: unknown,
  files: readonly Attachment[],
  headers: Record<string, string>,
): BodyInit {
  if (files.length === 0) {
    headers['content-type'] = 'application/json'
    return JSON.stringify(json)
  }
  const form = new FormData()
  form.append('report', JSON.stringify(json))
  for (const file of files) form.append('attachments', file.blob, file.name)
  return form
}

export class HubClient {
  constructor(
    private readonly base: string,
    private readonly siteKey: string,
  ) {}

  async #call<T>(path: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<T> {
    return (await this.#fetch(path, init, timeoutMs)).json() as Promise<T>
  }

  async #fetch(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    let response: Response
    try {
      response = await fetch(new URL(path, this.base), {
        ...init,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch {
      throw new HubError('network', '')
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as
        | { error?: { code?: string; message?: string } }
        | undefined
      throw new HubError(
        body?.error?.code ?? `http_${response.status}`,
        body?.error?.message ?? '',
        response.status,
      )
    }
    return response
  }

  #site(extra: Record<string, string> = {}): Record<string, string> {
    return { [headers.siteKey]: this.siteKey, ...extra }
  }

  widgetConfig(): Promise<WidgetConfig> {
    return this.#call('v1/widget-config', { headers: this.#site() }, 8000)
  }

  challenge(): Promise<PowChallenge> {
    return this.#call('v1/challenge', { headers: this.#site() }, 8000)
  }

  /** JSON when there is no file, multipart (`report` + `attachments`) otherwise. */
  submit(
    report: ReportIntakeInput,
    attachments: readonly Attachment[],
    idempotencyKey: string,
    pow?: string,
  ): Promise<Receipt> {
    const extra: Record<string, string> = { [headers.idempotencyKey]: idempotencyKey }
    if (pow) extra[headers.pow] = pow
    const body = bodyOf(report, attachments, extra)
    return this.#call('v1/reports', { method: 'POST', headers: this.#site(extra), body }, 60_000)
  }

  status(reference: string, token: string, locale: string): Promise<ReportStatusView> {
    return this.#call(`v1/reports/${encodeURIComponent(reference)}/status?locale=${locale}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  }

  withdraw(reference: string, token: string): Promise<ReportStatusView> {
    return this.#call(`v1/reports/${encodeURIComponent(reference)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
  }

  contest(reference: string, token: string, reason: string, locale: string) {
    return this.#receipt(reference, token, `/contest?locale=${locale}`, 'POST', { reason })
  }

  /** Starts (with an address) or stops (without) the e-mails telling her the report moved. */
  notify(reference: string, token: string, email: string | null, locale: string) {
    const path = `/notifications?locale=${locale}`
    return email
      ? this.#receipt(reference, token, path, 'PUT', { email })
      : this.#receipt(reference, token, path, 'DELETE')
  }

  #receipt(reference: string, token: string, path: string, method: string, body?: unknown) {
    return this.#call<ReportStatusView>(`v1/reports/${encodeURIComponent(reference)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
  }

  /** Adds an incident to a followed report (docs/http-api.md), files as in a first report. */
  add(
    reference: string,
    token: string,
    addition: ReportAdditionIntakeInput,
    files: readonly Attachment[],
    idempotencyKey: string,
    locale: string,
  ): Promise<ReportStatusView> {
    const extra: Record<string, string> = {
      authorization: `Bearer ${token}`,
      [headers.idempotencyKey]: idempotencyKey,
    }
    const body = bodyOf(addition, files, extra)
    const path = `v1/reports/${encodeURIComponent(reference)}/additions?locale=${locale}`
    return this.#call(path, { method: 'POST', headers: extra, body }, 60_000)
  }

  /** The report's proof pack, as a blob held in memory only. */
  async pack(reference: string, token: string, locale: string): Promise<Blob> {
    const path = `v1/reports/${encodeURIComponent(reference)}/evidence-pack?locale=${locale}`
    const init = { headers: { authorization: `Bearer ${token}` } }
    return (await this.#fetch(path, init, 60_000)).blob()
  }

  async resources(query: Record<string, string>): Promise<HelpResource[]> {
    const search = new URLSearchParams(query).toString()
    const body = await this.#call<{ resources: HelpResource[] }>(`v1/resources?${search}`, {}, 5000)
    return body.resources
  }
}
