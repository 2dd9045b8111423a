/**
 * The request core every SDK call goes through (after svix's `request.ts`): an injectable
 * `fetch`, a timeout per attempt combined with the caller's signal, retries with backoff and
 * jitter on network errors, timeouts, 5xx and 429 only (honouring `Retry-After`), the same
 * `Idempotency-Key` on every attempt of a POST, and answers parsed with the schemas.
 */
import { headers as headerNames } from '@safe-place/schemas'
import { errorFromResponse } from './error-response'
import { clientErrorCodes, isSafePlaceError, SafePlaceError } from './errors'
import {
  defaultRetryPolicy,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
  sleep,
} from './retry'
import { issuesToDetailList, type Schema } from './schema'
import { attemptSignal } from './signals'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface TransportOptions {
  /** The hub's base URL, e.g. `http://127.0.0.1:8787`. */
  hubUrl: string
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number | undefined
  /** Retries after the first attempt; default 2. */
  retries?: number | undefined
  /** Headers sent on every request (site key, authorization). */
  headers?: Record<string, string> | undefined
  /** Tests only: backoff without real waiting. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
  /** Tests only: pin the jitter. */
  random?: (() => number) | undefined
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined> | undefined
  /** A JSON body, or a `FormData` sent as multipart. */
  body?: unknown
  headers?: Record<string, string> | undefined
  /** Reused on every attempt; generated for POSTs when left out. */
  idempotencyKey?: string | undefined
  signal?: AbortSignal | undefined
  /** The schema of a successful answer (`binaryBody` for bytes, such as a ZIP). */
  schema: Schema<T>
  /**
   * Retries for this call, overriding the client's: 0 for a POST the hub does not deduplicate
   * by `Idempotency-Key`, which a retry after a lost answer could store twice.
   */
  retries?: number | undefined
}

/** The answer's bytes as they are, unparsed (a proof pack). */
export const binaryBody: Schema<Uint8Array> = {
  safeParse: (value) => ({ success: true, data: value as Uint8Array }),
}

export type Transport = <T>(spec: RequestSpec<T>) => Promise<T>

function buildUrl(hubUrl: string, path: string, query: RequestSpec<unknown>['query']): string {
  // Relative to the hub URL, so a hub mounted under a path (https://x.org/safe-place/) works.
  const url = new URL(path.replace(/^\/+/, ''), hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.toString()
}

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID()
}

async function parseSuccess<T>(response: Response, schema: Schema<T>): Promise<T> {
  if ((schema as Schema<unknown>) === binaryBody) {
    return new Uint8Array(await response.arrayBuffer()) as T
  }
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch (cause) {
    throw new SafePlaceError('invalid_response', 'The hub answered with a body that is not JSON.', {
      status: response.status,
      headers: response.headers,
      cause,
    })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new SafePlaceError('invalid_response', clientErrorCodes.invalid_response, {
      status: response.status,
      headers: response.headers,
      details: issuesToDetailList(parsed.error.issues),
      requestId: response.headers.get(headerNames.requestId) ?? undefined,
      cause: parsed.error,
    })
  }
  return parsed.data
}

/**
 * Builds the transport a client uses for every call.
 *
 * @example
 * const send = createTransport({ hubUrl: 'http://127.0.0.1:8787' })
 * const config = await send({ method: 'GET', path: 'v1/widget-config', schema: WidgetConfig })
 */
export function createTransport(options: TransportOptions): Transport {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 10_000
  const policy: RetryPolicy = {
    ...defaultRetryPolicy,
    retries: options.retries ?? defaultRetryPolicy.retries,
    random: options.random ?? Math.random,
  }
  const wait = options.sleep ?? sleep

  return async function send<T>(spec: RequestSpec<T>): Promise<T> {
    const url = buildUrl(options.hubUrl, spec.path, spec.query)
    const requestHeaders: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...spec.headers,
    }
    const isForm = typeof FormData !== 'undefined' && spec.body instanceof FormData
    let body: BodyInit | undefined
    if (isForm) body = spec.body as FormData
    else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body)
      requestHeaders['content-type'] = 'application/json'
    }
    const idempotencyKey =
      spec.idempotencyKey ?? (spec.method === 'POST' ? newIdempotencyKey() : undefined)
    if (idempotencyKey) requestHeaders[headerNames.idempotencyKey] = idempotencyKey

    for (let attempt = 0; ; attempt++) {
      const last = attempt >= (spec.retries ?? policy.retries)
      const attemptAbort = attemptSignal(timeoutMs, spec.signal)
      let retryAfter: number | undefined
      try {
        const response = await doFetch(url, {
          method: spec.method,
          headers: requestHeaders,
          body,
          signal: attemptAbort.signal,
        })
        if (response.ok) return await parseSuccess(response, spec.schema)
        if (last || !isRetryableStatus(response.status)) throw await errorFromResponse(response)
        retryAfter = parseRetryAfter(response.headers.get('retry-after'))
        await response.body?.cancel().catch(() => undefined)
      } catch (cause) {
        if (isSafePlaceError(cause)) throw cause
        if (spec.signal?.aborted) {
          throw new SafePlaceError('aborted', clientErrorCodes.aborted, { cause })
        }
        const code = attemptAbort.timedOut() ? 'timeout' : 'network_error'
        if (last) throw new SafePlaceError(code, clientErrorCodes[code], { cause })
      } finally {
        attemptAbort.dispose()
      }
      try {
        await wait(retryDelay(attempt, policy, retryAfter), spec.signal)
      } catch (cause) {
        throw new SafePlaceError('aborted', clientErrorCodes.aborted, { cause })
      }
    }
  }
}
