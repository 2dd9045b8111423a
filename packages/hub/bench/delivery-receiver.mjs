/**
 * The bench's webhook receiver, in its own process like a real one: answers 200 at once and
 * reports to the parent, every few milliseconds, when each request's headers arrived (epoch
 * milliseconds with sub-millisecond precision, comparable across processes).
 */
import { createServer } from 'node:http'

const now = () => performance.timeOrigin + performance.now()
let pending = []
const server = createServer((req, res) => {
  pending.push([String(req.headers['webhook-id'] ?? ''), now()])
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'))
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }))
setInterval(() => {
  if (pending.length === 0) return
  process.send?.({ arrivals: pending })
  pending = []
}, 2)
process.on('disconnect', () => process.exit(0))
