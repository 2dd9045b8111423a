/**
 * A real HTTP receiver on 127.0.0.1 that records every request (headers and raw body) and
 * answers as the test script says.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

interface ReceivedRequest {
  headers: IncomingHttpHeaders
  body: string
  at: number
}

export type Responder = (request: ReceivedRequest, index: number, res: ServerResponse) => unknown

export const ok: Responder = (_req, _i, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
}

export interface TestServer {
  url: string
  received: ReceivedRequest[]
  respond: Responder
  close(): Promise<void>
}

export async function startReceiver(respond: Responder = ok): Promise<TestServer> {
  const state: TestServer = {
    url: '',
    received: [],
    respond,
    close: async () => {},
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const request = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      }
      state.received.push(request)
      void state.respond(request, state.received.length - 1, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  state.url = `http://127.0.0.1:${port}/hook`
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
