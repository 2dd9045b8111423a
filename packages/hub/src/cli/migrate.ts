/** `migrate`: apply the checked-in migrations (also done by `serve`). */
import type { Command } from 'commander'
import type { CliContext } from './context'

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      await ctx.withDatabase(async () => {})
      ctx.print('migrations applied')
    })
}
