import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/program'
import { loadConfig } from '../src/config'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('safe-place-hub CLI', () => {
  it('creates a partner, a site key and an API key; lists and revokes', async () => {
    expect((await cli('migrate')).code).toBe(0)
    const partner = await cli('partner', 'add', '--name', 'Marque', '--kind', 'brand')
    expect(partner.code).toBe(0)
    const { id } = JSON.parse(partner.out) as { id: string }
    const site = await cli(
      'site-key',
      'add',
      '--partner',
      id,
      '--origin',
      'https://a.example',
      '--origin',
      'https://b.example',
    )
    expect(site.code).toBe(0)
    const siteKey = JSON.parse(site.out) as { key: string; allowedOrigins: string[] }
    expect(siteKey.allowedOrigins).toEqual(['https://a.example', 'https://b.example'])
    const list = JSON.parse((await cli('site-key', 'list')).out) as unknown[]
    expect(list).toHaveLength(1)
    expect((await cli('site-key', 'revoke', siteKey.key)).code).toBe(0)
    const key = await cli('api-key', 'add', '--name', 'ops', '--scope', 'operator')
    expect(JSON.parse(key.out).secret).toMatch(/^sk_live_/)
    expect((await cli('api-key', 'revoke', JSON.parse(key.out).id)).code).toBe(0)
    expect(JSON.parse((await cli('partner', 'list')).out)).toHaveLength(1)
  })

  it('answers clear errors with exit codes', async () => {
    const bad = await cli('partner', 'add', '--name', 'X', '--kind', 'martian')
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/kind/)
    const missing = await cli('report', 'show', 'SP-2222-2222')
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/No such report/)
    expect((await cli('nonsense')).code).toBe(2)
    const help = await cli('site-key', 'add', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/--origin/)
  })
})

describe('configuration', () => {
  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE: '0' })).toThrow(
      /SAFE_PLACE_CLIENT_REPORTS_PER_MINUTE/,
    )
    expect(loadConfig({ SAFE_PLACE_DATA_DIR: '/tmp/x' }).databaseUrl).toBe('file:/tmp/x/hub.db')
  })

  it('checks the delivery settings with the rest, naming each variable', () => {
    const bad: [Record<string, string>, string][] = [
      [{ WEBHOOK_TIMEOUT: 'abc' }, 'WEBHOOK_TIMEOUT'],
      [{ WEBHOOK_RETRY_SCHEDULE: '0,5s,soon' }, 'WEBHOOK_RETRY_SCHEDULE'],
      [{ WEBHOOK_DISABLE_AFTER: '-1d' }, 'WEBHOOK_DISABLE_AFTER'],
      [{ WEBHOOK_ALLOW_HTTP: 'maybe' }, 'WEBHOOK_ALLOW_HTTP'],
      [{ WEBHOOK_ALLOW_CIDRS: '10.0.0.0/99' }, 'WEBHOOK_ALLOW_CIDRS'],
      [{ DELIVERY_ENGINE: 'carrier-pigeon' }, 'DELIVERY_ENGINE'],
      [{ DELIVERY_ENGINE: 'svix' }, 'SVIX_API_KEY'],
      [{ SVIX_API_KEY: 'k', SVIX_SERVER_URL: 'not a url' }, 'SVIX_SERVER_URL'],
      [{ SVIX_API_KEY: 'k', SVIX_PAYLOAD_RETENTION_DAYS: '365' }, 'SVIX_PAYLOAD_RETENTION_DAYS'],
    ]
    for (const [env, name] of bad) expect(() => loadConfig(env), name).toThrow(name)
    const good = loadConfig({
      WEBHOOK_TIMEOUT: '2s',
      WEBHOOK_RETRY_SCHEDULE: '0,1s,1m',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32,::1/128',
    })
    expect(good.delivery).toMatchObject({
      engine: 'embedded',
      timeoutMs: 2000,
      retryScheduleMs: [0, 1000, 60_000],
      ssrf: { allowHttp: false, allowCidrs: ['127.0.0.1/32', '::1/128'] },
    })
  })

  it('checks the mail and alert settings, naming each variable', () => {
    const bad: [Record<string, string>, string][] = [
      [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
      [{ SMTP_TIMEOUT: 'later' }, 'SMTP_TIMEOUT'],
      [{ MAIL_RETRY_SCHEDULE: '0,5s,never' }, 'MAIL_RETRY_SCHEDULE'],
      [{ ALERT_EMAIL: 'ops@example.org,not-an-address' }, 'ALERT_EMAIL'],
      [{ ALERT_EMAIL_KINDS: 'receiver_disabled,coffee_low' }, 'ALERT_EMAIL_KINDS'],
      [{ ALERT_WEBHOOK_KINDS: 'everything' }, 'ALERT_WEBHOOK_KINDS'],
      [{ ALERT_LOCALE: 'de' }, 'ALERT_LOCALE'],
      [{ SAFE_PLACE_PUBLIC_URL: 'ftp://hub.example.org' }, 'SAFE_PLACE_PUBLIC_URL'],
    ]
    for (const [env, name] of bad) expect(() => loadConfig(env), name).toThrow(name)
    const good = loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      SMTP_FROM: 'Safe Place <no-reply@example.org>',
      MAIL_RETRY_SCHEDULE: '0,1m',
      ALERT_EMAIL: 'ops@example.org, oncall@example.org',
      ALERT_WEBHOOK_KINDS: 'none',
      SAFE_PLACE_PUBLIC_URL: 'https://hub.example.org',
    })
    expect(good.mail).toMatchObject({ retryScheduleMs: [0, 60_000] })
    expect(good.alerts).toEqual({
      email: ['ops@example.org', 'oncall@example.org'],
      emailKinds: ['receiver_disabled', 'message_dead', 'raid_detected', 'case_overdue'],
      webhookKinds: [],
      locale: 'fr',
    })
  })

  it('stops `serve` on a bad value before any migration, with exit code 2', async () => {
    const previous = process.env.WEBHOOK_TIMEOUT
    process.env.WEBHOOK_TIMEOUT = 'abc'
    try {
      const started = await cli('serve', '--port', '0')
      expect(started.code).toBe(2)
      expect(started.err).toMatch(/WEBHOOK_TIMEOUT/)
      expect(existsSync(join(dir, 'hub.db'))).toBe(false)
    } finally {
      if (previous === undefined) delete process.env.WEBHOOK_TIMEOUT
      else process.env.WEBHOOK_TIMEOUT = previous
    }
  })
})
