/**
 * `pnpm bench:intake`: accepted reports per second and p50/p99 latency at 50 concurrent
 * connections against a hub on 127.0.0.1 (real libSQL file, WAL, fsync on commit), side by
 * side with a bare Hono JSON route on the same server (same process, same stack, same body),
 * in one run. The server runs in its own process (`intake-server.ts`), autocannon in this one.
 * Prints figures only; nothing here asserts a timing.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)

const report = {
  category: 'threat',
  what: {
    description: 'Des menaces répétées sous chacune de mes vidéos depuis une semaine.',
    ongoing: true,
  },
  where: {
    platform: 'instagram',
    contentUrls: ['https://www.instagram.com/p/abc123/'],
    accounts: [{ handle: '@someone' }],
  },
  who: { role: 'target', targetIsWomanOrGirl: true },
  contact: { channel: 'email', value: 'bench@example.org' },
  goodFaith: true,
  context: { locale: 'fr', source: 'sdk' },
}

async function startServer() {
  const here = dirname(fileURLToPath(import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'intake-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const [line] = (await once(lines, 'line')) as [string]
  const { port, siteKey } = JSON.parse(line) as { port: number; siteKey: string }
  return { base: `http://127.0.0.1:${port}`, siteKey, stop: () => child.kill('SIGTERM') }
}

async function main() {
  const server = await startServer()
  try {
    const run = (path: string, duration = DURATION) =>
      autocannon({
        url: `${server.base}${path}`,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        headers: { 'content-type': 'application/json', 'safe-place-site-key': server.siteKey },
        body: JSON.stringify(report),
      })

    await run('/bench/bare', 2) // warm-up of both routes, not reported
    await run('/v1/reports', 2)
    const bare = await run('/bench/bare')
    const intake = await run('/v1/reports')

    const rate = (r: autocannon.Result) => r['2xx'] / DURATION
    const row = (name: string, r: autocannon.Result) => [
      name,
      rate(r).toFixed(0),
      String(r.latency.p50),
      String(r.latency.p99),
      String(r.non2xx),
      String(r.errors),
    ]
    const rows = [
      ['route', 'accepted/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      row('bare Hono JSON', bare),
      row('POST /v1/reports', intake),
    ]
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION} s each, 127.0.0.1, libSQL file (WAL, synchronous=FULL)\n`,
    )
    for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '))
    const ratio = rate(intake) / rate(bare)
    console.log(`\nintake / bare throughput: ${(ratio * 100).toFixed(1)} % (goal ≥ 50 %)`)
    console.log(`intake p99: ${intake.latency.p99} ms (goal ≤ 100 ms)`)
    const count = (await (await fetch(`${server.base}/bench/count`)).json()) as { reports: number }
    console.log(`reports stored: ${count.reports}`)
  } finally {
    server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
