import { describe, expect, it } from 'vitest'
import { forwardedClient } from './forwarded-client'

const client = (peer: string | undefined, forwardedFor: string | undefined, hops: number) =>
  forwardedClient(peer, forwardedFor, hops)?.toString()

describe('the client behind trusted proxy hops', () => {
  it('is the peer when no proxy is trusted, whatever the header says', () => {
    expect(client('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9')
    expect(client('203.0.113.9', undefined, 1)).toBe('203.0.113.9')
  })

  it('is the address that many hops from the right, never a forged entry to its left', () => {
    const header = '6.6.6.6, 7.7.7.7, 198.51.100.20, 10.0.0.2'
    expect(client('10.0.0.1', header, 1)).toBe('10.0.0.2')
    expect(client('10.0.0.1', header, 2)).toBe('198.51.100.20')
    expect(client('10.0.0.1', header, 3)).toBe('7.7.7.7')
    // What a client sends first stays its own to forge: only trusted hops are read.
    expect(client('10.0.0.1', 'forged-anything, 198.51.100.20', 1)).toBe('198.51.100.20')
  })

  it('is the leftmost entry when the chain is shorter than the hops', () => {
    expect(client('10.0.0.1', '198.51.100.20', 3)).toBe('198.51.100.20')
    expect(client('10.0.0.1', '198.51.100.20, 10.0.0.2', 5)).toBe('198.51.100.20')
  })

  it('reads IPv6 entries and tolerates spaces', () => {
    expect(client('::1', ' 2001:db8::1 ,  2001:db8:0:1::7 ', 1)).toBe('2001:db8:0:1::7')
    expect(client('::ffff:10.0.0.1', '2001:db8::1', 1)).toBe('2001:db8::1')
  })

  it('stops at the last hop that wrote an address when a trusted entry is malformed', () => {
    for (const bad of ['', ' ', 'unknown', '198.51.100.20:4711', '[2001:db8::1]:443', '127.1']) {
      expect(client('10.0.0.1', `198.51.100.99, ${bad}`, 1)).toBe('10.0.0.1')
      expect(client('10.0.0.1', `${bad}, 10.0.0.2`, 2)).toBe('10.0.0.2')
    }
    expect(client('10.0.0.1', '198.51.100.99,,10.0.0.2', 2)).toBe('10.0.0.2')
  })

  it('ignores malformed entries beyond the trusted hops', () => {
    expect(client('10.0.0.1', 'garbage, ;;, 198.51.100.20', 1)).toBe('198.51.100.20')
  })

  it('has no address without a readable peer', () => {
    expect(client(undefined, '198.51.100.20', 1)).toBeUndefined()
    expect(client('not-an-ip', '198.51.100.20', 1)).toBeUndefined()
  })
})
