/**
 * A stand-in for the system resolver inside this process: names in a table (`*.test`) answer from
 * it — one answer for the promise API (what the hub's configuration check uses) and
 * another for the callback API (what the HTTP client's connect-time lookup uses), which is
 * exactly a DNS answer that changes between check and connect. IP literals and `localhost` go to
 * the real resolver (no network: the hosts file); any other name fails, so no query ever leaves the machine.
 *
 * Works on the built hub because Node's built-in modules keep live ESM bindings:
 * `syncBuiltinESMExports()` makes `import { lookup } from 'node:dns'` see the stub.
 */
import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'
import { isIP } from 'node:net'

export interface StubAnswer {
  /** Addresses the configuration check (`dns/promises` lookup) sees. */
  check: string[]
  /** Addresses the connection (`dns` callback lookup) sees. */
  connect: string[]
}

type Entry = { address: string; family: number }
const entries = (list: string[]): Entry[] =>
  list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  })
}

export interface DnsStub {
  /** How many connect-time lookups each name got. */
  connectLookups: Map<string, number>
  restore(): void
}

export function installDnsStub(table: Record<string, StubAnswer>): DnsStub {
  const originalLookup = dns.lookup
  const originalPromiseLookup = dns.promises.lookup
  const connectLookups = new Map<string, number>()
  // IP literals (Node looks them up too, e.g. to listen) and the hosts file need no network.
  const isLocal = (hostname: string) => isIP(hostname) !== 0 || /^localhost\.?$/i.test(hostname)

  const promiseLookup = async (hostname: string, options?: unknown) => {
    if (isLocal(hostname)) return originalPromiseLookup(hostname, options as never)
    const answer = table[hostname.toLowerCase()]
    if (!answer) throw notFound(hostname)
    const all = entries(answer.check)
    const wantsAll = typeof options === 'object' && options !== null && 'all' in options
    return wantsAll && (options as { all?: boolean }).all ? all : all[0]
  }

  const callbackLookup = (hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      error: NodeJS.ErrnoException | null,
      address?: string | Entry[],
      family?: number,
    ) => void
    const opts = typeof options === 'object' && options !== null ? options : {}
    if (isLocal(hostname)) return originalLookup(hostname, opts as never, cb as never)
    const answer = table[hostname.toLowerCase()]
    connectLookups.set(hostname, (connectLookups.get(hostname) ?? 0) + 1)
    if (!answer) return process.nextTick(cb, notFound(hostname))
    const all = entries(answer.connect)
    if ((opts as { all?: boolean }).all) return process.nextTick(cb, null, all)
    return process.nextTick(cb, null, all[0]!.address, all[0]!.family)
  }

  dns.lookup = callbackLookup as typeof dns.lookup
  dns.promises.lookup = promiseLookup as typeof dns.promises.lookup
  syncBuiltinESMExports()
  return {
    connectLookups,
    restore() {
      dns.lookup = originalLookup
      dns.promises.lookup = originalPromiseLookup
      syncBuiltinESMExports()
    },
  }
}
