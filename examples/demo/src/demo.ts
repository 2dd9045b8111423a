/**
 * `startDemo`: the whole programme on one machine. A hub on an embedded database, three
 * example receivers that verify every delivery (and a fourth for the operators' alerts), a
 * mailbox that prints every mail the hub sends, and a partner page on another origin with the
 * panel on it, all on loopback. Used by `pnpm start` and by the end-to-end test.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { servePlainHtml } from '@safe-place/example-plain-html'
import { type Role, type RunningReceiver, startReceiver } from '@safe-place/example-receiver'
import { createApiKey, loadConfig, openDatabase, type RunningHub, startHub } from '@safe-place/hub'
import { type Mailbox, startMailbox } from './mailbox'
import { claimPort } from './ports'
import { seedDemo } from './seed'
import { type DemoState, readState, writeState } from './state'
import { demoReceivers } from './tenant'

export interface DemoOptions {
  /** Where the database, the encryption key and the demo's state live. */
  dataDir: string
  host?: string
  /** 0 picks a free port (tests). Defaults: hub 8787, page 5173, receivers 8791–8793. */
  hubPort?: number
  pagePort?: number
  receiverPorts?: Partial<Record<Role, number>>
  /** The mailbox the hub sends its mails to (default 2525; 0 picks a free port). */
  mailPort?: number
  /** Also allowed on the site key; default: the React and Vue examples' dev servers. */
  exampleOrigins?: string[]
  /** The trusted flagger posts `action_taken` this long after each report; off when unset. */
  actAfterMs?: number | undefined
  /** Receivers print each verified event here; default `console.log`. */
  log?: (line: string) => void
  /** The hub's own log level (JSON lines on stdout); default `warn` to keep the demo readable. */
  hubLogLevel?: string
}

export interface RunningDemo {
  hubUrl: string
  pageUrl: string
  operatorKey: string
  siteKey: string
  receivers: Record<Role, RunningReceiver & { id: string }>
  /** Every mail the hub sent: reporters' notifications and operators' alerts. */
  mailbox: Mailbox
  close(): Promise<void>
}

const roles = Object.keys(demoReceivers) as Role[]
const defaultReceiverPorts: Record<Role, number> = {
  federation: 8791,
  trusted_flagger: 8792,
  moderation_vendor: 8793,
  operations: 8794,
}

/** Where the demo's operator alerts go. */
export const DEMO_OPERATOR_EMAIL = 'exploitation@demo.safe-place.test'

/** A new install's first step: an operator key, made on the database directly. */
async function bootstrap(databaseUrl: string): Promise<DemoState> {
  const database = await openDatabase({ url: databaseUrl })
  try {
    await database.migrate()
    const key = await database.write((tx) =>
      createApiKey(tx, { name: 'Opérateur de la démo', scope: 'operator' }, new Date()),
    )
    return { operatorKey: key.secret, receivers: {} }
  } finally {
    await database.close()
  }
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1'
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const databaseUrl = `file:${join(dataDir, 'hub.db')}`
  const hubPort = await claimPort(options.hubPort ?? 8787, host, '--hub-port')
  const pagePort = await claimPort(options.pagePort ?? 5173, host, '--page-port')
  const state = readState(dataDir) ?? (await bootstrap(databaseUrl))

  const started: { close(): Promise<void> }[] = []
  const closeAll = async () => {
    for (const part of started.reverse()) await part.close().catch(() => {})
  }
  try {
    const mailbox = await startMailbox({
      host,
      port: await claimPort(options.mailPort ?? 2525, host, '--mail-port'),
      log: options.log,
    })
    started.push(mailbox)
    const receivers = {} as Record<Role, RunningReceiver>
    for (const role of roles) {
      const port = options.receiverPorts?.[role] ?? defaultReceiverPorts[role]
      receivers[role] = await startReceiver({
        role,
        host,
        port: await claimPort(port, host, `--${role.replace('_', '-')}-port`),
        actAfterMs: role === 'trusted_flagger' ? options.actAfterMs : undefined,
        log: options.log,
      })
      started.push(receivers[role])
    }

    // Loopback receivers over plain HTTP, for this demo only: the SSRF guard keeps refusing
    // every other private address.
    // Mails go to the demo's mailbox, which prints them.
    const env = {
      ...process.env,
      WEBHOOK_ALLOW_HTTP: '1',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
      SMTP_URL: mailbox.url,
      SMTP_FROM: 'Safe Place (démo) <no-reply@demo.safe-place.test>',
      ALERT_EMAIL: DEMO_OPERATOR_EMAIL,
    }
    const config = loadConfig(env, {
      dataDir,
      databaseUrl,
      host,
      port: hubPort,
      logLevel: options.hubLogLevel ?? 'warn',
    })
    const hub: RunningHub = await startHub(config)
    started.push(hub)

    const pageOrigin = `http://${host}:${pagePort}`
    await seedDemo({
      hubUrl: hub.url,
      state,
      pageOrigin,
      extraOrigins: options.exampleOrigins ?? [
        `http://${host}:5174`, // examples/react (pnpm --filter @safe-place/example-react dev)
        `http://${host}:5175`, // examples/vue
      ],
      receiverUrls: Object.fromEntries(roles.map((r) => [r, receivers[r].url])) as Record<
        Role,
        string
      >,
    })
    writeState(dataDir, state)
    for (const role of roles) {
      receivers[role].configure({
        secret: state.receivers[role]?.secret,
        hubUrl: hub.url,
        ...(role === 'trusted_flagger' ? { apiKey: state.trustedFlaggerKey } : {}),
      })
    }

    const page = await servePlainHtml({
      hubUrl: hub.url,
      siteKey: state.siteKey!,
      port: pagePort,
      host,
    })
    started.push(page)

    return {
      hubUrl: hub.url,
      pageUrl: page.url,
      operatorKey: state.operatorKey,
      siteKey: state.siteKey!,
      receivers: Object.fromEntries(
        roles.map((r) => [r, Object.assign(receivers[r], { id: state.receivers[r]!.id })]),
      ) as RunningDemo['receivers'],
      mailbox,
      close: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}
