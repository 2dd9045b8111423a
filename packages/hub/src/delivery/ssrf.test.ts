import { describe, expect, it } from 'vitest'
import { addressRefusal, checkUrl, checkUrlShape, UnsafeUrlError } from './ssrf'

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

describe('SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::a00:1',
    '2002:7f00:1::',
    '2002:a00:1::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
  ])('refuses %s', (ip) => {
    expect(addressRefusal(ip)).not.toBeNull()
  })

  it.each(['93.184.215.14', '2606:4700:4700::1111', '::ffff:93.184.215.14', '2002:5db8:d70e::1'])(
    'accepts the public address %s',
    (ip) => {
      expect(addressRefusal(ip)).toBeNull()
    },
  )

  it.each([
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://10.0.0.8/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:7f00:1]/hook',
    'https://2130706433/hook',
    'https://0x7f.0.0.1/hook',
    'https://0177.0.0.1/hook',
    'https://0x7f000001/hook',
    'https://017700000001/hook',
  ])('refuses the URL %s at configuration', async (url) => {
    await expect(checkUrl(url)).rejects.toBeInstanceOf(UnsafeUrlError)
  })

  it('refuses http unless allowed, and credentials in URLs', () => {
    expect(() => checkUrlShape('http://hooks.example.org/x')).toThrow(UnsafeUrlError)
    expect(checkUrlShape('http://hooks.example.org/x', { allowHttp: true }).host).toBe(
      'hooks.example.org',
    )
    expect(() => checkUrlShape('https://user:pw@hooks.example.org/x')).toThrow(UnsafeUrlError)
    expect(() => checkUrlShape('ftp://hooks.example.org/x')).toThrow(UnsafeUrlError)
  })

  it('refuses a host name that resolves to loopback or to any private address', async () => {
    await expect(
      checkUrl('https://rebind.example.org/hook', {}, resolvesTo('127.0.0.1')),
    ).rejects.toThrow(/refused address/)
    await expect(
      checkUrl('https://mixed.example.org/hook', {}, resolvesTo('93.184.215.14', '10.0.0.1')),
    ).rejects.toThrow(/refused address/)
    await expect(checkUrl('https://localhost/hook')).rejects.toBeInstanceOf(UnsafeUrlError)
    const ok = await checkUrl('https://public.example.org/hook', {}, resolvesTo('93.184.215.14'))
    expect(ok.hostname).toBe('public.example.org')
  })

  it('lets the operator open loopback for the local demo, but not metadata', async () => {
    expect(addressRefusal('127.0.0.1', { allowPrivateNetworks: true })).toBeNull()
    expect(addressRefusal('::1', { allowPrivateNetworks: true })).toBeNull()
    expect(addressRefusal('169.254.169.254', { allowPrivateNetworks: true })).not.toBeNull()
    expect(addressRefusal('127.0.0.1', { allowCidrs: ['127.0.0.1/32'] })).toBeNull()
    expect(addressRefusal('::ffff:127.0.0.1', { allowCidrs: ['127.0.0.1/32'] })).toBeNull()
    expect(addressRefusal('127.0.0.2', { allowCidrs: ['127.0.0.1/32'] })).not.toBeNull()
    await expect(
      checkUrl('http://127.0.0.1:8080/hook', { allowHttp: true, allowCidrs: ['127.0.0.0/8'] }),
    ).resolves.toBeInstanceOf(URL)
  })
})
