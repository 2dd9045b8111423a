/**
 * The benches' webhook receiver, in its own process like a real one: answers at once and tells
 * the parent, every few milliseconds, what arrived. Two ways, chosen by the environment:
 *
 * - default (`bench:delivery`): answers 200 `ok` and reports when each request's headers
 *   arrived, by `webhook-id` (epoch milliseconds with sub-millisecond precision, comparable
 *   across processes);
 * - `RECEIVER_COUNT_ONLY=1` (`bench:raid`): reports only running counts, so thousands of
 *   messages per second cost the receiver and the IPC almost nothing; `RECEIVER_STATUS` sets
 *   the answer (e.g. 204), and with `RECEIVER_SECRET` the first message and one in
 *   `RECEIVER_VERIFY_EVERY` (500) are checked as Standard Webhooks, so the counts are of
 *   signed deliveries, not of any POST.
 *
 * Exits when the parent goes away.
 */
import { createServer } from 'node:http'
import { Webhook } from 'standardwebhooks'

const countOnly = process.env.RECEIVER_COUNT_ONLY === '1'
const status = Number(process.env.RECEIVER_STATUS ?? 200)
const verifier = process.env.RECEIVER_SECRET ? new Webhook(process.env.RECEIVER_SECRET) : null
const verifyEvery = Number(process.env.RECEIVER_VERIFY_EVERY ?? 500)

const now = () => performance.timeOrigin + performance.now()
let pending = []
let received = 0
let verified = 0
let badSignatures = 0
let changed = false

/** Checks one delivery's signature over its exact body; counts the outcome. */
function verify(req, body) {
  try {
    verifier.verify(body, req.headers)
    verified++
  } catch {
    badSignatures++
  }
  changed = true
}

const server = createServer((req, res) => {
  received++
  changed = true
  if (!countOnly) pending.push([String(req.headers['webhook-id'] ?? ''), now()])
  const check = verifier && (received === 1 || received % verifyEvery === 0)
  const chunks = []
  if (check) req.on('data', (chunk) => chunks.push(chunk))
  else req.resume()
  req.on('end', () => {
    if (check) verify(req, Buffer.concat(chunks).toString('utf8'))
    if (status === 204) res.writeHead(204).end()
    else res.writeHead(status, { 'content-type': 'text/plain' }).end('ok')
  })
})
server.keepAliveTimeout = 30_000
/** To the parent, unless it is already gone (then `disconnect` ends this process). */
const tell = (message) => {
  if (process.connected) process.send?.(message)
}

server.listen(0, '127.0.0.1', () => tell({ port: server.address().port }))
setInterval(
  () => {
    if (countOnly) {
      if (!changed) return
      changed = false
      tell({ received, verified, badSignatures })
      return
    }
    if (pending.length === 0) return
    tell({ arrivals: pending })
    pending = []
  },
  countOnly ? 20 : 2,
)
process.on('disconnect', () => process.exit(0))
