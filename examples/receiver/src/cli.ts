/**
 * The receiver from the command line:
 *   tsx src/cli.ts --role trusted_flagger --port 4102 --secret whsec_… \
 *     --hub http://127.0.0.1:8787 --api-key sp_rcv_… --act-after 3000
 * Flags fall back to environment variables (see `--help`). Ctrl-C stops it.
 */
import { parseArgs } from 'node:util'
import { startReceiver } from './receiver'
import { isRole, roles } from './roles'

const help = `Safe Place example receiver: verifies webhook deliveries and prints them.

  --role       federation | trusted_flagger | moderation_vendor | operations (env RECEIVER_ROLE, default federation)
  --port       port to listen on, 0 for any                       (env PORT, default 0)
  --host       interface                                          (env HOST, default 127.0.0.1)
  --secret     whsec_… secret; repeat for a rotation              (env SAFE_PLACE_WEBHOOK_SECRET, comma-separated)
  --hub        hub URL, to post status updates                    (env SAFE_PLACE_HUB_URL)
  --api-key    receiver API key, to post status updates           (env SAFE_PLACE_API_KEY)
  --act-after  trusted flagger: ms after a report to post action_taken (env RECEIVER_ACT_AFTER_MS)

The trusted flagger also posts action_taken on demand: curl -X POST <url>/act/SP-XXXX-XXXX
`

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    secret: { type: 'string', multiple: true },
    hub: { type: 'string' },
    'api-key': { type: 'string' },
    'act-after': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log(help)
  process.exit(0)
}

const env = process.env
const role = values.role ?? env.RECEIVER_ROLE ?? 'federation'
if (!isRole(role)) {
  console.error(`--role must be one of ${Object.keys(roles).join(', ')}\n\n${help}`)
  process.exit(2)
}
const secrets =
  values.secret ??
  env.SAFE_PLACE_WEBHOOK_SECRET?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
if (!secrets?.length) {
  console.error(`A webhook secret is needed (--secret or SAFE_PLACE_WEBHOOK_SECRET).\n\n${help}`)
  process.exit(2)
}
const actAfter = values['act-after'] ?? env.RECEIVER_ACT_AFTER_MS

const receiver = await startReceiver({
  role,
  secret: secrets,
  port: Number(values.port ?? env.PORT ?? 0),
  host: values.host ?? env.HOST ?? '127.0.0.1',
  hubUrl: values.hub ?? env.SAFE_PLACE_HUB_URL,
  apiKey: values['api-key'] ?? env.SAFE_PLACE_API_KEY,
  actAfterMs: actAfter === undefined ? undefined : Number(actAfter),
})
console.log(`[${roles[role].label}] listening on ${receiver.url} (${roles[role].profile} profile)`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    receiver.close().finally(() => process.exit(0))
  })
}
