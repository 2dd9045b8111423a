/**
 * The rate-limit bucket of a client address. IPv4 addresses count one by one; an IPv6 client
 * counts by its network prefix (`/64` by default), since one subscriber or one server holds a
 * whole /64 and could otherwise take a fresh address for every request. An IPv4-mapped IPv6
 * address (`::ffff:192.0.2.7`, a dual-stack socket's view of an IPv4 peer) is that IPv4 address.
 */
import ipaddr from 'ipaddr.js'
import type { IpAddress } from './forwarded-client'

export function clientBucket(address: IpAddress, ipv6Prefix: number): string {
  if (address.kind() === 'ipv4') return address.toString()
  const v6 = address as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString()
  // Rebuilt from its parts to drop a zone id (`fe80::1%eth0`), which is not part of the network.
  const bare = new ipaddr.IPv6(v6.parts).toNormalizedString()
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${bare}/${ipv6Prefix}`)
  return `${network.toRFC5952String()}/${ipv6Prefix}`
}
