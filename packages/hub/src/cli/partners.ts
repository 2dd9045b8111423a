/** `partner add|list`. */
import { PartnerCreate } from '@safe-place/schemas'
import type { Command } from 'commander'
import { createPartner, listPartners } from '../admin/partners'
import type { CliContext } from './context'
import { parseWith } from './parse'

export function registerPartners(program: Command, ctx: CliContext): void {
  const partner = program.command('partner').description('Manage partners (tenants)')
  partner
    .command('add')
    .description('Create a partner')
    .requiredOption('--name <name>', 'display name')
    .requiredOption(
      '--kind <kind>',
      'brand|agency|platform|federation|trusted_flagger|moderation_vendor',
    )
    .action(async (options: { name: string; kind: string }) => {
      const input = parseWith(PartnerCreate, options)
      ctx.print(
        await ctx.withDatabase((h) => h.write((tx) => createPartner(tx, input, new Date()))),
      )
    })
  partner
    .command('list')
    .description('List partners')
    .action(async () => {
      ctx.print(await ctx.withDatabase(({ db }) => listPartners(db, undefined)))
    })
}
