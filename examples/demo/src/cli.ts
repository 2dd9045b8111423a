/**
 * `pnpm start`: runs the demo until Ctrl-C.
 *
 *   tsx src/cli.ts [--data-dir ./data] [--hub-port 8787] [--page-port 5173]
 *                  [--federation-port 8791] [--trusted-flagger-port 8792]
 *                  [--moderation-vendor-port 8793] [--act-after 5s|off]
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startDemo } from './demo'

const { values } = parseArgs({
  // `pnpm start -- --x` hands the `--` on; it separates nothing here.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'data-dir': { type: 'string', default: './data' },
    'hub-port': { type: 'string', default: '8787' },
    'page-port': { type: 'string', default: '5173' },
    'federation-port': { type: 'string', default: '8791' },
    'trusted-flagger-port': { type: 'string', default: '8792' },
    'moderation-vendor-port': { type: 'string', default: '8793' },
    'operations-port': { type: 'string', default: '8794' },
    'mail-port': { type: 'string', default: '2525' },
    'act-after': { type: 'string', default: '5s' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log(`Usage: pnpm start [-- options]

  --data-dir <dir>                database, encryption key and demo state (default ./data)
  --hub-port <port>               the hub (default 8787)
  --page-port <port>              the partner page, on its own origin (default 5173)
  --federation-port <port>        the federation's receiver (default 8791)
  --trusted-flagger-port <port>   the trusted flagger's receiver (default 8792)
  --moderation-vendor-port <port> the moderation vendor's receiver (default 8793)
  --operations-port <port>        the operators' alert endpoint (default 8794)
  --mail-port <port>              the mailbox that prints every mail (default 2525)
  --act-after <5s|off>            the trusted flagger removes the content this long after a report`)
  process.exit(0)
}

function port(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 65_535) {
    console.error(`--${flag} must be a port number (1–65535), not "${value}".`)
    process.exit(2)
  }
  return n
}

function delay(value: string): number | undefined {
  if (value === 'off') return undefined
  const match = /^(\d+)(ms|s)?$/.exec(value)
  if (!match) {
    console.error(`--act-after must look like 5s, 800ms or off, not "${value}".`)
    process.exit(2)
  }
  return Number(match[1]) * (match[2] === 'ms' ? 1 : 1000)
}

const actAfterMs = delay(values['act-after'])
let demo: Awaited<ReturnType<typeof startDemo>>
try {
  demo = await startDemo({
    dataDir: values['data-dir'],
    hubPort: port('hub-port', values['hub-port']),
    pagePort: port('page-port', values['page-port']),
    receiverPorts: {
      federation: port('federation-port', values['federation-port']),
      trusted_flagger: port('trusted-flagger-port', values['trusted-flagger-port']),
      moderation_vendor: port('moderation-vendor-port', values['moderation-vendor-port']),
      operations: port('operations-port', values['operations-port']),
    },
    mailPort: port('mail-port', values['mail-port']),
    actAfterMs,
  })
} catch (error) {
  console.error(`The demo could not start: ${(error as Error).message}`)
  process.exit(1)
}

const r = demo.receivers
console.log(`
Safe Place is running on this machine only (127.0.0.1).

  Partner page with the panel   ${demo.pageUrl}
  Hub                           ${demo.hubUrl}
    API reference               ${demo.hubUrl}/docs
    Operator console            ${demo.hubUrl}/console
  Receivers (verify and print every delivery below)
    federation          full     ${r.federation.url}
    trusted flagger     notice   ${r.trusted_flagger.url}
    moderation vendor   content  ${r.moderation_vendor.url}
    operations alerts            ${r.operations.url}
  Mailbox (prints every mail the hub sends below)   ${demo.mailbox.url}

  Operator API key (demo only, also in ${resolve(values['data-dir'], 'demo-state.json')}):
    ${demo.operatorKey}

Open the partner page, send a report and tick some of the receivers: each one you chose
prints the verified delivery here, the others get nothing. Tick "tell me by e-mail" and
every change of your report prints a neutral mail here.${
  actAfterMs === undefined
    ? ''
    : ` The trusted flagger "removes" reported
content ${actAfterMs / 1000} s later: follow your report with its reference and code to see it.`
}
The React and Vue examples can use this hub too: see examples/react and examples/vue.
Ctrl-C stops everything.
`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130)
    stopping = true
    console.log('\nStopping…')
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
