/** `report show <reference>`: the operator's detail view, content decrypted. */
import type { Command } from 'commander'
import { reportDetail } from '../admin/reports'
import type { CliContext } from './context'

export function registerReports(program: Command, ctx: CliContext): void {
  const report = program.command('report').description('Read reports')
  report
    .command('show')
    .description('Show one report with its timeline')
    .argument('<reference>', 'e.g. SP-7K3Q-9XWD')
    .action(async (reference: string) => {
      const keyring = ctx.keyring()
      ctx.print(await ctx.withDatabase(({ db }) => reportDetail(db, keyring, undefined, reference)))
    })
}
