/**
 * Report traffic for load suites, with node:http so each simulated client can have its own
 * source address: Linux routes the whole of 127.0.0.0/8 to the loopback interface, so a client
 * bound to 127.0.3.7 really is a different peer address for the hub (`remote.address`), with no
 * `X-Forwarded-For` and no trust in a proxy needed.
 */
import { randomUUID } from 'node:crypto'
import { Agent, request } from 'node:http'
import type { ReportIntakeInput } from '@safe-place/schemas'

export interface PostAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** When the answer was complete (ms since epoch). */
  at: number
}

/** One keep-alive agent for every client: node pools its sockets per source address. */
export function clientAgent(maxSockets = 1): Agent {
  return new Agent({ keepAlive: true, maxSockets })
}

/** The loopback address of simulated client n (0-based): 127.0.0.2, 127.0.0.3, … 127.0.x.y. */
export function clientAddress(n: number): string {
  const host = n + 2
  return `127.0.${Math.floor(host / 250)}.${(host % 250) + 1}`
}

interface PostOptions {
  agent?: Agent
  localAddress?: string
  timeoutMs?: number
}

/** Counts the keep-alive races `postJson` retried (see below), for a suite to report. */
export const keepAliveRetries = { count: 0 }

/**
 * POSTs JSON. A request on a reused keep-alive socket that the server closed at the same
 * moment (`reusedSocket` and `ECONNRESET`: nothing was received) is sent once more, as
 * Node's documentation advises and browsers do; every other error is the caller's.
 */
async function postJson(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  options: PostOptions = {},
): Promise<PostAnswer> {
  try {
    return await postOnce(url, payload, headers, options)
  } catch (error) {
    if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error
    keepAliveRetries.count++
    return postOnce(url, payload, headers, options)
  }
}

function postOnce(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostAnswer> {
  const body = JSON.stringify(payload)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        localAddress: options.localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            at: Date.now(),
          }),
        )
      },
    )
    req.on('timeout', () => req.destroy(new Error('request timed out')))
    req.on('error', (error: NodeJS.ErrnoException) => {
      const raced = req.reusedSocket && error.code === 'ECONNRESET'
      reject(raced ? Object.assign(error, { reusedSocket: true }) : error)
    })
    req.end(body)
  })
}

/** `POST /v1/reports` as the widget sends it: site key, an idempotency key, JSON. */
export function postReport(
  hubUrl: string,
  siteKey: string,
  report: ReportIntakeInput,
  options: {
    idempotencyKey?: string
    agent?: Agent
    localAddress?: string
    headers?: Record<string, string>
  } = {},
): Promise<PostAnswer> {
  return postJson(
    `${hubUrl}/v1/reports`,
    report,
    {
      'safe-place-site-key': siteKey,
      'idempotency-key': options.idempotencyKey ?? randomUUID(),
      ...options.headers,
    },
    options,
  )
}
