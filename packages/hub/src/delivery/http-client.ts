/**
 * The HTTP client every webhook goes through: an undici `Agent` whose DNS lookup refuses
 * forbidden addresses at connection time (the address checked is the address connected to, so
 * DNS rebinding cannot slip between a check and the connection), no redirects (undici follows
 * none unless told to), a total timeout, and at most 2 KB of the response kept.
 */
import type { LookupAddress, LookupAllOptions } from 'node:dns'
import { lookup as dnsLookup } from 'node:dns'
import { isIP } from 'node:net'
import { Agent, request } from 'undici'
import { addressRefusal, checkUrlShape, hostOf, type SsrfPolicy, UnsafeUrlError } from './ssrf'

const RESPONSE_KEEP_BYTES = 2048
export const DEFAULT_TIMEOUT_MS = 15_000

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** Resolves like the system, then refuses the whole answer if any address is forbidden. */
export type Resolver = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void

const systemResolver: Resolver = (hostname, callback) =>
  dnsLookup(hostname, { all: true, verbatim: true } satisfies LookupAllOptions, callback)

function guardedLookup(policy: SsrfPolicy, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, [])
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy)
        if (refusal) {
          const refused = new UnsafeUrlError(
            `${hostname} resolves to a refused address: ${refusal}`,
          )
          return callback(Object.assign(refused, { code: 'ESSRF' }), [])
        }
      }
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (!first) return callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), [])
      callback(null, first.address, first.family)
    })
  }
}

export interface HttpClientOptions {
  ssrf: SsrfPolicy
  timeoutMs?: number | undefined
  /** Test seam: how host names resolve. */
  resolver?: Resolver | undefined
  /** Keep-alive connections per origin. */
  connections?: number | undefined
}

export interface PostResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The first 2 KB of the body, as text. */
  body: string
}

export interface WebhookHttpClient {
  post(
    url: string,
    body: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<PostResult>
  close(): Promise<void>
  destroy(): Promise<void>
}

async function readHead(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    if (size < RESPONSE_KEEP_BYTES) {
      chunks.push(chunk)
      size += chunk.length
    }
    // Keep draining so the connection can be reused, but keep nothing more.
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_KEEP_BYTES).toString('utf8')
}

export function createHttpClient(options: HttpClientOptions): WebhookHttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const agent = new Agent({
    connections: options.connections ?? 16,
    connect: { lookup: guardedLookup(options.ssrf, options.resolver), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  })
  // A URL's shape check depends only on its text and this client's policy: kept for the next
  // attempts to the same receiver. Host names are still checked at each connection (lookup).
  const checked = new Map<string, URL>()
  const checkedUrl = (url: string): URL => {
    let parsed = checked.get(url)
    if (!parsed) {
      parsed = checkUrlShape(url, options.ssrf)
      // An IP literal is connected to without a lookup: checked here (it cannot change).
      const host = hostOf(parsed)
      if (isIP(host)) {
        const refusal = addressRefusal(host, options.ssrf)
        if (refusal) throw new UnsafeUrlError(refusal)
      }
      if (checked.size > 1000) checked.clear()
      checked.set(url, parsed)
    }
    return parsed
  }
  return {
    async post(url, body, headers, signal) {
      const parsed = checkedUrl(url)
      const response = await request(parsed, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        // A crash-stop aborts through `destroy()`; `AbortSignal.any` per request is costly.
        signal: signal?.aborted ? signal : AbortSignal.timeout(timeoutMs),
      })
      return {
        status: response.statusCode,
        headers: response.headers,
        body: await readHead(response.body),
      }
    },
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  }
}
