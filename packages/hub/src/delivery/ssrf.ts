/**
 * The SSRF guard: a webhook URL must not make the hub call into its own network. Checked when a
 * receiver is configured (URL shape and, if resolvable, its addresses) and again at every
 * delivery, inside the HTTP client's DNS lookup (`http-client.ts`), so an address that changes
 * between the check and the connection (DNS rebinding) is refused too.
 *
 * Only globally routable unicast addresses pass. IPv6 forms that embed an IPv4 address
 * (mapped, compatible, NAT64, 6to4, Teredo) are judged by the address they embed. The operator
 * may open private ranges for local development (`allowPrivateNetworks`, or a CIDR allowlist).
 */
import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

export interface SsrfPolicy {
  /** Accept `http:` URLs (local development only). */
  allowHttp?: boolean | undefined
  /** Accept loopback, private, link-local, CGNAT and unique-local addresses (local demo only). */
  allowPrivateNetworks?: boolean | undefined
  /** Addresses accepted whatever their range, e.g. `127.0.0.1/32` for the demo receivers. */
  allowCidrs?: readonly string[] | undefined
}

export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError'
}

/** Cloud metadata endpoints: refused even with `allowPrivateNetworks` (only a CIDR opens them). */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']

/** Ranges `allowPrivateNetworks` opens; everything else that is not unicast stays refused. */
const PRIVATE_RANGES = new Set([
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
  'unspecified',
])

type Address = ipaddr.IPv4 | ipaddr.IPv6

/** The IPv4 address an IPv6 address carries, for the forms that route to it. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range()
  const b = address.toByteArray()
  const v4 = (offset: number) =>
    new ipaddr.IPv4([b[offset] ?? 0, b[offset + 1] ?? 0, b[offset + 2] ?? 0, b[offset + 3] ?? 0])
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return v4(12)
  if (range === '6to4') return v4(2)
  if (range === 'teredo') {
    // The client address is the last 32 bits, inverted.
    return new ipaddr.IPv4(v4(12).octets.map((o) => o ^ 0xff))
  }
  // IPv4-compatible (deprecated `::a.b.c.d`): 96 zero bits then an IPv4 address.
  if (b.slice(0, 12).every((x) => x === 0) && range !== 'loopback' && range !== 'unspecified') {
    return v4(12)
  }
  return null
}

const parsedCidrs = new WeakMap<readonly string[], [Address, number][]>()

function cidrsOf(policy: SsrfPolicy): [Address, number][] {
  const list = policy.allowCidrs
  if (!list) return []
  let parsed = parsedCidrs.get(list)
  if (!parsed) {
    parsed = list.map((cidr) => ipaddr.parseCIDR(cidr))
    parsedCidrs.set(list, parsed)
  }
  return parsed
}

function inAllowlist(address: Address, policy: SsrfPolicy): boolean {
  for (const [range, bits] of cidrsOf(policy)) {
    if (address.kind() === range.kind() && address.match([range, bits] as never)) return true
    if (address.kind() === 'ipv6') {
      const v4 = embeddedIPv4(address as ipaddr.IPv6)
      if (v4 && range.kind() === 'ipv4' && v4.match([range, bits] as never)) return true
    }
  }
  return false
}

/** Why an address is refused, or null when it may be called. */
export function addressRefusal(ip: string, policy: SsrfPolicy = {}): string | null {
  if (!ipaddr.isValid(ip)) return `not an IP address: ${ip}`
  const address = ipaddr.parse(ip)
  if (inAllowlist(address, policy)) return null
  const normal = address.toNormalizedString()
  if (METADATA.some((m) => ipaddr.parse(m).toNormalizedString() === normal)) {
    return `${ip} is a cloud metadata address`
  }
  if (address.kind() === 'ipv6') {
    const v4 = embeddedIPv4(address as ipaddr.IPv6)
    if (v4) {
      const inner = addressRefusal(v4.toString(), policy)
      return inner ? `${ip} embeds a refused IPv4 address (${inner})` : null
    }
  }
  const range = address.range()
  if (range === 'unicast') return null
  if (policy.allowPrivateNetworks && PRIVATE_RANGES.has(range)) return null
  return `${ip} is in the ${range} range`
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>

const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/** Scheme, credentials and host-shape checks that need no DNS. Returns the parsed URL. */
export function checkUrlShape(raw: string, policy: SsrfPolicy = {}): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new UnsafeUrlError('Not a valid URL')
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new UnsafeUrlError(
      policy.allowHttp ? 'Only http(s) URLs are accepted' : 'Only https URLs are accepted',
    )
  }
  if (url.username || url.password) throw new UnsafeUrlError('Credentials in the URL are refused')
  // WHATWG URL parsing already turned `2130706433`, `0x7f.1` and `0177.0.0.1` into dotted quads.
  const host = hostOf(url)
  if (isIP(host)) {
    const refusal = addressRefusal(host, policy)
    if (refusal) throw new UnsafeUrlError(refusal)
  }
  return url
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/**
 * Full check: shape, then every address the host resolves to. `lookup` is injectable so tests
 * can make a name resolve to loopback.
 */
export async function checkUrl(
  raw: string,
  policy: SsrfPolicy = {},
  lookup: LookupAll = systemLookup,
): Promise<URL> {
  const url = checkUrlShape(raw, policy)
  const host = hostOf(url)
  if (isIP(host)) return url
  let addresses: { address: string }[]
  try {
    addresses = await lookup(host)
  } catch (cause) {
    throw new UnsafeUrlError(`The host ${host} does not resolve`, { cause })
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`The host ${host} does not resolve`)
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy)
    if (refusal) throw new UnsafeUrlError(`${host} resolves to a refused address: ${refusal}`)
  }
  return url
}
