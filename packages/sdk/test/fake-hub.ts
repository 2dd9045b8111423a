/**
 * A fake hub on 127.0.0.1 (node:http) for the SDK tests: each test scripts the answers and
 * reads back the requests the SDK made (method, path, headers, raw body).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
}

export type FakeHandler = (request: RecordedRequest, response: ServerResponse) => void

export interface FakeHub {
  url: string
  requests: RecordedRequest[]
  /** Answers requests in order; the last handler answers every later request. */
  answer(...handlers: FakeHandler[]): void
  close(): Promise<void>
}

/** Writes a JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (_request: RecordedRequest, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(JSON.stringify(body))
  }
}

/** Never answers (for timeouts). */
export const hang: FakeHandler = () => undefined

/** Drops the connection (a network error). */
export const drop: FakeHandler = (_request, response) => {
  response.socket?.destroy()
}

export async function startFakeHub(): Promise<FakeHub> {
  const requests: RecordedRequest[] = []
  let handlers: FakeHandler[] = [json(404, { error: { code: 'not_found', message: 'nope' } })]
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      const index = requests.push(recorded) - 1
      const handler = handlers[Math.min(index, handlers.length - 1)]!
      handler(recorded, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(...next) {
      requests.length = 0
      handlers = next
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
