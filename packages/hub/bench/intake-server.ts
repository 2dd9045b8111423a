/**
 * The server side of `bench:intake`, in its own process so the load generator does not steal
 * its CPU: a hub on a fresh libSQL file with one site key, and a bare Hono JSON route on the
 * same Node server. Prints `{ port, siteKey }` as one JSON line, then serves until killed.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { Hono } from 'hono'
import pino from 'pino'
import { createPartner } from '../src/admin/partners'
import { createSiteKey } from '../src/admin/site-keys'
import { createHub } from '../src/app'
import { Keyring } from '../src/crypto/keyring'
import { openDatabase } from '../src/db/client'
import { createLogger } from '../src/logging/logger'

const dir = mkdtempSync(join(tmpdir(), 'sp-bench-'))
const url = `file:${join(dir, 'hub.db')}`
const handle = await openDatabase({ url })
await handle.migrate()
const now = new Date()
const site = await handle.write(async (tx) => {
  const partner = await createPartner(tx, { name: 'Bench', kind: 'brand' }, now)
  return createSiteKey(
    tx,
    undefined,
    {
      partnerId: partner.id,
      allowedOrigins: ['https://bench.example'],
      requireChallenge: false,
      rateLimitPerMinute: 100_000,
    },
    now,
  )
})
const inspect = createClient({ url })
// Logs as `serve` does by default (LOG_LEVEL=info: one JSON line per request), written to
// /dev/null instead of a terminal so the bench measures the hub, not the terminal.
const logger = createLogger(
  process.env.BENCH_LOG_LEVEL ?? 'info',
  pino.destination({ dest: '/dev/null', sync: true }),
)
const hub = createHub({
  database: handle,
  logger,
  keyring: new Keyring({ id: 'bench', key: randomBytes(32) }),
  // Limits raised so the bench measures intake, not the limiter.
  settings: { clientReportsPerMinute: 1_000_000, siteKeyRateMultiplier: 1_000 },
})

const root = new Hono()
root.post('/bench/bare', async (c) => c.json({ received: Boolean(await c.req.json()) }, 201))
// The server's own CPU time, read before and after each run: CPU per request does not depend on
// how much of the machine the load generator (or a neighbour) took meanwhile.
root.get('/bench/cpu', (c) => {
  const { user, system } = process.cpuUsage()
  return c.json({ micros: user + system })
})
root.get('/bench/count', async (c) => {
  const rows = await inspect.execute('select count(*) as n from reports')
  return c.json({ reports: Number(rows.rows[0]?.n) })
})
root.route('/', hub)
const server = serve({ fetch: root.fetch, hostname: '127.0.0.1', port: 0 })
server.once('listening', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ port, siteKey: site.key })}\n`)
})

const stop = () => {
  server.close()
  handle.close()
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
