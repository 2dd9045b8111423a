/**
 * Who the client is behind `hops` trusted reverse proxies: the address that many hops from the
 * right of the chain `X-Forwarded-For…, peer`, the rule of Express's `trust proxy = n` and of
 * `proxy-addr`. Each proxy appends the address it got the request from, so only the last
 * `hops` entries were written by someone we trust; the entries to their left are the client's
 * to forge and are never read.
 */
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6

/** A strict IP literal (no port, no `127.1` shorthand), else undefined. */
function parseAddress(text: string | undefined): IpAddress | undefined {
  const trimmed = text?.trim()
  return trimmed && isIP(trimmed) ? ipaddr.parse(trimmed) : undefined
}

export function forwardedClient(
  peer: string | undefined,
  forwardedFor: string | undefined,
  hops: number,
): IpAddress | undefined {
  let client = parseAddress(peer)
  if (!client || hops <= 0 || forwardedFor === undefined) return client
  const entries = forwardedFor.split(',')
  // Fewer entries than hops: the leftmost one is the client the first proxy saw.
  for (let hop = 1; hop <= Math.min(hops, entries.length); hop++) {
    const next = parseAddress(entries[entries.length - hop])
    // A trusted hop that did not write an address: count the request against that hop rather
    // than guess, so a malformed header shares a bucket instead of opening a new one.
    if (!next) return client
    client = next
  }
  return client
}
