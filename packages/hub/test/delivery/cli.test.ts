import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/program'

let dir: string
const saved = { ...process.env }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-cli-rcv-'))
})
afterEach(() => {
  process.env = { ...saved }
  rmSync(dir, { recursive: true, force: true })
})

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dir, ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) }
}

describe('receiver and deliveries CLI', () => {
  it('adds, updates, disables, enables, rotates, tests, lists deliveries and replays', async () => {
    const partner = (
      await cli('partner', 'add', '--name', 'Fédération', '--kind', 'federation')
    ).json() as { id: string }
    // The same receiver, refused while plain http to loopback is not allowed, then added.
    const add = [
      'receiver',
      'add',
      ...['--partner', partner.id, '--kind', 'federation', '--name', 'Fédé'],
      ...['--purpose', 'Soutien', '--url', 'http://127.0.0.1:9999/hook', '--profile', 'full'],
    ]
    const refused = await cli(...add)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/https|loopback/)

    process.env.WEBHOOK_ALLOW_HTTP = '1'
    process.env.WEBHOOK_ALLOW_CIDRS = '127.0.0.1/32'
    const added = await cli(...add, '--countries', 'FR,BE')
    expect(added.code, added.err).toBe(0)
    const receiver = added.json() as {
      id: string
      secret: string
      filters: { countries: string[] }
    }
    expect(receiver.secret).toMatch(/^whsec_/)
    expect(receiver.filters.countries).toEqual(['FR', 'BE'])

    expect((await cli('receiver', 'update', receiver.id, '--rate', '5')).json()).toMatchObject({
      ratePerSecond: 5,
    })
    expect(
      (await cli('receiver', 'disable', receiver.id, '--reason', 'maintenance')).json(),
    ).toMatchObject({ enabled: false, disabledReason: 'maintenance' })
    expect((await cli('receiver', 'enable', receiver.id)).json()).toMatchObject({
      enabled: true,
      disabledReason: null,
    })
    const rotated = (await cli('receiver', 'rotate-secret', receiver.id)).json() as {
      secret: string
    }
    expect(rotated.secret).not.toBe(receiver.secret)
    const { messageId } = (await cli('receiver', 'test', receiver.id)).json() as {
      messageId: string
    }
    expect(((await cli('receiver', 'list')).json() as unknown[]).length).toBe(1)

    const page = (await cli('deliveries', 'list', '--receiver', receiver.id)).json() as {
      items: { id: string; state: string }[]
    }
    expect(page.items.map((m) => m.id)).toEqual([messageId])
    expect((await cli('deliveries', 'show', messageId)).json()).toMatchObject({
      id: messageId,
      attempts: [],
    })
    expect((await cli('deliveries', 'replay', messageId)).json()).toEqual({ replayed: 1 })
    expect(
      (await cli('deliveries', 'replay', '--receiver', receiver.id, '--from', '2020-01-01')).json(),
    ).toEqual({ replayed: 0 })
    expect((await cli('deliveries', 'show', 'msg_nope')).code).toBe(1)
  })
})
