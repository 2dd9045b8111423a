import ipaddr from 'ipaddr.js'
import { describe, expect, it } from 'vitest'
import { clientBucket } from './client-bucket'

const bucket = (address: string, prefix = 64) => clientBucket(ipaddr.parse(address), prefix)

describe('rate-limit buckets', () => {
  it('counts IPv4 addresses one by one', () => {
    expect(bucket('198.51.100.20')).toBe('198.51.100.20')
    expect(bucket('198.51.100.21')).not.toBe(bucket('198.51.100.20'))
  })

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(bucket('::ffff:198.51.100.20')).toBe('198.51.100.20')
    expect(bucket('::ffff:c633:6414')).toBe('198.51.100.20')
  })

  it('counts every address of one IPv6 /64 as one client by default', () => {
    const keys = new Set(
      ['2001:db8:5:6::1', '2001:db8:5:6:ffff:ffff:ffff:ffff', '2001:DB8:5:6:1234::abcd'].map((a) =>
        bucket(a),
      ),
    )
    expect([...keys]).toEqual(['2001:db8:5:6::/64'])
    expect(bucket('2001:db8:5:7::1')).toBe('2001:db8:5:7::/64')
  })

  it('uses the configured prefix, at any bit', () => {
    expect(bucket('2001:db8:5:6::1', 48)).toBe('2001:db8:5::/48')
    expect(bucket('2001:db8:5:ff::1', 56)).toBe('2001:db8:5::/56')
    expect(bucket('2001:db8:5:1ff::1', 56)).toBe('2001:db8:5:100::/56')
    expect(bucket('2001:db8:5:6::1', 128)).toBe('2001:db8:5:6::1/128')
    expect(bucket('2001:db8:5:6::2', 128)).not.toBe(bucket('2001:db8:5:6::1', 128))
  })

  it('drops a zone id', () => {
    expect(bucket('fe80::1%eth0')).toBe(bucket('fe80::2'))
  })
})
