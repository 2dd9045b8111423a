/**
 * `receiver add|list|update|disable|enable|rotate-secret|test`: the operator's hand on webhook
 * endpoints, through the same functions and schemas as the API. URLs are checked against the
 * SSRF policy of the environment (`WEBHOOK_ALLOW_*`, see `delivery/config.ts`).
 */
import { ReceiverCreate, ReceiverUpdate } from '@safe-place/schemas'
import type { Command } from 'commander'
import {
  createReceiver,
  listReceivers,
  sendTestMessage,
  updateReceiver,
} from '../delivery/receivers-store'
import { rotateReceiverSecret } from '../delivery/rotation'
import { UnsafeUrlError } from '../delivery/ssrf'
import { HubError } from '../hub-error'
import type { CliContext } from './context'
import { parseWith } from './parse'

interface ReceiverFlags {
  partner?: string
  kind?: string
  name?: string
  nameEn?: string
  purpose?: string
  purposeEn?: string
  url?: string
  profile?: string
  categories?: string
  platforms?: string
  countries?: string
  consentRequired?: boolean
  consentTextVersion?: string
  secret?: string
  concurrency?: string
  rate?: string
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
const int = (value: string | undefined) => (value === undefined ? undefined : Number(value))
const text = (fr: string | undefined, en: string | undefined) =>
  fr === undefined ? undefined : { fr, en: en ?? fr }

function fields(o: ReceiverFlags) {
  const filters = {
    categories: list(o.categories),
    platforms: list(o.platforms),
    countries: list(o.countries),
  }
  const hasFilters = Object.values(filters).some((v) => v !== undefined)
  const out: Record<string, unknown> = {
    kind: o.kind,
    name: text(o.name, o.nameEn),
    purpose: text(o.purpose, o.purposeEn),
    url: o.url,
    profile: o.profile,
    filters: hasFilters ? JSON.parse(JSON.stringify(filters)) : undefined,
    consentRequired: o.consentRequired,
    consentTextVersion: o.consentTextVersion,
    concurrency: int(o.concurrency),
    ratePerSecond: int(o.rate),
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined))
}

function withFieldOptions(command: Command): Command {
  return command
    .option(
      '--kind <kind>',
      'federation|trusted_flagger|moderation_vendor|partner|operations (alerts, never reports)',
    )
    .option('--name <name>', 'display name (French, and English unless --name-en)')
    .option('--name-en <name>', 'English display name')
    .option('--purpose <text>', 'what the receiver does with reports, shown to the reporter')
    .option('--purpose-en <text>', 'English purpose')
    .option('--url <url>', 'webhook endpoint (https)')
    .option('--profile <profile>', 'full|notice|content')
    .option('--categories <list>', 'only these categories (comma-separated)')
    .option('--platforms <list>', 'only these platforms (comma-separated)')
    .option('--countries <list>', 'only these countries (comma-separated, e.g. FR,BE)')
    .option('--no-consent-required', 'deliver without the reporter consenting to this receiver')
    .option('--consent-text-version <version>', 'version of the consent text shown')
    .option('--concurrency <n>', 'requests in flight at once (1–32)')
    .option('--rate <n>', 'requests started per second (1–1000)')
}

function unsafe(error: unknown): never {
  if (error instanceof UnsafeUrlError) throw new HubError('unsafe_url', error.message)
  throw error
}

export function registerReceivers(program: Command, ctx: CliContext): void {
  const receiver = program.command('receiver').description('Manage receivers (webhook endpoints)')
  const ssrf = () => ctx.config().delivery.ssrf

  withFieldOptions(
    receiver
      .command('add')
      .description('Add a receiver; prints it with its secret (shown once)')
      .requiredOption('--partner <id>', 'the partner it belongs to')
      .option('--secret <whsec>', 'use this Standard Webhooks secret instead of generating one'),
  ).action(async (o: ReceiverFlags) => {
    const input = parseWith(ReceiverCreate, {
      partnerId: o.partner,
      secret: o.secret,
      ...fields(o),
    })
    ctx.print(
      await ctx.withDatabase((h) =>
        createReceiver(h, ctx.keyring(), input, new Date(), { ssrf: ssrf() }).catch(unsafe),
      ),
    )
  })

  receiver
    .command('list')
    .description('List receivers with their health (enabled, disabled reason, failing since)')
    .option('--partner <id>', 'only this partner')
    .action(async (o: { partner?: string }) => {
      ctx.print(await ctx.withDatabase(({ db }) => listReceivers(db, o.partner)))
    })

  withFieldOptions(receiver.command('update <id>').description('Change a receiver')).action(
    async (id: string, o: ReceiverFlags) => {
      const input = parseWith(ReceiverUpdate, fields(o))
      await change(id, input)
    },
  )

  receiver
    .command('disable <id>')
    .description('Stop delivering to a receiver (messages wait)')
    .option('--reason <text>', 'why', 'Disabled by the operator')
    .action(async (id: string, o: { reason: string }) =>
      change(id, { enabled: false, disabledReason: o.reason }),
    )

  receiver
    .command('enable <id>')
    .description('Deliver to a receiver again (clears the failure streak)')
    .action(async (id: string) => change(id, { enabled: true }))

  receiver
    .command('rotate-secret <id>')
    .description('New signing secret; the old one keeps signing beside it for 24 h')
    .option('--secret <whsec>', 'use this secret instead of generating one')
    .action(async (id: string, o: { secret?: string }) => {
      const rotated = await ctx.withDatabase((h) =>
        h.write((tx) =>
          rotateReceiverSecret(tx, ctx.keyring(), id, new Date(), { secret: o.secret }),
        ),
      )
      if (!rotated) throw new HubError('not_found', `No receiver ${id}`)
      ctx.print(rotated)
    })

  receiver
    .command('test <id>')
    .description('Queue a webhook.test message (the running hub delivers it)')
    .action(async (id: string) => {
      const messageId = await ctx.withDatabase((h) =>
        h.write((tx) => sendTestMessage(tx, ctx.keyring(), id, new Date())),
      )
      ctx.print({ messageId })
    })

  async function change(id: string, input: Parameters<typeof updateReceiver>[2]) {
    const updated = await ctx.withDatabase((h) =>
      updateReceiver(h, id, input, new Date(), { ssrf: ssrf() }).catch(unsafe),
    )
    if (!updated) throw new HubError('not_found', `No receiver ${id}`)
    ctx.print(updated)
  }
}
