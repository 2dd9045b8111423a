/**
 * `X-Forwarded-For` as a hub behind one trusted proxy receives it: whatever the client sent
 * first (a raider forges anything there), then the address the proxy got the connection from,
 * which the proxy appends (nginx `$proxy_add_x_forwarded_for`). Suites play that proxy: the
 * last entry is the truth, everything before it is the client's.
 */

const hex = (n: number) => (n & 0xffff).toString(16)

/** The header the hub gets: the client's own entries, then the proxy's. */
export function forwardedFor(forged: readonly string[], seenByProxy: string): string {
  return [...forged, seenByProxy].join(', ')
}

/** The IPv4 address of client n (198.18.0.0/15, set aside for tests). */
export function ipv4Client(n: number): string {
  return `198.18.${Math.floor(n / 250) % 256}.${(n % 250) + 1}`
}

/** Client n's own IPv6 /64 (documentation prefix), with interface id `iid`. */
export function ipv6Client(n: number, iid: readonly number[] = [0, 0, 0, 1]): string {
  return `2001:db8:${hex(n >>> 16)}:${hex(n)}:${iid.map(hex).join(':')}`
}

/** A fresh random address inside client n's /64: a raider rotating its interface id. */
export function rotatingIpv6(n: number, random: () => number): string {
  const iid = Array.from({ length: 4 }, () => Math.floor(random() * 0x10000))
  return ipv6Client(n, iid)
}

/** One to three random addresses, IPv4 or IPv6, as a raider writes before the proxy's entry. */
export function forgedEntries(random: () => number): string[] {
  const byte = () => Math.floor(random() * 256)
  return Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
    random() < 0.5
      ? `${byte()}.${byte()}.${byte()}.${byte()}`
      : rotatingIpv6(Math.floor(random() * 2 ** 32), random),
  )
}
