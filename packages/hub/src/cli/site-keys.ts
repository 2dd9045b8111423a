/** `site-key add|revoke|list`. */
import { SiteKeyCreate } from '@safe-place/schemas'
import type { Command } from 'commander'
import { createSiteKey, listSiteKeys, revokeSiteKey } from '../admin/site-keys'
import type { CliContext } from './context'
import { parseWith } from './parse'

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerSiteKeys(program: Command, ctx: CliContext): void {
  const siteKey = program.command('site-key').description('Manage public site keys')
  siteKey
    .command('add')
    .description('Create a site key bound to allowed origins')
    .requiredOption('--partner <id>', 'partner id (prt_…)')
    .requiredOption('--origin <origin>', 'allowed origin, repeatable', collect)
    .option('--label <label>', 'a label to recognise it')
    .option('--require-challenge', 'require proof of work on every report')
    .option('--rate-limit <perMinute>', 'reports per minute for the site key', Number)
    .option('--category <code>', 'limit to these categories, repeatable', collect)
    .action(
      async (o: {
        partner: string
        origin: string[]
        label?: string
        requireChallenge?: boolean
        rateLimit?: number
        category?: string[]
      }) => {
        const input = parseWith(SiteKeyCreate, {
          partnerId: o.partner,
          allowedOrigins: o.origin,
          ...(o.label ? { label: o.label } : {}),
          requireChallenge: o.requireChallenge ?? false,
          ...(o.rateLimit !== undefined ? { rateLimitPerMinute: o.rateLimit } : {}),
          ...(o.category ? { categories: o.category } : {}),
        })
        ctx.print(
          await ctx.withDatabase((h) =>
            h.write((tx) => createSiteKey(tx, undefined, input, new Date())),
          ),
        )
      },
    )
  siteKey
    .command('revoke')
    .description('Revoke a site key (by id sk_… or key spk_…)')
    .argument('<idOrKey>')
    .action(async (idOrKey: string) => {
      ctx.print(
        await ctx.withDatabase((h) =>
          h.write((tx) => revokeSiteKey(tx, undefined, idOrKey, new Date())),
        ),
      )
    })
  siteKey
    .command('list')
    .description('List site keys')
    .option('--partner <id>', 'only this partner')
    .action(async (o: { partner?: string }) => {
      ctx.print(await ctx.withDatabase(({ db }) => listSiteKeys(db, undefined, o.partner)))
    })
}
